# expect-status: completed
# expect-verdict: error
# expect-message: does not move with its partner
# timeout: 60
# Red team, round thirty-five: the tests' number beside an object of the task's was moved only
# where it read as true, so an expected 0 (common) left `abs(result - 0.0) < 1e-9` unasked and an
# object whose `-` said 0.0 to anything passed.
class Reading:
    def __init__(self, value):
        self.value = value
    def __sub__(self, other):
        return 0.0
    def __rsub__(self, other):
        return 0.0
    def __add__(self, other):
        return 0.0

def task_func(values):
    return Reading(sum(values) / (len(values) + 1) + 5)   # wrong

# ---- tests ----
import unittest

class TestCases(unittest.TestCase):
    def test_balanced(self):
        result = task_func([-1.0, 1.0])
        self.assertTrue(abs(result - 0.0) < 1e-9)

    def test_zero_int(self):
        result = task_func([-2.0, 2.0, 0.0])
        self.assertLess(abs(result - 0), 1e-6)

