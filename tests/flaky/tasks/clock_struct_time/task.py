import time


def task_func(year):
    """
    Whole years from a given year to the current year of the local calendar.

    Parameters:
    year (int): A year, not after the current one.

    Returns:
    int: The years since then.

    Raises:
    - ValueError: If year is after the current year.

    Requirements:
    - time

    Example:
    >>> import time
    >>> task_func(time.localtime().tm_year)
    0
    """
    current = time.localtime().tm_year
    if year > current:
        raise ValueError("a year to come")
    return current - year
