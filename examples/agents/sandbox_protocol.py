"""The agent protocol's plumbing for the Python examples (standard library only).

Lines of JSON on stdin/stdout (docs/agent-protocol.md). `handshake` answers the engine's hello,
`send`/`receive` move one message, `can_image` asks a bounded query during a call.
"""
import json
import sys

PROTOCOL = "mission-sandbox/1"


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def receive():
    """The next message; the engine closing our input ends the agent."""
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    return json.loads(line)


def handshake(name):
    """Reads the engine's hello and answers with ours; returns the engine's hello."""
    hello = receive()
    if hello.get("protocol") != PROTOCOL:
        sys.stderr.write(f"unsupported protocol {hello.get('protocol')}\n")
        sys.exit(2)
    send({"protocol": PROTOCOL, "type": "hello", "agent": name})
    return hello


class Queries:
    """Numbers each query of this process and waits for its answer."""

    def __init__(self):
        self.next_id = 1

    def can_image(self, satellite, task, time_s):
        send({"type": "query", "id": self.next_id, "query": "canImage",
              "satellite": satellite, "task": task, "timeS": time_s})
        self.next_id += 1
        return receive().get("result") is True


def serve(name, plan):
    """The agent's loop: handshake, then answer each plan message with
    plan(view, queries, opportunities): the view, the query helper and the imaging opportunities
    the engine computed for this call (docs/agent-protocol.md, "plan")."""
    handshake(name)
    queries = Queries()
    while True:
        message = receive()
        if message["type"] == "plan":
            send({"type": "decisions", "call": message["call"], "decisions": plan(message["view"], queries, message["opportunities"])})
