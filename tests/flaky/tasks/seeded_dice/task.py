import random
from collections import Counter


def task_func(rolls=4, sides=6, seed=0):
    """
    Roll a fair die several times, reproducibly, and count how often each face came up.

    Parameters:
    rolls (int): How many times to roll. Defaults to 4.
    sides (int): How many faces the die has. Defaults to 6.
    seed (int): Seed of the die's random generator. Defaults to 0.

    Returns:
    collections.Counter: Face -> number of times it came up.

    Raises:
    - ValueError: If rolls is negative or sides is less than 1.

    Requirements:
    - random
    - collections

    Example:
    >>> sum(task_func(rolls=10).values())
    10
    """
    if rolls < 0 or sides < 1:
        raise ValueError("rolls must be >= 0 and sides >= 1")
    die = random.Random(seed)
    return Counter(die.randint(1, sides) for _ in range(rolls))
