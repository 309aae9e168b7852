import random
import string


def task_func(length=12):
    """
    Generate a random password of letters and digits.

    Parameters:
    length (int): How many characters. Defaults to 12.

    Returns:
    str: The password.

    Raises:
    - ValueError: If length is less than 1.

    Requirements:
    - random
    - string

    Example:
    >>> len(task_func(8))
    8
    """
    if length < 1:
        raise ValueError("a password needs at least one character")
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))
