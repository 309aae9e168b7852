# expect-status: completed
# expect-verdict: error
# expect-message: its method never ran to its end
# timeout: 30
# Red team, round sixteen: the awaited task_func marks the async test's own asyncio Task done and waits
# for ever; its assertions never run. An async test method must run to its end too.
import asyncio


async def task_func(urls, delay=0.0):
    """
    "Fetch" each URL concurrently (a pause of `delay` seconds each) and return their lengths.

    Parameters:
    urls (list of str): The URLs.
    delay (float): The pause for each.

    Returns:
    dict: Each URL mapped to its length.

    Requirements:
    - asyncio

    Example:
    >>> asyncio.run(task_func(["ab"]))
    {'ab': 2}
    """
    async def fetch(url):
        await asyncio.sleep(delay)
        return url, len(url) - 1          # wrong: one short

    pairs = await asyncio.gather(*(fetch(url) for url in urls))
    # The test's own coroutine is an asyncio Task: Future's set_result (the base class's, which
    # Task's own refuses) marks it done, so the runner returns as if the test had ended; the
    # coroutine then waits for ever, and the test's assertions never run. An async test method
    # is not one the harness requires to run to its end (carries_entry: CO_COROUTINE).
    asyncio.Future.set_result(asyncio.current_task(), None)
    await asyncio.get_running_loop().create_future()
    return dict(pairs)

# ---- tests ----
import asyncio
import unittest


class TestCases(unittest.IsolatedAsyncioTestCase):
    async def test_a_two(self):
        result = await task_func(["http://a.example", "http://bb.example"])
        self.assertEqual(result, {"http://a.example": 16, "http://bb.example": 17})

    async def test_b_empty(self):
        self.assertEqual(await task_func([]), {})

    async def test_c_delay(self):
        result = await task_func(["x"], delay=0.01)
        self.assertEqual(result["x"], 1)
