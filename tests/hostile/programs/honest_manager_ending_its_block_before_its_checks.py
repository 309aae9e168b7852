# expect-status: completed
# expect-verdict: pass
# timeout: 30
# The rule of round thirty-seven: a manager of the task's may swallow what ends its block
# before any check of the block; what follows the block's raise is never reached, and a premade
# self.assertRaises(...) of the test is the test's own.
import contextlib


def task_func(*errors):
    """Swallow the given errors."""
    return contextlib.suppress(*errors)
# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_swallows(self):
        with task_func(ValueError):
            raise ValueError("x")
            self.fail("not swallowed")

    def test_premade_assert_raises(self):
        context = self.assertRaises(ZeroDivisionError)
        with context:
            1 / 0
            self.fail("not raised")
        self.assertIn("division", str(context.exception))

    def test_steps_after(self):
        seen = []
        with task_func(KeyError):
            seen.append(1)
            {}["k"]
            seen.append(2)
        self.assertEqual(seen, [1])

    def test_loop(self):
        done = []
        with task_func(ZeroDivisionError):
            for x in [1, 0, 2]:
                done.append(1 / x)
        self.assertEqual(done, [1.0])
