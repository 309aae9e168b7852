# expect-status: completed
# expect-verdict: pass
# timeout: 20
# A process the program forks is watched for what it does to the system alone: it can walk
# the frames it was forked under. The worker's frame held the run's key (and the request's
# bytes, key and all), with which a child handed the result pipe could sign records. The
# child looks for them, and its exit status says whether it found any: 1, none.
import os
import sys


def task_func():
    """
    Fork a child that searches the frames it runs under for the run's key, and return the
    child's exit status.

    Returns:
    int: 1 when nothing was found.

    Requirements:
    - os
    - sys

    Example:
    >>> task_func()
    1
    """
    pid = os.fork()
    if pid == 0:
        frame = sys._getframe()
        while frame is not None:
            for name, value in frame.f_locals.items():
                if isinstance(value, bytes) and (name == "key" or b'"key"' in value):
                    os._exit(0)
            frame = frame.f_back
        os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_nothing_found(self):
        self.assertEqual(task_func(), 1)
