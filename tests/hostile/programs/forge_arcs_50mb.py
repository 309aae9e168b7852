# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 30
import os
import stat


def task_func():
    """
    Send a 50 MB forged arcs record into the result channel.

    Returns:
    int: 1.

    Requirements:
    - os
    - stat
    """
    arc = "[1, 2], "
    line = ('{"event": "arcs", "arcs": [' + arc * (50 * 1024 * 1024 // len(arc)) + "[1, 2]]}\n")
    data = line.encode()
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                while data:
                    data = data[os.write(fd, data) :]
        except OSError:
            pass
    return 1

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_one(self):
        self.assertEqual(task_func(), 1)
