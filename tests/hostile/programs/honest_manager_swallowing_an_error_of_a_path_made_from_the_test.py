# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round thirty-nine (an honest task called tampering): a path made from the test's own
# folder (Path(self.test_dir) / name) raises as it is removed, and the task's manager ignores it.
import contextlib


def task_func(*kinds):
    """A context manager that ignores the given exception types and records their names."""
    @contextlib.contextmanager
    def ignoring():
        caught = []
        try:
            yield caught
        except kinds as error:
            caught.append(type(error).__name__)
    return ignoring()
# ---- tests ----
import os
import shutil
import tempfile
import unittest
from pathlib import Path


class TestCases(unittest.TestCase):
    def setUp(self):
        self.test_dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.test_dir)

    def test_missing_file_is_ignored(self):
        target = Path(self.test_dir) / "missing.txt"
        with task_func(FileNotFoundError) as caught:
            target.unlink()
        self.assertEqual(caught, ["FileNotFoundError"])
        self.assertFalse(target.exists())
