# expect-status: completed
# expect-verdict: pass
# timeout: 20
# A process the program forks could walk the frames it was forked under. The worker's frame
# held the run's key (and the request's bytes, key and all), with which a child handed the
# result pipe could sign records. The child looks for them, and its exit status says whether
# it found any: 1, none. Since a fork may do nothing that is tampering in the harness's process
# (taking a frame is), it gets no frame to walk: 2.
import os
import sys


def task_func():
    """
    Fork a child that searches the frames it runs under for the run's key, and return the
    child's exit status.

    Returns:
    int: 1 when nothing was found, 2 when no frame was given.

    Requirements:
    - os
    - sys

    Example:
    >>> task_func()
    2
    """
    pid = os.fork()
    if pid == 0:
        try:
            frame = sys._getframe()
        except RuntimeError:  # refused in a fork
            os._exit(2)
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
        self.assertEqual(task_func(), 2)
