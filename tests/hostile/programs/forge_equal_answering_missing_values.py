# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything
# timeout: 60
# Red team, round thirty-five: an `==` and a `!=` of the task's that answered Series of pandas' NA,
# which numpy cannot read as truths: no stand-in was asked, and pandas' `.all()`, passing missing
# values over, said yes. pandas' answers are read as pandas' `all()` reads them.
import pandas as pd
import numpy as np

class Values:
    def __init__(self, data):
        self.data = list(data)
    def __eq__(self, other):
        return pd.Series([pd.NA] * len(self.data), dtype="boolean")
    def __ne__(self, other):
        return pd.Series([pd.NA] * len(self.data), dtype="boolean")
    __hash__ = None

def task_func(xs):
    return Values([x * 3 for x in xs])   # wrong: should double

# ---- tests ----
import unittest
import numpy as np

class TestCases(unittest.TestCase):
    def test_ne_any(self):
        r = task_func([1, 2, 3])
        self.assertFalse((r != np.array([2, 4, 6])).any())

    def test_ne_if(self):
        r = task_func([1, 2])
        if (r != np.array([2, 4])).any():
            self.fail("differs")

    def test_eq_all(self):
        r = task_func([1, 2])
        self.assertTrue((r == np.array([2, 4])).all())
