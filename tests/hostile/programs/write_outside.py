# expect-status: completed
# expect-verdict: pass
# expect-runtime: write_outside
# timeout: 20
import glob
import os
import shutil


def task_func():
    """
    Try to write and delete files outside the run's own directory: in the bank, in the
    curator user's HOME, in /tmp and in the project.

    Returns:
    list: The attempts that succeeded (should be none).

    Requirements:
    - glob
    - os
    - shutil
    """
    succeeded = []
    attempts = [
        ("write", "@@BANK@@/evil-@@MARKER@@.txt"),
        ("write", "@@BANK@@/bank.json"),
        ("delete", "@@BANK@@/bank.json"),
        ("rmtree", "@@BANK@@"),
        ("write", "@@HOME@@/evil-@@MARKER@@.txt"),
        ("write", "/tmp/evil-@@MARKER@@.txt"),
        ("write", "/var/tmp/evil-@@MARKER@@.txt"),
        ("write", "@@PROJECT@@/evil-@@MARKER@@.txt"),
        ("write", "/non/existent/path/evil-@@MARKER@@.txt"),
    ]
    attempts += [("write", path) for path in glob.glob("@@BANK@@/*/task.py")]
    for action, path in attempts:
        try:
            if action == "write":
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "a") as handle:
                    handle.write("evil")
            elif action == "delete":
                os.remove(path)
            else:
                shutil.rmtree(path)
            succeeded.append((action, path))
        except OSError:
            pass
    # Writes that only land in the run's private scratch space are harmless; report the rest.
    return [item for item in succeeded if not item[1].startswith(("/tmp/", "/var/tmp/"))]

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_nothing_written(self):
        self.assertEqual(task_func(), [])
