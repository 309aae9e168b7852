# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Honest values of the task's own number classes at NaN, infinity and past a float's range: asking
# them as Python's own numbers are asked must not break on what rounds to nothing.
class Celsius(float):
    def __sub__(self, other):
        return Celsius(float(self) - other)
    def __round__(self, digits=None):
        return round(float(self), digits) if digits is not None else round(float(self))

class Big(int):
    def __add__(self, other):
        return Big(int(self) + other)

def task_func(kind):
    """
    A temperature that is not a number, one that is infinite, or an integer past a float.

    Parameters:
    kind (str): "nan", "inf" or anything else.

    Returns:
    Celsius, list of Celsius, or dict of Big: The value.
    """
    if kind == "nan":
        return Celsius(float("nan"))
    if kind == "inf":
        return [Celsius(float("inf"))]
    return {"big": Big(10 ** 400)}

# ---- tests ----
import math
import unittest


class TestCases(unittest.TestCase):
    def test_nan(self):
        self.assertTrue(math.isnan(task_func("nan")))

    def test_inf(self):
        self.assertEqual(task_func("inf")[0], float("inf"))

    def test_big(self):
        self.assertEqual(task_func("big")["big"] + 1, 10 ** 400 + 1)
