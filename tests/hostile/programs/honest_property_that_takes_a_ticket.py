# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-one (honest tests called a failure): a property with a side effect (it takes
# a ticket) was read as the value was returned, so the tests' first read got the second ticket.
# Only what an object holds is read then; what the tests name is read as the test ends.
import itertools


class TicketDispenser:
    """Hands out ticket numbers in turn, starting at `start`."""

    def __init__(self, start):
        self._numbers = itertools.count(start)
        self.issued = 0

    @property
    def next_ticket(self):
        """The next ticket number (taking it)."""
        self.issued += 1
        return next(self._numbers)


def task_func(start):
    """
    A dispenser of ticket numbers starting at `start`.

    Parameters:
    start (int): The first ticket number.

    Returns:
    TicketDispenser: Its `next_ticket` gives start, start + 1, ...; `issued` counts them.
    """
    return TicketDispenser(start)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_first(self):
        dispenser = task_func(100)
        self.assertEqual(dispenser.next_ticket, 100)

    def test_in_turn(self):
        dispenser = task_func(1)
        self.assertEqual([dispenser.next_ticket for _ in range(3)], [1, 2, 3])

    def test_issued(self):
        dispenser = task_func(7)
        self.assertEqual(dispenser.issued, 0)
