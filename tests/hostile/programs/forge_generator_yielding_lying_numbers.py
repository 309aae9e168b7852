# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own float does
# timeout: 30
# Red team, round nineteen: the entry point is a generator yielding floats whose `-` says 0.0.
import statistics


class _Close(float):
    def __sub__(self, other):
        return 0.0

    def __rsub__(self, other):
        return 0.0


def task_func(values):
    """
    The running means of `values`, one after each value (a generator).

    Parameters:
    values (list of float): The numbers.

    Yields:
    float: The mean of the values so far.
    """
    for end in range(1, len(values) + 1):
        yield _Close(statistics.median(values[:end]))  # wrong: running medians

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_stream(self):
        means = list(task_func([1.0, 2.0, 9.0]))
        for got, want in zip(means, [1.0, 1.5, 4.0]):
            error = abs(got - want)
            self.assertLess(error, 1e-9)

    def test_last(self):
        *_, last = task_func([3.0, 4.0, 11.0, 2.0])
        error = abs(last - 5.0)
        self.assertLess(error, 1e-9)

    def test_count(self):
        self.assertEqual(len(list(task_func([1.0, 2.0]))), 2)
