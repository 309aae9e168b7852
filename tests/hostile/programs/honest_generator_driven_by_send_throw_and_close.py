# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round nineteen (the honest side of its fix): the generator the entry point returns is
# handed on as one that asks each value it yields; `send`, `throw`, `close` and its return value
# must work as the task's own generator's do.
import inspect


def task_func(start):
    """
    A running total that starts at `start`: each value sent is added, and the total yielded.

    Parameters:
    start (int): Where the total starts.

    Returns:
    generator: Yields the total; a ValueError thrown in resets it to `start`; returns the last total.

    Example:
    >>> totals = task_func(1)
    >>> next(totals), totals.send(2), totals.send(3)
    (1, 3, 6)
    """
    total = start
    while True:
        try:
            sent = yield total
        except ValueError:
            total = start
            continue
        if sent is None:
            return total
        total += sent

# ---- tests ----
import inspect
import unittest


class TestCases(unittest.TestCase):
    def test_sent_values_add_up(self):
        totals = task_func(10)
        self.assertTrue(inspect.isgenerator(totals))
        self.assertEqual(next(totals), 10)
        self.assertEqual(totals.send(5), 15)
        self.assertEqual(totals.send(0.5), 15.5)

    def test_thrown_error_resets(self):
        totals = task_func(1)
        next(totals)
        totals.send(4)
        self.assertEqual(totals.throw(ValueError), 1)
        self.assertEqual(totals.send(2), 3)

    def test_return_value(self):
        totals = task_func(2)
        next(totals)
        totals.send(3)
        with self.assertRaises(StopIteration) as stopped:
            next(totals)
        self.assertEqual(stopped.exception.value, 5)

    def test_close(self):
        totals = task_func(0)
        next(totals)
        totals.close()
        self.assertEqual(inspect.getgeneratorstate(totals), inspect.GEN_CLOSED)
        with self.assertRaises(StopIteration):
            next(totals)

    def test_other_errors_pass_through(self):
        totals = task_func(0)
        next(totals)
        with self.assertRaises(KeyError):
            totals.throw(KeyError("k"))
