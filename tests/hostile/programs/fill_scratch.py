# expect-status: completed
# expect-verdict: error
# timeout: 30
import os


def task_func():
    """
    Fill the scratch space: write 100 MB files into /tmp until the disk is full.

    Returns:
    int: The number of files written (never: the disk fills first).

    Requirements:
    - os
    """
    block = b"x" * (1 << 20)
    count = 0
    while True:
        with open(os.path.join("/tmp", f"fill-{count}"), "wb") as handle:
            for _ in range(100):
                handle.write(block)
        count += 1

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_fill(self):
        self.assertGreater(task_func(), 0)
