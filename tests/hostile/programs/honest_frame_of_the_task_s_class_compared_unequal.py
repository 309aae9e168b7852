# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-six: an elementwise `!=` of a frame of the task's own class is handed on
# as pandas' own frame of truths, its labels kept (as a bare array it had no `.loc`).
import numpy as np
import pandas as pd


class Tagged(pd.DataFrame):
    """A frame that keeps its type through pandas' operations (pandas' documented way)."""
    _metadata = ["source"]

    @property
    def _constructor(self):
        return Tagged


class Readings(pd.Series):
    @property
    def _constructor(self):
        return Readings

    @property
    def _constructor_expanddim(self):
        return Tagged


def task_func(kind):
    if kind == "frame":
        return Tagged({"a": [1, 2], "b": [3, 4]})
    return Readings([1.0, 2.0, 3.0], index=["x", "y", "z"])


# ---- tests ----
import unittest
import numpy as np
import pandas as pd

E = pd.DataFrame({"a": [1, 2], "b": [3, 4]})


class TestCases(unittest.TestCase):
    def test_eq_all_all(self):
        self.assertTrue((task_func("frame") == E).all().all())
    def test_ne_values_any(self):
        self.assertFalse((task_func("frame") != E).values.any())
    def test_eq_column(self):
        self.assertEqual((task_func("frame") == 1)["a"].tolist(), [True, False])
    def test_eq_all_axis0_tolist(self):
        self.assertEqual((task_func("frame") == E).all().tolist(), [True, True])
    def test_eq_sum_column(self):
        self.assertEqual((task_func("frame") == 1).sum()["a"], 1)
    def test_ne_sum_sum(self):
        self.assertEqual((task_func("frame") != E).sum().sum(), 0)
    def test_series_eq_index(self):
        r = task_func("series")
        self.assertTrue((r == pd.Series([1.0, 2.0, 3.0], index=["x", "y", "z"])).all())
        self.assertEqual((r == 2.0).idxmax(), "y")
    def test_series_ne_loc(self):
        self.assertFalse((task_func("series") != 2.0).loc["y"])
    def test_series_eq_tolist(self):
        self.assertEqual((task_func("series") > 1.5).tolist(), [False, True, True])
        self.assertEqual((task_func("series") == 2.0).tolist(), [False, True, False])
