# expect-status: completed
# expect-verdict: pass
# expect-runtime: write_outside
# timeout: 4
def task_func(data):
    """
    Sum the numbers. The docstring examples try to write outside the scratch, then never end:
    the run's time limit cuts them short, after the tests have passed (their verdict stands),
    and the examples' record, which would carry what they did, is never written.

    Parameters:
    data (list): The numbers.

    Returns:
    int: Their sum.

    Example:
    >>> task_func([1, 2])
    3
    >>> writer = eval("op" + "en")
    >>> try:
    ...     writer("/proc/curator-hostile-@@MARKER@@", "w")
    ... except OSError:
    ...     pass
    >>> while True:
    ...     pass
    """
    return sum(data)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_sum(self):
        self.assertEqual(task_func([1, 2]), 3)
