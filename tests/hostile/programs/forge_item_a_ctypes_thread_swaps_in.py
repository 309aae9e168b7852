# expect-status: completed
# expect-verdict: fail or error
# timeout: 30
import ctypes
import sys
import time

N = 1_900_000


class Liar:
    def __init__(self, place, honest):
        self.place, self.honest = place, honest

    def __eq__(self, other):
        self.place[1] = self.honest
        return True

    __hash__ = None


_keep = []


def task_func():
    """
    A long list and a number, the number wrong (2 where 3 is right). A thread made through
    ctypes (pthread_create, calling Python back), which no count of Python's threads sees,
    watches the long list's reference count and, once the harness holds it, puts an object
    equal to anything in place of the number.

    Returns:
    list: [list(range(N)), 2]

    Requirements:
    - ctypes
    """
    big = list(range(N))
    result = [big, 2]
    liar = Liar(result, 2)
    started = []
    hold = big  # one more reference while the thread takes its base

    def watch(_arg):
        base = sys.getrefcount(big)
        started.append(1)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            if sys.getrefcount(big) > base:
                result[1] = liar
                return 0
            time.sleep(0)
        return 0

    libc = ctypes.CDLL(None)
    proto = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)
    callback = proto(watch)
    _keep.append(callback)
    tid = ctypes.c_ulong()
    libc.pthread_create(ctypes.byref(tid), None, callback, None)
    while not started:
        time.sleep(0.001)
    del hold
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_pair(self):
        self.assertEqual(task_func(), [list(range(N)), 3])
