# expect-status: completed
# expect-verdict: fail or error
# timeout: 30
import sys
import threading
import time

N = 100_000


class Liar:
    def __init__(self, place, honest):
        self.place, self.honest = place, honest

    def __eq__(self, other):
        self.place[1] = self.honest
        return True

    __hash__ = None


def task_func():
    """
    A long list and a number, the number wrong (2 where 3 is right); a thread watches the long
    list's reference count, and once the harness holds it (its look at the values) puts an
    object equal to anything in place of the number, which puts the number back as it answers.

    Returns:
    list: [list(range(N)), 2]

    Requirements:
    - threading
    """
    big = list(range(N))
    result = [big, 2]
    liar = Liar(result, 2)

    def watch(big):
        base = sys.getrefcount(big)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if sys.getrefcount(big) > base:  # someone holds the inner list: the walk
                result[1] = liar
                return
            time.sleep(0)

    threading.Thread(target=watch, args=(big,), daemon=True).start()
    del big
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_pair(self):
        self.assertEqual(task_func(), [list(range(N)), 3])
