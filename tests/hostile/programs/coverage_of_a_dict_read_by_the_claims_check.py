# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 33.33
# timeout: 30
# Red team, round twenty-six (coverage overstated): a dict whose `items()` is its own; the tests
# never call it, and the harness called it to look at the dict's values (83% where the tests
# alone cover 33%). It now reads them by dict's own methods.
class Counts(dict):
    def items(self):
        out = []
        for key in dict.__iter__(self):
            if key is None:
                continue
            out.append((key, dict.__getitem__(self, key)))
        return out


def task_func(text):
    """Count the words of text."""
    c = Counts()
    for w in text.split():
        c[w] = c.get(w, 0) + 1
    return c

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(task_func("a b a"), {"a": 2, "b": 1})
