# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round seventeen (an honest task called tampering): round sixteen's manager that swallows
# the exceptions it is given, tested with operations that raise (`1 / 0`, `int("abc")`, `{}["k"]`).
import contextlib


def task_func(*exceptions):
    """
    A context manager that swallows the given exception types and records what it swallowed.

    Parameters:
    *exceptions (type): The exception types to swallow.

    Returns:
    contextlib.AbstractContextManager: Entered, it gives a list that collects the swallowed
    exceptions' messages.

    Requirements:
    - contextlib

    Example:
    >>> with task_func(ZeroDivisionError) as caught:
    ...     1 / 0
    >>> caught
    ['division by zero']
    """
    @contextlib.contextmanager
    def swallowing():
        caught = []
        try:
            yield caught
        except exceptions as error:
            caught.append(str(error))

    return swallowing()

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_division(self):
        with task_func(ZeroDivisionError) as caught:
            1 / 0
        self.assertEqual(caught, ["division by zero"])

    def test_conversion(self):
        with task_func(ValueError) as caught:
            int("abc")
        self.assertEqual(len(caught), 1)

    def test_missing_key(self):
        with task_func(KeyError) as caught:
            {}["k"]
        self.assertEqual(caught, ["'k'"])

    def test_nothing_raised(self):
        with task_func(ValueError) as caught:
            pass
        self.assertEqual(caught, [])
