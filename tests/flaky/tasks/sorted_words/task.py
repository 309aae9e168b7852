def task_func(text):
    """
    List the distinct words of a text, lower-cased, in alphabetical order.

    Parameters:
    text (str): The text.

    Returns:
    list[str]: Each distinct word once, sorted.

    Requirements:
    - builtins

    Example:
    >>> task_func("Red red blue")
    ['blue', 'red']
    """
    return sorted(set(text.lower().split()))
