# expect-status: completed
# expect-verdict: fail
# timeout: 20
# The program sets no-op assertions on the mock the tests patched in (and on its own class):
# the tests call unittest.mock's own assertion, which says nothing was called.
import os


def task_func(name):
    """
    Create the directory `name` with os.makedirs (parents too; an existing one is fine) and
    return its normalized name.

    Parameters:
    name (str): The directory to create.

    Returns:
    str: The name given.

    Requirements:
    - os

    Example:
    >>> task_func('out') == 'out'
    True
    """
    make = os.makedirs
    for check in ("assert_called_once_with", "assert_called_with", "assert_called_once"):
        setattr(make, check, lambda *args, **kwargs: None)
        setattr(type(make), check, lambda *args, **kwargs: None)
    return os.path.normpath(name)

# ---- tests ----
import unittest
from unittest.mock import patch


class TestCases(unittest.TestCase):
    @patch("os.makedirs")
    def test_creates(self, mock_makedirs):
        self.assertEqual(task_func("out"), "out")
        mock_makedirs.assert_called_once_with("out", exist_ok=True)

    def test_nested(self):
        with patch("os.makedirs") as mock_makedirs:
            task_func("a/b")
            mock_makedirs.assert_called_once_with("a/b", exist_ok=True)
