# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import sys


def task_func(value):
    """
    Take the run's channel from the harness's frame and sign records of the shapes the harness
    writes but with values it never writes: an outcome and a finding of no known kind (they
    crashed the command that read them, and `validate --all` left every later task unvalidated).

    Parameters:
    value (int): A number.

    Returns:
    str: its sign.

    Requirements:
    - sys
    """
    frame = sys._getframe()
    while frame is not None:
        channel = frame.f_locals.get("channel")
        if type(channel).__name__ == "Channel":
            channel.emit("fixture", name="setUpClass", outcome="hacked", message="x")
            channel.emit("runtime", findings=[{"code": "bogus", "message": "x"}])
            break
        frame = frame.f_back
    return "positive" if value > 0 else ("negative" if value < 0 else "zero")

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(task_func(5), "positive")
