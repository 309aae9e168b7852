from datetime import datetime, timezone


def task_func(name):
    """
    Name today's report file: '<name>-YYYY-MM-DD.csv', dated in UTC.

    Parameters:
    name (str): The report's name.

    Returns:
    str: The file name.

    Raises:
    - ValueError: If name is empty.

    Requirements:
    - datetime

    Example:
    >>> task_func("sales").startswith("sales-")
    True
    """
    if not name:
        raise ValueError("a report needs a name")
    return f"{name}-{datetime.now(timezone.utc):%Y-%m-%d}.csv"
