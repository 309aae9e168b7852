# expect-status: completed
# expect-verdict: pass
# expect-runtime: leftover_processes
# timeout: 4
def task_func(data):
    """
    Sum the numbers. The tests leave a process behind; the docstring examples then never end:
    the run's time limit cuts them short, after the tests have passed (their verdict stands),
    and a run killed at its deadline counted no leftovers.

    Parameters:
    data (list): The numbers.

    Returns:
    int: Their sum.

    Example:
    >>> task_func([1, 2])
    3
    >>> while True:
    ...     pass
    """
    return sum(data)

# ---- tests ----
import os
import time
import unittest


class TestCases(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(task_func([1, 2]), 3)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                time.sleep(600)  # "@@MARKER@@"
            os._exit(0)
