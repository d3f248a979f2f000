#!/usr/bin/env python3
"""A greedy allocation agent for Mission Sandbox, standard library only.

It speaks the agent protocol (docs/agent-protocol.md): newline-delimited JSON on stdin/stdout.
Policy: take the open, unassigned imaging tasks by priority (highest first) and give each to the
nearest healthy satellite (by ground distance of its sub-satellite point to the target) that has
not been given a task in this call; ask the engine whether that satellite can image the target
now (a canImage query) and say so in the rationale.
"""
import math

from sandbox_protocol import serve


def ground_km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a 6371 km sphere (haversine), angles in radians."""
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def plan(view, queries):
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
        now = "can image it now" if queries.can_image(best["index"], task["index"], view["timeS"]) else "cannot image it yet"
        busy.add(best["id"])
        decisions.append({
            "kind": "assignTask", "satellite": best["id"], "task": task["id"],
            "rationale": f"{task['id']} (priority {task['priority']}) → {best['id']}: nearest free satellite, "
                         f"{km:.0f} km from the target, {now}.",
        })
    return decisions


if __name__ == "__main__":
    serve("greedy-nearest (Python)", plan)
