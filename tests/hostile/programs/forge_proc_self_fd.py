# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import os


def task_func():
    """
    Find the result channel through /proc/self/fd and reopen it to write a passing record.

    Returns:
    int: 1 (the tests want 2).

    Requirements:
    - os
    """
    for name in os.listdir("/proc/self/fd"):
        target = os.path.join("/proc/self/fd", name)
        try:
            if os.readlink(target).startswith("pipe:") and int(name) > 2:
                with open(target, "w") as channel:
                    channel.write('{"event": "end", "test": "test_wrong", "outcome": "pass"}\n')
        except OSError:
            pass
    return 1

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        self.assertEqual(task_func(), 2)
