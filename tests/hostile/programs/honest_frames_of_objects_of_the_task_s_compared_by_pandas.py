# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-three: a frame compared by pandas' assertions is asked again with its
# columns named otherwise and its rows labelled otherwise, where it holds objects of the task's.
# Honest frames holding such objects pass, with columns named by strings and rows numbered (many
# of them) or named, and an index compared alone.
import dataclasses

import pandas as pd


@dataclasses.dataclass(frozen=True)
class Point:
    """A point; equal to another at the same place."""

    x: int
    y: int


def task_func(n):
    """
    A frame of n points on the diagonal.

    Parameters:
    n (int): How many.

    Returns:
    pandas.DataFrame: Columns "point" (Point) and "norm" (int).

    Requirements:
    - pandas

    Example:
    >>> task_func(2)["point"].tolist()
    [Point(x=0, y=0), Point(x=1, y=1)]
    """
    return pd.DataFrame({"point": [Point(i, i) for i in range(n)], "norm": [2 * i for i in range(n)]})

# ---- tests ----
import unittest

import pandas as pd


class TestCases(unittest.TestCase):
    def test_few(self):
        expected = pd.DataFrame({"point": [Point(0, 0), Point(1, 1)], "norm": [0, 2]})
        pd.testing.assert_frame_equal(task_func(2), expected)

    def test_many(self):
        result = task_func(20_000)
        expected = pd.DataFrame(
            {"point": [Point(i, i) for i in range(20_000)], "norm": [2 * i for i in range(20_000)]}
        )
        pd.testing.assert_frame_equal(result, expected)

    def test_named_rows(self):
        result = task_func(3).set_index(pd.Index(["a", "b", "c"], name="key"))
        pd.testing.assert_series_equal(
            result["point"],
            pd.Series([Point(0, 0), Point(1, 1), Point(2, 2)], index=pd.Index(["a", "b", "c"], name="key"), name="point"),
        )
        pd.testing.assert_index_equal(result.columns, pd.Index(["point", "norm"]))

    def test_wrong_still_fails(self):
        with self.assertRaises(AssertionError):
            pd.testing.assert_frame_equal(
                task_func(2), pd.DataFrame({"point": [Point(0, 0), Point(1, 2)], "norm": [0, 2]})
            )
