import pandas as pd


def task_func(year):
    """
    Whole years from a given year to the current year, as pandas tells the time.

    Parameters:
    year (int): A year, not after the current one.

    Returns:
    int: The years since then.

    Raises:
    - ValueError: If year is after the current year.

    Requirements:
    - pandas

    Example:
    >>> import pandas as pd
    >>> task_func(pd.Timestamp.now().year)
    0
    """
    current = pd.Timestamp.now().year
    if year > current:
        raise ValueError("a year to come")
    return current - year
