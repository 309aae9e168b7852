# expect-status: completed
# expect-verdict: pass
# timeout: 20
import glob
import os


def task_func():
    """
    Look for the canary files in the bank and in HOME: directly, through /proc/1/root and the
    root of every other process, and by searching the whole file system for them.

    Returns:
    list: The paths whose canary could be read (should be none).

    Requirements:
    - glob
    - os
    """
    paths = ["@@BANK@@/canary.txt", "@@HOME_CANARY@@"]
    roots = ["/proc/1/root", "/proc/self/root", *glob.glob("/proc/[0-9]*/root")]
    candidates = paths + [root + path for root in roots for path in paths]
    for directory, folders, files in os.walk("/"):
        if directory.startswith(("/proc", "/sys", "/usr", "/dev")):
            folders.clear()
            continue
        candidates += [os.path.join(directory, name) for name in files if "canary" in name]
    read = []
    for path in candidates:
        try:
            with open(path) as handle:
                if "@@CANARY@@" in handle.read():
                    read.append(path)
        except OSError:
            pass
    return read

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_no_canary_read(self):
        self.assertEqual(task_func(), [])
