# expect-status: completed
# expect-verdict: fail
# expect-message: AssertionError: Lists differ
# timeout: 30
# Red team, round thirty-nine: the same through an async with's __aexit__.
class Answer:
    def __init__(self):
        self.asked = 0
    def __bool__(self):
        self.asked += 1
        return self.asked > 1


class Session:
    def __init__(self):
        self.items = []
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return Answer()
    async def add(self, item):
        self.items.append(item * 2)  # wrong


def task_func():
    return Session()
# ---- tests ----
import unittest


class TestCases(unittest.IsolatedAsyncioTestCase):
    async def test_add(self):
        async with task_func() as s:
            await s.add(3)
            self.assertEqual(s.items, [3])
