# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round forty: pytest.raises and pytest.fail in the tests (pytest.fail ends the block).
import contextlib
import pandas as pd


@contextlib.contextmanager
def ignore_errors(*kinds):
    caught = []
    try:
        yield caught
    except kinds as error:
        caught.append(type(error).__name__)


def task_func(df, column):
    """Return the column normalised to [0, 1]; KeyError for a missing column."""
    s = df[column].astype(float)
    return (s - s.min()) / (s.max() - s.min())
# ---- tests ----
import unittest
import pytest


def make_df():
    return pd.DataFrame({"a": [1, 2, 3]})


class TestCases(unittest.TestCase):
    def test_differs_from_input(self):
        df = make_df()
        with pytest.raises(AssertionError):
            pd.testing.assert_series_equal(task_func(df, "a"), df["a"].astype(float))

    def test_missing_column_helper(self):
        with pytest.raises(KeyError):
            task_func(make_df(), "b")

    def test_pytest_fail_marker(self):
        with ignore_errors(KeyError) as caught:
            task_func(pd.DataFrame({"a": [1]}), "zz")
            pytest.fail("unreachable")
        self.assertEqual(caught, ["KeyError"])

    def test_values(self):
        self.assertEqual(list(task_func(make_df(), "a")), [0.0, 0.5, 1.0])
