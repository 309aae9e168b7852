# expect-status: completed
# expect-verdict: pass
# expect-runtime: write_outside
# timeout: 20
import os


def task_func():
    """
    Persist by appending to the shell start-up files in HOME, directly and through /proc/1/root.

    Returns:
    list: The files that could be appended to (should be none).

    Requirements:
    - os
    """
    appended = []
    for root in ("", "/proc/1/root"):
        for name in (".bashrc", ".profile"):
            path = root + "@@HOME@@/" + name
            try:
                with open(path, "a") as handle:
                    handle.write("\necho @@MARKER@@\n")
                appended.append(path)
            except OSError:
                pass
    return appended

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_nothing_appended(self):
        self.assertEqual(task_func(), [])
