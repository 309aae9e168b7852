_HANDLERS = {}


def task_func(name, handler):
    """
    Register a handler under a unique name.

    Parameters:
    name (str): The handler's name.
    handler (callable): The handler.

    Returns:
    int: How many handlers are registered now.

    Raises:
    - ValueError: If a handler of that name is registered already.

    Requirements:
    - builtins

    Example:
    >>> task_func("csv", print)
    1
    """
    if name in _HANDLERS:
        raise ValueError(f"a handler named {name!r} is registered already")
    _HANDLERS[name] = handler
    return len(_HANDLERS)
