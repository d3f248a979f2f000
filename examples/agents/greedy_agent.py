#!/usr/bin/env python3
"""A greedy allocation agent for Mission Sandbox, standard library only.

It speaks the agent protocol (docs/agent-protocol.md): newline-delimited JSON on stdin/stdout.
Policy: take the open, unassigned imaging tasks by priority (highest first) and give each to the
free satellite whose window over the target comes first, from the imaging opportunities the
engine sends with each plan message (computed with the same canImage a TypeScript planner
calls, until the next call); a task no free satellite passes over before then goes to the
nearest free one (by ground distance of its sub-satellite point to the target). A satellite
gets at most one task per call. Each rationale says which rule chose it.
"""
import math

from sandbox_protocol import serve


def ground_km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a 6371 km sphere (haversine), angles in radians."""
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def plan(view, _queries, opportunities):
    sats = [s for s in view["satellites"] if not s["failed"] and not s["retired"] and s["role"] == "active"]
    by_index = {s["index"]: s for s in sats}
    open_tasks = [t for t in view["tasks"] if t["state"] == "open" and t["assignedTo"] is None]
    open_tasks.sort(key=lambda t: (-t["priority"], t["id"]))
    busy = {t["assignedTo"] for t in view["tasks"] if t["assignedTo"] is not None and t["state"] == "open"}
    windows = {}
    for o in opportunities["imaging"]:
        windows.setdefault(o["task"], []).append(o)
    decisions = []
    for task in open_tasks:
        free = [s for s in sats if s["id"] not in busy]
        if not free:
            break
        passes = [o for o in windows.get(task["index"], [])
                  if o["satellite"] in by_index and by_index[o["satellite"]]["id"] not in busy]
        if passes:
            first = min(passes, key=lambda o: (o["startS"], by_index[o["satellite"]]["id"]))
            best = by_index[first["satellite"]]
            wait = first["startS"] - view["timeS"]
            when = "now" if wait <= 0 else f"in {wait / 60:.0f} min"
            why = f"first free satellite over the target, {when}, until t = {first['endS']:.0f} s"
        else:
            lat = task["target"]["latRad"]
            lon = task["target"]["lonRad"]
            best = min(free, key=lambda s: (ground_km(s["latRad"], s["lonRad"], lat, lon), s["id"]))
            km = ground_km(best["latRad"], best["lonRad"], lat, lon)
            why = f"nearest free satellite, {km:.0f} km from the target, no pass before the next call"
        busy.add(best["id"])
        decisions.append({
            "kind": "assignTask", "satellite": best["id"], "task": task["id"],
            "rationale": f"{task['id']} (priority {task['priority']}) → {best['id']}: {why}.",
        })
    return decisions


if __name__ == "__main__":
    serve("greedy-nearest (Python)", plan)
