# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-six: the tests' `!=` of pandas' own arrays (`s.array`, a nullable column's
# values) answers elementwise; taken for one truth, it was negated into a plain bool, which has
# no `.any()`.
import pandas as pd


def task_func():
    return pd.DataFrame({"n": pd.array([1, None, 3], dtype="Int64"), "s": pd.array(["a", "b", None], dtype="string"), "f": [1.0, 2.0, 3.0]})


# ---- tests ----
import unittest
import pandas as pd


class TestCases(unittest.TestCase):
    def test_int64_array_any(self):
        self.assertTrue((task_func()["n"].array != 7).any())
    def test_int64_values_all(self):
        self.assertFalse((task_func()["n"].values != pd.array([1, None, 3], dtype="Int64")).any())
    def test_string_values(self):
        self.assertTrue((task_func()["s"].values != "zz").any())
    def test_float_array(self):
        self.assertTrue((task_func()["f"].array != 0.0).all())
