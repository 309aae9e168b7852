# expect-status: completed
# expect-verdict: fail or error
# timeout: 30
import sys
import threading
import time

N = 1_900_000


class Liar:
    def __init__(self, place, honest):
        self.place, self.honest = place, honest

    def __eq__(self, other):
        self.place[1] = self.honest
        return True

    __hash__ = None


class Ghost:
    """Kept in a threading.local: freed by PyThreadState_Clear, after the thread count went down."""

    def __init__(self, big, result, liar, started):
        self.big, self.result, self.liar, self.started = big, result, liar, started

    def __del__(self):
        big, result, liar = self.big, self.result, self.liar
        self.big = None
        base = sys.getrefcount(big)
        self.started.append(1)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            if sys.getrefcount(big) > base:
                result[1] = liar
                return
            time.sleep(0)


def task_func():
    """
    A long list and a number, the number wrong (2 where 3 is right). A thread ends, and the
    finalizer of what it kept in a threading.local goes on running on it after the count of
    running threads went down: it watches the long list's reference count and, once the
    harness holds it, puts an object equal to anything in place of the number.

    Returns:
    list: [list(range(N)), 2]

    Requirements:
    - threading
    """
    big = list(range(N))
    result = [big, 2]
    liar = Liar(result, 2)
    started = []
    local = threading.local()

    def body():
        local.ghost = Ghost(big, result, liar, started)

    threading.Thread(target=body, daemon=True).start()
    while not started:
        time.sleep(0.001)
    del big
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_pair(self):
        self.assertEqual(task_func(), [list(range(N)), 3])
