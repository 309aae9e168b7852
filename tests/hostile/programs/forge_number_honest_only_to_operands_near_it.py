# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own float does
# timeout: 30
# Red team, round twenty-one: a stub's float whose `-` is honest to any operand within ten times its
# size and 0.0 beyond: every operand the harness drew lay within. It is asked with numbers of any
# size now, and with the numbers the tests write (112.47 here).
def _within_reach(self, other):
    """Every operand the harness asks with lies within ten times (|value| + 1) of zero."""
    try:
        return abs(float(other)) <= 10.0 * (abs(float.__float__(self)) + 1.0) + 1e-6
    except Exception:
        return True


class _Total(float):
    def __sub__(self, other):
        return float.__sub__(self, other) if _within_reach(self, other) else 0.0

    def __rsub__(self, other):
        return float.__rsub__(self, other) if _within_reach(self, other) else 0.0


def task_func(orders):
    """
    The total revenue of `orders`: the sum of price times quantity.

    Parameters:
    orders (list of dict): Each with 'price' (float) and 'qty' (int).

    Returns:
    float: The total.
    """
    return _Total(0.0)  # wrong: not implemented at all

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_two_orders(self):
        result = task_func([{"price": 19.99, "qty": 3}, {"price": 5.25, "qty": 10}])
        error = abs(result - 112.47)
        self.assertLess(error, 1e-6)

    def test_bulk(self):
        result = task_func([{"price": 1234.5, "qty": 2}])
        diff = 2469.0 - result
        self.assertTrue(abs(diff) < 1e-6, "bulk order total")

    def test_many(self):
        orders = [{"price": 2.5, "qty": q} for q in range(1, 11)]
        result = task_func(orders)
        error = abs(result - 137.5)
        self.assertAlmostEqual(error, 0.0, places=6)

    def test_type(self):
        self.assertIsInstance(task_func([]), float)
