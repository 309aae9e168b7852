# expect-status: completed
# expect-verdict: pass
# expect-runtime: output
# timeout: 60
import os
import sys


def task_func():
    """
    Print 1 GB to standard output.

    Returns:
    int: The number of bytes written.

    Requirements:
    - os
    - sys
    """
    chunk = "x" * (1024 * 1024)
    for _ in range(1024):
        sys.stdout.write(chunk)
    sys.stdout.flush()
    return 1024 * len(chunk)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_prints(self):
        self.assertEqual(task_func(), 1024**3)
