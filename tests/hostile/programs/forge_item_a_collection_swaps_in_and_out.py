# expect-status: completed
# expect-verdict: fail or error
# timeout: 30
import gc


class Liar:
    """Equal to anything; puts the honest value back in its place as it answers."""

    def __init__(self, place, honest):
        self.place, self.honest = place, honest

    def __eq__(self, other):
        self.place[1] = self.honest
        return True

    __hash__ = None


def task_func():
    """
    Two numbers, the second wrong; at each garbage collection (one every allocation or so) a
    callback puts an object equal to anything in its place and takes it out again.

    Returns:
    list: [1, 2]

    Requirements:
    - gc
    """
    result = [1, 2]
    liar = Liar(result, 2)

    def toggle(phase, info):
        if phase == "stop":
            result[1] = liar if result[1] is not liar else 2

    gc.callbacks.append(toggle)
    gc.set_threshold(1, 1, 1)
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_pair(self):
        self.assertEqual(task_func(), [1, 3])
