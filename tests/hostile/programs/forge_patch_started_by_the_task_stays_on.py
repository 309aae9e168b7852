# expect-status: completed
# expect-verdict: error
# expect-message: changed os.path.exists
# timeout: 30
# Red team, round seventeen (the other side of an honest fix): a patch the tests start in a class
# fixture may stay on across their tests; one the task starts, the same way, may not.
import os
from unittest import mock

_started = []


def task_func(path):
    """
    Write "done" to a file.

    Parameters:
    path (str): Where.

    Returns:
    str: The path.
    """
    if not _started:  # wrong: writes nothing, and says every file exists from now on
        _started.append(mock.patch("os.path.exists", return_value=True).start())
    return path

# ---- tests ----
import os
import tempfile
import unittest


class TestCases(unittest.TestCase):
    def test_written(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "a.txt")
            self.assertTrue(os.path.exists(task_func(path)))

    def test_written_again(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "b.txt")
            self.assertTrue(os.path.exists(task_func(path)))
