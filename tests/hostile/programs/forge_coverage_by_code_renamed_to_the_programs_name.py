# expect-status: completed
# expect-verdict: error
# expect-message: compiled code under the name of
# timeout: 20
import os


def task_func(value):
    """
    Sort a number into negative, zero or positive; only one branch is tested.

    Parameters:
    value (int): A number.

    Returns:
    str: its sign.

    Requirements:
    - os
    """
    if value > 0:
        return "positive"
    if value < 0:
        return "negative"
    return "zero"


# The same dummy branches, compiled under another name and renamed after: code.replace
# raises no `compile` event, only `code.__new__`.
_DUMMY = "\n" * 21 + "if _v > 0:\n    _v = 1\nif _v < 0:\n    _v = 2\n_v = 3\n"
_CODE = compile(_DUMMY, "<dummy>", "exec").replace(co_filename=__file__)
for _v in (1, -1, 0):
    exec(_CODE, {"_v": _v})

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(task_func(5), "positive")
