# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-four (honest tests charged with starting programs): a property that runs a
# command, read by one test that patches subprocess.run, was read in every test. Only the names a
# test method reads (or code it may call) are read off what it was returned now.
import subprocess


class Command:
    """A shell command, run when its `output` is read."""

    def __init__(self, args):
        self.args = list(args)

    @property
    def output(self):
        return subprocess.run(self.args, capture_output=True, text=True, check=True).stdout


def task_func(*args):
    """A Command for args."""
    return Command(args)

# ---- tests ----
import unittest
from unittest.mock import patch, MagicMock


class TestCases(unittest.TestCase):
    @patch("subprocess.run")
    def test_output(self, mock_run):
        mock_run.return_value = MagicMock(stdout="hello\n")
        command = task_func("echo", "hello")
        self.assertEqual(command.output, "hello\n")
        mock_run.assert_called_once()

    def test_args(self):
        self.assertEqual(task_func("ls", "-l").args, ["ls", "-l"])
