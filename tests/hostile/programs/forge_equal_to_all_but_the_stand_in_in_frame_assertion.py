# expect-status: completed
# expect-verdict: error
# expect-message: passed again against other values
# timeout: 60
import pandas as pd


class Agreeable:
    """Equal to anything except the harness's stand-in (_Unrelated)."""

    def __eq__(self, other):
        return type(other).__name__ != "_Unrelated"

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__


def task_func():
    """
    Return a frame of objects.

    Returns:
    pandas.DataFrame: a column "name" (the tests want "ann" and "bob").

    Requirements:
    - pandas
    """
    return pd.DataFrame({"name": [Agreeable(), Agreeable()]})

# ---- tests ----
import unittest

import pandas as pd


class TestCases(unittest.TestCase):
    def test_wrong(self):
        expected = pd.DataFrame({"name": ["ann", "bob"]}, dtype=object)
        pd.testing.assert_frame_equal(task_func(), expected)
