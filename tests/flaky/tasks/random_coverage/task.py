import random
import statistics


def task_func(values, rounds=3):
    """
    Summarise a list of numbers with a statistic drawn at random, as a quiz would.

    Parameters:
    values (list of float): The numbers, at least one.
    rounds (int): How many statistics to draw. Defaults to 3.

    Returns:
    list of tuple: (statistic name, value) for each round.

    Raises:
    - ValueError: If values is empty.

    Requirements:
    - random
    - statistics

    Example:
    >>> len(task_func([1.0, 2.0, 3.0], rounds=2))
    2
    """
    if not values:
        raise ValueError("values must not be empty")
    drawn = []
    for _ in range(rounds):
        name = random.choice(["mean", "median", "minimum", "maximum"])
        if name == "mean":
            value = statistics.mean(values)
        elif name == "median":
            value = statistics.median(values)
        elif name == "minimum":
            value = min(values)
        else:
            value = max(values)
        drawn.append((name, value))
    return drawn
