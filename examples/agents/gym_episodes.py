#!/usr/bin/env python3
"""Ten training-style episodes against `sim serve --stdio`, standard library only.

A learning loop in another language drives the engine: reset, observe, step with decisions,
read the reward. The policy here is a stand-in for a learner (an epsilon-greedy pick of a random
free satellite per open task, seeded per episode); replace `act` with your model.

Usage: python3 examples/agents/gym_episodes.py [SCENARIO] [UNTIL]
Prints one JSON line per episode: episode, seed, steps, return (sum of rewards), final value.
"""
import json
import random
import subprocess
import sys

SCENARIO = sys.argv[1] if len(sys.argv) > 1 else "scenarios/resource-allocation.json"
UNTIL = sys.argv[2] if len(sys.argv) > 2 else "3h"


class Env:
    def __init__(self):
        self.proc = subprocess.Popen(
            ["node", "bin/sim.mjs", "serve", SCENARIO, "--stdio", "--until", UNTIL],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        hello = self._read()
        assert hello["protocol"] == "mission-sandbox/1", hello
        self._send({"protocol": "mission-sandbox/1", "type": "hello", "agent": "gym example"})

    def _send(self, message):
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()

    def _read(self):
        message = json.loads(self.proc.stdout.readline())
        if message.get("type") == "error":
            raise RuntimeError(message["message"])
        return message

    def reset(self, seed):
        self._send({"type": "reset", "seed": seed})
        return self._read()

    def step(self, decisions):
        self._send({"type": "step", "decisions": decisions})
        return self._read()

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def act(view, rng):
    busy = {t["assignedTo"] for t in view["tasks"] if t["state"] == "open" and t["assignedTo"]}
    free = [s["id"] for s in view["satellites"] if s["role"] == "active" and not s["failed"] and s["id"] not in busy]
    decisions = []
    for task in sorted((t for t in view["tasks"] if t["state"] == "open" and not t["assignedTo"]),
                       key=lambda t: -t["priority"]):
        if not free:
            break
        satellite = free.pop(rng.randrange(len(free)))
        decisions.append({"kind": "assignTask", "satellite": satellite, "task": task["id"],
                          "rationale": f"exploring: {task['id']} (priority {task['priority']}) to {satellite}"})
    return decisions


def main():
    env = Env()
    for episode in range(10):
        seed = 100 + episode
        rng = random.Random(seed)
        obs = env.reset(seed)
        total, steps = obs["reward"], 0
        while not obs["done"]:
            obs = env.step(act(obs["view"], rng))
            total += obs["reward"]
            steps += 1
        print(json.dumps({"episode": episode, "seed": seed, "steps": steps, "return": total, "value": obs["value"]}),
              flush=True)
    env.close()


if __name__ == "__main__":
    main()
