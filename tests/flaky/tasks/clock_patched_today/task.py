from datetime import date


def task_func(birth_date):
    """
    Age in completed years, as of today, of someone born on a given day.

    Parameters:
    birth_date (datetime.date): The day of birth.

    Returns:
    int: The completed years.

    Raises:
    - ValueError: If birth_date is after today.

    Requirements:
    - datetime

    Example:
    >>> from datetime import date
    >>> task_func(date.today())
    0
    """
    today = date.today()
    if birth_date > today:
        raise ValueError("born after today")
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday
