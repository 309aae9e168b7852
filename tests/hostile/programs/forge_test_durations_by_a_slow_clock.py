# expect-status: completed
# expect-verdict: pass
# expect-test-seconds-at-least: 0.25
# timeout: 20
import time


def task_func(value):
    """
    Sort a number into negative, zero or positive, slowly.

    Parameters:
    value (int): A number.

    Returns:
    str: its sign.

    Requirements:
    - time
    """
    burn_until = time.process_time() + 0.3
    while time.process_time() < burn_until:
        pass
    if value > 0:
        return "positive"
    if value < 0:
        return "negative"
    return "zero"


# A clock at a hundredth of the pace: the tests' durations read 3 ms, and with them the CPU
# limits of the mutants (which then timed out: killed, 38.9% of mutants read 90%) and what the
# flaky check took for a slow test (`timing`: stable-pass).
_real_clock = time.perf_counter
time.perf_counter = lambda: _real_clock() / 100

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(task_func(5), "positive")

    def test_negative(self):
        self.assertEqual(task_func(-1), "negative")
