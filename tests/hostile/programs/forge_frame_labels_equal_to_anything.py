# expect-status: completed
# expect-verdict: error
# expect-message: it passed again against
# timeout: 60
# Red team, round thirty-three: pandas compares a frame's column and row labels with the labels'
# own `==`, and the guard of assert_frame_equal looked at its columns of objects only: labels of
# the task's (a str equal to anything) passed with the wrong column names, and
# assert_index_equal was not guarded at all. The frame is asked again with its columns named
# otherwise and its rows labelled otherwise; an index with other labels.
import pandas as pd


class Label(str):
    """A column name equal to any other."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


def task_func(values):
    """
    A frame of names and scores.

    Parameters:
    values (list of int): The scores.

    Returns:
    pandas.DataFrame: Columns "Name" and "Score".

    Requirements:
    - pandas

    Example:
    >>> list(task_func([1, 2]).columns) == ["Name", "Score"]
    True
    """
    return pd.DataFrame({Label("x"): ["a", "b"], Label("y"): values})   # wrong names

# ---- tests ----
import unittest

import pandas as pd


class TestCases(unittest.TestCase):
    def test_frame(self):
        expected = pd.DataFrame({"Name": ["a", "b"], "Score": [1, 2]})
        pd.testing.assert_frame_equal(task_func([1, 2]), expected)

    def test_columns(self):
        pd.testing.assert_index_equal(task_func([1, 2]).columns, pd.Index(["Name", "Score"]))
