"""What the chat client itself costs, against the scripted server on 127.0.0.1.

Prints the time per plain and per streamed request (a 2 kB answer), the time to parse such an
answer into a program and tests, and how quickly a cancel stops a stalled request.

    .venv/bin/python bench/llm_client.py
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from curator.config import LLMSettings
from curator.llm import parsing
from curator.llm.client import ChatClient, LLMCancelled
from curator.llm.scripted_server import ScriptedLLMServer

REQUESTS = 50
PROGRAM = "import math\n\ndef task_func(x):\n" + "    x = math.sqrt(abs(x)) + 1\n" * 60
TESTS = (
    "import unittest\n\nclass TestCases(unittest.TestCase):\n"
    "    def test_positive(self):\n        self.assertGreater(task_func(4), 0)\n"
)
ANSWER = f"Here you are.\n```python\n{PROGRAM}    return x\n```\n```python\n{TESTS}```\n"
MESSAGES = [{"role": "user", "content": "draft a task"}]


def per_request_ms(client: ChatClient, stream: bool) -> list[float]:
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.chat(MESSAGES, stream=stream, on_chunk=lambda _: None)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    with ScriptedLLMServer([{"answer": ANSWER}]) as server:
        client = ChatClient(LLMSettings(base_url=server.base_url, model="bench"))
        for stream in (False, True):
            times = per_request_ms(client, stream)
            kind = "streamed" if stream else "plain"
            print(
                f"{kind:>8} request, {len(ANSWER)} chars: median {statistics.median(times):.1f} ms,"
                f" max {max(times):.1f} ms over {REQUESTS}"
            )
    started = time.perf_counter()
    for _ in range(REQUESTS):
        parsing.task_code(ANSWER, "stop", "task_func")
    parse_ms = (time.perf_counter() - started) * 1000 / REQUESTS
    print(f"   parse the answer into program and tests: {parse_ms:.2f} ms")
    with ScriptedLLMServer([{"delay_s": 30, "answer": "late"}]) as server:
        client = ChatClient(LLMSettings(base_url=server.base_url, model="bench", timeout_s=60))
        cancel = threading.Event()
        timer = threading.Timer(0.5, cancel.set)
        timer.start()
        started = time.perf_counter()
        try:
            client.chat(MESSAGES, cancel=cancel)
        except LLMCancelled:
            stopped_ms = (time.perf_counter() - started - 0.5) * 1000
            print(f"   a cancel stops a stalled request within {stopped_ms:.0f} ms")


if __name__ == "__main__":
    main()
