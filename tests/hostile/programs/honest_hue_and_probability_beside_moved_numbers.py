# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-five: a hue wrapped round 1 and a probability held within [0, 1] do not
# move with whole steps of their partner; steps of a tenth to a half are asked too.
class Hue:
    """A hue on the colour wheel, in turns: 0 <= turn < 1 (as colorsys uses)."""
    def __init__(self, turn):
        self.turn = turn % 1.0
    def __add__(self, other):
        return (self.turn + other) % 1.0
    __radd__ = __add__
    def __sub__(self, other):
        return (self.turn - other) % 1.0


class Probability:
    """A probability, kept within [0, 1]."""
    def __init__(self, p):
        self.p = min(1.0, max(0.0, p))
    def __add__(self, other):
        return min(1.0, max(0.0, self.p + other))
    def __sub__(self, other):
        return min(1.0, max(0.0, self.p - other))


def task_func(kind, value):
    return Hue(value) if kind == "hue" else Probability(value)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_hue_shift(self):
        h = task_func("hue", 0.5)
        self.assertAlmostEqual(h + 0.25, 0.75)

    def test_hue_wraps(self):
        h = task_func("hue", 0.9)
        self.assertAlmostEqual(h + 0.2, 0.1)

    def test_hue_back(self):
        h = task_func("hue", 0.1)
        self.assertAlmostEqual(h - 0.3, 0.8)

    def test_probability_raise(self):
        p = task_func("p", 0.5)
        self.assertAlmostEqual(p + 0.3, 0.8)

    def test_probability_lower(self):
        p = task_func("p", 0.5)
        self.assertAlmostEqual(p - 0.2, 0.3)
