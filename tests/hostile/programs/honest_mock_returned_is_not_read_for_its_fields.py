# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty (the honest side of its fix): what the tests read off an object of the
# task's is asked, by the names they read anywhere; a mock the entry point hands back is no such
# object, and reading a name of it would make a child (BigCodeBench/563 took 8 s so).
from unittest.mock import MagicMock


def task_func(client):
    """
    Fetch the client's profile.

    Parameters:
    client (object): Has a `fetch(name)` method.

    Returns:
    object: What `fetch("profile")` answers.

    Example:
    >>> client = MagicMock()
    >>> task_func(client) is client.fetch.return_value
    True
    """
    return client.fetch("profile")

# ---- tests ----
import unittest
from types import SimpleNamespace
from unittest.mock import MagicMock


class TestCases(unittest.TestCase):
    def test_profile_is_what_fetch_answers(self):
        client = MagicMock()
        result = task_func(client)
        client.fetch.assert_called_once_with("profile")
        self.assertIs(result, client.fetch.return_value)
        self.assertEqual(result.mock_calls, [])
        for name in ("score", "owner", "level"):
            self.assertNotIn(name, result._mock_children)

    def test_plain_client(self):
        client = SimpleNamespace(fetch=lambda name: SimpleNamespace(score=3, owner="ann", level=1))
        profile = task_func(client)
        self.assertEqual((profile.score, profile.owner, profile.level), (3, "ann", 1))
