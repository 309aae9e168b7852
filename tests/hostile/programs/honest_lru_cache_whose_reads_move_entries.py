# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-one (honest tests called a failure): an LRU cache built on OrderedDict,
# whose `get` and `[]` move what they read to the end. The harness's own questions moved its
# entries; what a value holds is put back as it was after it is asked.
from collections import OrderedDict


class LRUCache(OrderedDict):
    """A mapping of at most `capacity` entries: reading or writing an entry makes it the most
    recently used; writing past the capacity evicts the least recently used."""

    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __setitem__(self, key, value):
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        if len(self) > self.capacity:
            self.popitem(last=False)


def task_func(capacity, operations):
    """
    Replay `operations` on an LRU cache of `capacity` entries and return the cache.

    Parameters:
    capacity (int): Most entries kept.
    operations (list of tuple): ("put", key, value) or ("get", key).

    Returns:
    LRUCache: The cache, an OrderedDict from least to most recently used.
    """
    cache = LRUCache(capacity)
    for operation in operations:
        if operation[0] == "put":
            cache[operation[1]] = operation[2]
        else:
            cache.get(operation[1])
    return cache

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_order(self):
        cache = task_func(3, [("put", "a", 1), ("put", "b", 2), ("put", "c", 3)])
        self.assertEqual(list(cache), ["a", "b", "c"])

    def test_eviction(self):
        cache = task_func(2, [("put", "a", 1), ("put", "b", 2), ("put", "c", 3)])
        self.assertEqual(list(cache.keys()), ["b", "c"])

    def test_get_refreshes(self):
        cache = task_func(2, [("put", "a", 1), ("put", "b", 2), ("get", "a"), ("put", "c", 3)])
        self.assertEqual(dict(cache), {"a": 1, "c": 3})
        cache["d"] = 4
        self.assertEqual(list(cache), ["c", "d"])
