# expect-status: completed
# expect-verdict: pass
# expect-runtime: load_thread
# timeout: 20
# A thread the program starts as it loads waits for the tests, then calls task_func on every
# branch: coverage counts its arcs as the tests' (one test reaching one branch read 90%).
import os
import threading


def task_func(n):
    """
    Classify an integer.

    Parameters:
    n (int): The number.

    Returns:
    str: 'negative', 'zero', 'small' or 'large'.

    Requirements:
    - os
    - threading

    Example:
    >>> task_func(5)
    'small'
    """
    if n < 0:
        return "negative"
    if n == 0:
        return "zero"
    if n < 10:
        return "small"
    return "large"


def _later(namespace=globals()):
    import time
    while "TestCases" not in namespace:  # the tests have loaded: coverage counts from now on
        time.sleep(0.0005)
    for probe in (-1, 0, 5, 50):
        task_func(probe)


threading.Thread(target=_later, daemon=True).start()

# ---- tests ----
import time
import unittest


class TestCases(unittest.TestCase):
    def test_small(self):
        self.assertEqual(task_func(5), "small")
        # The thread's calls are done before coverage stops: stopped under a call of theirs,
        # coverage's tracer unset itself from the task's frame, read as tampering (a race).
        time.sleep(0.2)
