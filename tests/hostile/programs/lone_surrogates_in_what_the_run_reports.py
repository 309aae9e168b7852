# expect-status: completed
# expect-verdict: error
# expect-runtime: write_outside
# expect-message: \udcff
# timeout: 20
import os


def task_func(value):
    """
    Sort a number into negative, zero or positive.

    Parameters:
    value (int): A number.

    Returns:
    str: its sign.

    Requirements:
    - os
    """
    try:  # a path no UTF-8 file can name: the finding's example holds it
        open("/opt/\udcff", "w").close()
    except OSError:
        pass
    if value > 0:
        return "positive"
    if value < 0:
        return "negative"
    return "zero"


# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    """A lone surrogate in a message, a test's name and a finding's example: storing the
    report crashed `validate`, `flaky` and `mutate`, and `validate --all` kept no result."""

    def test_positive(self):
        self.assertEqual(task_func(5), "positive")

    def test_message(self):
        raise ValueError("bad \udcff")

    locals()["test_\udcff\ud800"] = test_positive
