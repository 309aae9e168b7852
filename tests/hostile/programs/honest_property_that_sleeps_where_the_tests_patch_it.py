# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-four (honest tests timed out): a property that calls time.sleep(30), which
# the tests patch with a decorator, was read as the test ended, the patch gone. It is read as the
# test method ends now, its decorators' patches on.
import time


class Download:
    """A download that is waited for when its result is read."""

    def __init__(self, name, seconds):
        self.name = name
        self.seconds = seconds

    @property
    def finished(self):
        time.sleep(self.seconds)  # wait for the (simulated) transfer
        return True


def task_func(name, seconds=30):
    """Start a simulated download; its `finished` waits `seconds`."""
    return Download(name, seconds)

# ---- tests ----
import unittest
from unittest.mock import patch


class TestCases(unittest.TestCase):
    @patch("time.sleep")
    def test_waits(self, mock_sleep):
        download = task_func("a.bin", 30)
        self.assertTrue(download.finished)
        mock_sleep.assert_called_once_with(30)

    @patch("time.sleep")
    def test_name(self, mock_sleep):
        download = task_func("b.bin", 45)
        self.assertEqual(download.name, "b.bin")
        self.assertTrue(download.finished)
