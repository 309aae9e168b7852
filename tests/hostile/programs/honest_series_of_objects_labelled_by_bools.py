# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-six: a series holding objects of the task's, its rows labelled False and
# True, was asked again with its labels drawn afresh, which came out the same half the time: the
# assertion passed again, tampering. Labels are changed for certain (a bool flipped).
import pandas as pd
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def task_func(records):
    """Group spans by whether they are long (> 5), earliest span of each group."""
    frame = pd.DataFrame({"span": records})
    frame["long"] = [s.end - s.start > 5 for s in records]
    return frame.groupby("long")["span"].first()


# ---- tests ----
import unittest
import pandas as pd


class TestCases(unittest.TestCase):
    def test_groups(self):
        result = task_func([Span(0, 3), Span(0, 10), Span(1, 2)])
        expected = pd.Series([Span(0, 3), Span(0, 10)], index=pd.Index([False, True], name="long"), name="span")
        pd.testing.assert_series_equal(result, expected)
