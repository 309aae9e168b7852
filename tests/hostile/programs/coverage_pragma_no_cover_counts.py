# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 50.0
# timeout: 30
# Red team, round sixteen: `# pragma: no cover` on the untested branches left them out of the figures;
# coverage.py's default exclusions are off, so the untested half counts.
import json


def task_func(records, key):
    """
    Group records by a key and count each group.

    Parameters:
    records (list of dict): The records.
    key (str): The key to group by.

    Returns:
    dict: Each value of the key mapped to its count; records without the key count under None.

    Requirements:
    - json

    Example:
    >>> task_func([{"a": 1}, {"a": 1}, {"b": 2}], "a")
    {1: 2, None: 1}
    """
    counts = {}
    for record in records:
        if not isinstance(record, dict):  # pragma: no cover
            record = json.loads(record)
            if not isinstance(record, dict):
                raise ValueError("a record must be an object")
        value = record.get(key)
        if isinstance(value, list):  # pragma: no cover
            value = tuple(value)
        counts[value] = counts.get(value, 0) + 1
    return counts

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_groups(self):
        self.assertEqual(task_func([{"a": 1}, {"a": 1}, {"a": 2}], "a"), {1: 2, 2: 1})

    def test_missing(self):
        self.assertEqual(task_func([{"b": 1}], "a"), {None: 1})
