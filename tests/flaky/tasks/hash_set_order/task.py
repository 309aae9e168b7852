def task_func(text):
    """
    List the distinct words of a text, lower-cased.

    Parameters:
    text (str): The text.

    Returns:
    list[str]: Each distinct word once.

    Requirements:
    - builtins

    Example:
    >>> task_func("Red red")
    ['red']
    """
    return list(set(text.lower().split()))
