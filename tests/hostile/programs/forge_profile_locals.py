# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import sys


def task_func():
    """
    Set a profile function that rewrites the arguments of the test's assertion as it is called
    (a profiler's changes to a frame's locals are written back too), so that 1 == 2 holds.

    Returns:
    int: 1 (the tests want 2).

    Requirements:
    - sys
    """

    def profiler(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "assertEqual":
            frame.f_locals["first"] = frame.f_locals["second"]
        return None

    sys.setprofile(profiler)
    return 1


# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        self.assertEqual(task_func(), 2)
