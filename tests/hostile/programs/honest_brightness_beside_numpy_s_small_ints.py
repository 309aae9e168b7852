# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-five: a partner of numpy's uint8 or int8 moved past its range raised in the
# harness (the test erred) or wrapped; such partners are not moved.
import numpy as np

class Brightness:
    """A pixel's brightness, as a plain level."""
    def __init__(self, level):
        self.level = float(level)
    def __add__(self, other):
        return self.level + float(other)
    __radd__ = __add__
    def __sub__(self, other):
        return self.level - float(other)
    def __rsub__(self, other):
        return float(other) - self.level

def task_func(image):
    return Brightness(np.asarray(image, dtype=float).mean())

# ---- tests ----
import unittest
import numpy as np

class TestCases(unittest.TestCase):
    def test_uint8_pixel(self):
        image = np.array([[10, 30], [50, 70]], dtype=np.uint8)
        b = task_func(image)
        self.assertAlmostEqual(b - image[0, 0], 30.0)
