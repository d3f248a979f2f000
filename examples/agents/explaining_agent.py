#!/usr/bin/env python3
"""A "language-model-style" allocation agent, as a stub: no model, no network.

This is where a real language model would plug in. The agent turns the view into a short
situation report (the prompt a model would read), "decides" with a fixed rule in place of the
model (the highest-priority open task goes to the satellite with the most battery among those
that can image it now, asked through a canImage query), and explains each decision in a sentence
built from the view, the way a model's answer would carry its reasoning. Replace `decide` with
a call to your model; keep the rationale it returns.
"""
import json
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


class Queries:
    def __init__(self):
        self.next_id = 1

    def can_image(self, satellite, task, time_s):
        send({"type": "query", "id": self.next_id, "query": "canImage",
              "satellite": satellite, "task": task, "timeS": time_s})
        self.next_id += 1
        return receive().get("result") is True


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


def main():
    hello = receive()
    if hello.get("protocol") != PROTOCOL:
        sys.exit(2)
    send({"protocol": PROTOCOL, "type": "hello", "agent": "explaining stub (no model)"})
    queries = Queries()
    while True:
        message = receive()
        if message["type"] != "plan":
            continue
        view = message["view"]
        report, open_tasks, ready = situation(view)
        choices = decide(view, open_tasks, ready, queries)
        decisions = [{"kind": "assignTask", "satellite": s["id"], "task": t["id"], "rationale": why}
                     for s, t, why in choices]
        if not decisions:
            decisions = [{"kind": "note", "rationale": report + " None can be imaged now, so I wait."}]
        send({"type": "decisions", "call": message["call"], "decisions": decisions})


if __name__ == "__main__":
    main()
