"""Import, load and export times for synthetic banks of N tasks (default 1,140 and 10,000).

python bench/bank_io.py [N ...]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from curator.bank import Bank
from curator.interchange import read_jsonl, task_to_record, write_jsonl
from curator.models import DocStruct, Task

PROGRAM = '''import collections
import re

def task_func(text, top={n}):
    """
    Synthetic task {n}: count the words of a text.

    Parameters:
    text (str): The text.

    Returns:
    list: The {n} most common words.

    Requirements:
    - collections
    - re

    Example:
    >>> task_func("a a b")
    [('a', 2), ('b', 1)]
    """
    words = re.findall(r"\\w+", text.lower())
    return collections.Counter(words).most_common(top)
'''

TESTS = """import unittest
class TestCases(unittest.TestCase):
    def test_case_{n}(self):
        self.assertEqual(task_func("x x y", top=1), [("x", 2)])
"""


def synthetic_record(n: int) -> str:
    program = PROGRAM.format(n=n)
    prompt, _, _ = program.partition("    words =")
    task = Task(
        task_id=f"Synthetic/{n}",
        libs=["collections", "re"],
        complete_prompt=prompt,
        canonical_solution=program[len(prompt) :],
        code_prompt=f"import collections\nimport re\ndef task_func(text, top={n}):\n",
        instruct_prompt=f"Synthetic task {n}: count the words of a text.\n",
        test=TESTS.format(n=n),
        doc_struct=DocStruct(description=[f"Synthetic task {n}: count the words of a text."]),
    )
    return json.dumps(task_to_record(task)) + "\n"


def measure(count: int, workdir: Path) -> None:
    source = workdir / f"synthetic-{count}.jsonl"
    source.write_text("".join(synthetic_record(n) for n in range(count)))
    bank = Bank.init(workdir / f"bank-{count}")

    started = time.perf_counter()
    tasks = read_jsonl(source)
    with bank.lock():
        bank.add_all(tasks)
    imported = time.perf_counter() - started

    started = time.perf_counter()
    loaded = Bank.open(bank.root).load_all()
    load = time.perf_counter() - started

    started = time.perf_counter()
    out = workdir / f"export-{count}.jsonl"
    write_jsonl(loaded, out)
    exported = time.perf_counter() - started

    identical = out.read_bytes() == source.read_bytes()
    print(
        f"{count:>6} tasks: import {imported:6.2f} s   load {load:6.3f} s   "
        f"export {exported:6.3f} s   round trip identical: {identical}"
    )


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [1140, 10000]
    with tempfile.TemporaryDirectory() as directory:
        for count in counts:
            measure(count, Path(directory))


if __name__ == "__main__":
    main()
