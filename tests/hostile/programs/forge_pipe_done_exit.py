# expect-status: crashed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import json
import os
import stat


def task_func():
    """
    Write fake "end pass" and "done" records into the result channel, then leave at once with
    os._exit(0) before the real assertion can fail.

    Returns:
    None: It never returns.

    Requirements:
    - json
    - os
    - stat
    """
    records = [
        {"event": "end", "test": "test_wrong", "outcome": "pass", "duration_s": 0.0},
        {"event": "runtime", "findings": []},
        {"event": "done", "clock": 0.0},
    ]
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                for record in records:
                    os.write(fd, (json.dumps(record) + "\n").encode())
        except OSError:
            pass
    os._exit(0)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        self.assertEqual(task_func(), 2)
