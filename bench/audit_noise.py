"""How often real tasks raise the audit events the harness could treat as tampering signs.

    .venv/bin/python bench/audit_noise.py [JSONL] [--limit N]

Runs each task's program and tests (BigCodeBench data: trusted) in its own interpreter, in a
temporary directory, with an audit hook that counts events by kind, then prints per kind how many
events and how many tasks raised it. `sys._getframe` is split by whose frame it returned: the
harness flags only frames of unittest or the harness, so only that column must stay at zero.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "bcb-sample"
    / "BigCodeBench-sample40.jsonl"
)

CHILD = r"""
import collections, json, sys, unittest
counts = collections.Counter()
OWN = ("/proc/self/fd", "/proc/self/mem", "/dev/fd")
def hook(event, args):
    if event == "sys._getframe":
        theirs = "/unittest/" in args[0].f_code.co_filename
        counts["sys._getframe (unittest frame)" if theirs else "sys._getframe (other)"] += 1
    elif event == "object.__getattr__" and args[1] in ("tb_frame", "gi_frame", "cr_frame"):
        counts[f"object.__getattr__ {args[1]}"] += 1
    elif event == "object.__setattr__" and len(args) > 1 and args[1] == "__code__":
        counts["__code__ assignment"] += 1
    elif event.startswith(("gc.get_", "ctypes.")) or event == "sys._current_frames":
        counts[event] += 1
    elif event in ("open", "os.listdir", "os.scandir") and str(args[0]).startswith(OWN):
        counts[event + " own descriptors"] += 1
source = json.loads(sys.stdin.read())
module = {"__name__": "__test__"}
sys.addaudithook(hook)
try:
    exec(compile(source["program"], "task.py", "exec"), module)
    exec(compile(source["test"], "tests.py", "exec"), module)
    suite = unittest.TestLoader().loadTestsFromTestCase(module["TestCases"])
    unittest.TextTestRunner(stream=open("/dev/null", "w")).run(suite)
finally:
    sys.__stdout__.write("\nCOUNTS" + json.dumps(dict(counts)) + "\n")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    arguments = parser.parse_args()
    rows = [json.loads(line) for line in arguments.jsonl.read_text().splitlines() if line.strip()]
    events: collections.Counter[str] = collections.Counter()
    tasks: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for row in rows[: arguments.limit]:
        program = row["complete_prompt"] + row["canonical_solution"]
        payload = json.dumps({"program": program, "test": row["test"]})
        with tempfile.TemporaryDirectory() as scratch:
            try:
                done = subprocess.run(
                    [sys.executable, "-c", CHILD],
                    input=payload,
                    capture_output=True,
                    text=True,
                    cwd=scratch,
                    env={"HOME": scratch, "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"},
                    timeout=120,
                )
            except subprocess.TimeoutExpired:
                continue
        marker = done.stdout.rfind("COUNTS")
        if marker < 0:
            continue
        counts = json.loads(done.stdout[marker + len("COUNTS") :].splitlines()[0])
        for kind, count in counts.items():
            events[kind] += count
            tasks[kind] += 1
            examples[kind].append(row["task_id"])
    print(f"{len(rows[: arguments.limit])} tasks from {arguments.jsonl.name}")
    print(f"{'event':45} {'events':>8} {'tasks':>6}  examples")
    for kind in sorted(events):
        print(f"{kind:45} {events[kind]:>8} {tasks[kind]:>6}  {', '.join(examples[kind][:4])}")


if __name__ == "__main__":
    main()
