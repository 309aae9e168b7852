# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-three: the tests' `a != b` was asked as `not (a == b)`, so numpy's and
# pandas' elementwise answers, which have no one truth, raised in honest tests
# (`assertFalse((frame != expected).any())`, `(arr != 0).all()`), and a one-element array gave a
# plain bool with no `.any()`. Python's own `!=` is the tests' answer now.
import numpy as np
import pandas as pd


def task_func(values):
    """
    The values doubled, as an array and as a frame's column.

    Parameters:
    values (list of int): The values.

    Returns:
    tuple: (numpy.ndarray, pandas.DataFrame) of the doubled values.

    Requirements:
    - numpy
    - pandas

    Example:
    >>> array, frame = task_func([1, 2])
    >>> array.tolist(), frame["Value"].tolist()
    ([2, 4], [2, 4])
    """
    doubled = np.array(values) * 2
    return doubled, pd.DataFrame({"Value": doubled})

# ---- tests ----
import unittest

import numpy as np
import pandas as pd


class TestCases(unittest.TestCase):
    def test_array_differs_nowhere(self):
        array, _ = task_func([1, 2, 3])
        self.assertFalse((array != np.array([2, 4, 6])).any())
        self.assertTrue((array != 0).all())
        assert (array != np.array([2, 4, 6])).sum() == 0
        self.assertTrue(np.all(array != 1))

    def test_one_element(self):
        array, _ = task_func([5])
        self.assertFalse((array != np.array([10])).any())

    def test_frame_differs_nowhere(self):
        _, frame = task_func([1, 2, 3])
        self.assertFalse((frame["Value"] != [2, 4, 6]).any())
        self.assertFalse((frame["Value"] != pd.Series([2, 4, 6])).any())
        self.assertTrue(((frame != 0) | frame.isna()).all().all())

    def test_missing_values_differ_from_themselves(self):
        values = pd.Series([1.0, None])
        self.assertTrue((values != values).iloc[1])
        self.assertEqual(int((values != values).sum()), 1)

    def test_plain_values(self):
        array, _ = task_func([1])
        self.assertTrue(int(array[0]) != 3)
        self.assertFalse(int(array[0]) != 2)
