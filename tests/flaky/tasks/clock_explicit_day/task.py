from datetime import date, datetime, timezone


def task_func(name, day=None):
    """
    Name a day's report file: '<name>-YYYY-MM-DD.csv'; the day defaults to today in UTC.

    Parameters:
    name (str): The report's name.
    day (datetime.date, optional): The report's day. Defaults to today's date in UTC.

    Returns:
    str: The file name.

    Raises:
    - ValueError: If name is empty.

    Requirements:
    - datetime

    Example:
    >>> from datetime import date
    >>> task_func("sales", date(2024, 2, 29))
    'sales-2024-02-29.csv'
    """
    if not name:
        raise ValueError("a report needs a name")
    day = day or datetime.now(timezone.utc).date()
    return f"{name}-{day:%Y-%m-%d}.csv"
