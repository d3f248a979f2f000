#!/usr/bin/env python3
"""A greedy allocation agent for Mission Sandbox, standard library only.

It speaks the agent protocol (docs/agent-protocol.md): newline-delimited JSON on stdin/stdout.
Policy: take the open, unassigned imaging tasks by priority (highest first) and give each to the
nearest healthy satellite (by ground distance of its sub-satellite point to the target) that has
not been given a task in this call; ask the engine whether that satellite can image the target
now (a canImage query) and say so in the rationale.
"""
import json
import math
import sys

PROTOCOL = "mission-sandbox/1"


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def receive():
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    return json.loads(line)


def ground_km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a 6371 km sphere (haversine), angles in radians."""
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def plan(message, next_query_id):
    view = message["view"]
    sats = [s for s in view["satellites"] if not s["failed"] and not s["retired"] and s["role"] == "active"]
    open_tasks = [t for t in view["tasks"] if t["state"] == "open" and t["assignedTo"] is None]
    open_tasks.sort(key=lambda t: (-t["priority"], t["id"]))
    busy = {t["assignedTo"] for t in view["tasks"] if t["assignedTo"] is not None and t["state"] == "open"}
    decisions = []
    for task in open_tasks:
        lat = task["target"]["latRad"]
        lon = task["target"]["lonRad"]
        free = [s for s in sats if s["id"] not in busy]
        if not free:
            break
        best = min(free, key=lambda s: (ground_km(s["latRad"], s["lonRad"], lat, lon), s["id"]))
        km = ground_km(best["latRad"], best["lonRad"], lat, lon)
        send({"type": "query", "id": next_query_id, "query": "canImage",
              "satellite": best["index"], "task": task["index"], "timeS": view["timeS"]})
        answer = receive()
        next_query_id += 1
        now = "can image it now" if answer.get("result") is True else "cannot image it yet"
        busy.add(best["id"])
        decisions.append({
            "kind": "assignTask", "satellite": best["id"], "task": task["id"],
            "rationale": f"{task['id']} (priority {task['priority']}) → {best['id']}: nearest free satellite, "
                         f"{km:.0f} km from the target, {now}.",
        })
    return decisions, next_query_id


def main():
    hello = receive()
    if hello.get("protocol") != PROTOCOL:
        sys.stderr.write(f"unsupported protocol {hello.get('protocol')}\n")
        sys.exit(2)
    send({"protocol": PROTOCOL, "type": "hello", "agent": "greedy-nearest (Python)"})
    query_id = 1
    while True:
        message = receive()
        if message["type"] == "plan":
            decisions, query_id = plan(message, query_id)
            send({"type": "decisions", "call": message["call"], "decisions": decisions})


if __name__ == "__main__":
    main()
