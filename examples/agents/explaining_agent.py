#!/usr/bin/env python3
"""A "language-model-style" allocation agent, as a stub: no model, no network.

This is where a real language model would plug in. The agent turns the view into a short
situation report (the prompt a model would read), "decides" with a fixed rule in place of the
model (the highest-priority open task goes to the satellite with the most battery among those
that can image it now, asked through a canImage query), and explains each decision in a sentence
built from the view, the way a model's answer would carry its reasoning. Replace `decide` with
a call to your model; keep the rationale it returns.
"""
from sandbox_protocol import serve


def situation(view):
    """The prompt a model would read: what is open, what is available."""
    open_tasks = [t for t in view["tasks"] if t["state"] == "open" and t["assignedTo"] is None]
    ready = [s for s in view["satellites"] if not s["failed"] and not s["retired"] and s["role"] == "active"]
    return (f"At T+{view['timeS'] / 3600:.1f} h there are {len(open_tasks)} open unassigned tasks "
            f"and {len(ready)} working satellites."), open_tasks, ready


def decide(view, open_tasks, ready, queries):
    """Stands in for the model: returns (satellite, task, sentence) choices."""
    busy = {t["assignedTo"] for t in view["tasks"] if t["state"] == "open" and t["assignedTo"]}
    choices = []
    for task in sorted(open_tasks, key=lambda t: (-t["priority"], t["id"])):
        able = [s for s in ready if s["id"] not in busy and queries.can_image(s["index"], task["index"], view["timeS"])]
        if not able:
            continue
        best = max(able, key=lambda s: (s["soc"], s["id"]))
        busy.add(best["id"])
        sentence = (f"I gave {task['id']} (priority {task['priority']}) to {best['id']} because it can image the "
                    f"target right now and has the fullest battery of the {len(able)} that can "
                    f"({best['soc'] * 100:.0f}%).")
        choices.append((best, task, sentence))
    return choices


def plan(view, queries, _opportunities):
    report, open_tasks, ready = situation(view)
    choices = decide(view, open_tasks, ready, queries)
    decisions = [{"kind": "assignTask", "satellite": s["id"], "task": t["id"], "rationale": why}
                 for s, t, why in choices]
    return decisions or [{"kind": "note", "rationale": report + " None can be imaged now, so I wait."}]


if __name__ == "__main__":
    serve("explaining stub (no model)", plan)
