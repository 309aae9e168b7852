# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-four: the tests' `+` and `-` with an object of the task's are asked again
# with the partner moved; an answer that moved by exactly the step was asked for, and honest
# percentages held at 0 or 100, hours on a clock and distances were refused. An answer must move
# with its partner by half a step for one of the steps, small and large, up and down.
class Percent:
    """A percentage that saturates at 0 and 100."""

    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return min(100, max(0, self.value + other))

    def __sub__(self, other):
        return min(100, max(0, self.value - other))


class Hour:
    """An hour on a 24-hour clock."""

    def __init__(self, h):
        self.h = h % 24

    def __add__(self, other):
        return (self.h + other) % 24

    def __sub__(self, other):
        return (self.h - other) % 24


class Position:
    """A point on a line: its difference from a number is the distance."""

    def __init__(self, x):
        self.x = x

    def __sub__(self, other):
        return abs(self.x - other)

    __rsub__ = __sub__


def task_func(kind, v):
    return {"percent": Percent, "hour": Hour, "pos": Position}[kind](v)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_percent_full(self):
        self.assertEqual(task_func("percent", 95) + 10, 100)

    def test_percent_empty(self):
        self.assertEqual(task_func("percent", 5) - 10, 0)

    def test_hour(self):
        self.assertEqual(task_func("hour", 22) + 3, 1)

    def test_hour_back(self):
        self.assertEqual(task_func("hour", 2) - 5, 21)

    def test_distance(self):
        self.assertAlmostEqual(task_func("pos", 2.5) - 4.0, 1.5)

    def test_distance_r(self):
        self.assertEqual(10 - task_func("pos", 4), 6)
