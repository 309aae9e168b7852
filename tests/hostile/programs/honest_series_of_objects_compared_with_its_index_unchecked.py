# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-four: pandas' series assertion is asked again with the rows labelled
# otherwise, which a test that had the index left unchecked (`check_index=False`) passes, honest:
# that question is not asked then.
import pandas as pd


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __repr__(self):
        return f"Money({self.cents})"


def task_func(amounts):
    """Sort the amounts (in cents) and wrap them as Money."""
    return pd.Series([Money(a) for a in sorted(amounts)])

# ---- tests ----
import unittest

import pandas as pd


class TestCases(unittest.TestCase):
    def test_sorted_ignoring_index(self):
        expected = pd.Series([Money(1), Money(5), Money(9)], index=[7, 8, 9])
        pd.testing.assert_series_equal(task_func([5, 9, 1]), expected, check_index=False)
