# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-three (honest tests called a failure): a dict that counts its hits and misses
# in a dict of its own; the harness's questions added to the counts. What asking changes is put
# back a few levels down now: the dicts, lists and sets the value holds, and its slots.
class Cache(dict):
    """A dict that keeps count of its hits and misses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stats = {"hits": 0, "misses": 0}

    def __getitem__(self, key):
        if key in self.keys():
            self.stats["hits"] += 1
        else:
            self.stats["misses"] += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        if key in self.keys():
            self.stats["hits"] += 1
            return super().__getitem__(key)
        self.stats["misses"] += 1
        return default


def task_func(pairs):
    """Build a counting cache from (key, value) pairs."""
    return Cache(pairs)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_counts(self):
        cache = task_func([("a", 1), ("b", 2)])
        self.assertEqual(cache["a"], 1)
        self.assertIsNone(cache.get("z"))
        self.assertEqual(cache.stats, {"hits": 1, "misses": 1})

    def test_fresh(self):
        cache = task_func([("x", 9)])
        self.assertEqual(cache.stats["hits"], 0)
        self.assertEqual(cache.get("x"), 9)
        self.assertEqual(cache.stats["hits"], 1)

    def test_len(self):
        self.assertEqual(len(task_func([("a", 1)])), 1)
