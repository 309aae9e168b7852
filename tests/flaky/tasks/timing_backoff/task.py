import time


def task_func(operation, retries=3, delay=0.15):
    """
    Call an operation until it succeeds, waiting longer after each failure.

    Parameters:
    operation (callable): Called with no arguments; a failure raises an exception.
    retries (int): How many times to retry after the first failure. Defaults to 3.
    delay (float): Seconds to wait after the first failure; doubled after each one.
        Defaults to 0.15.

    Returns:
    object: What the operation returned.

    Raises:
    - Exception: The operation's last exception once the retries are used up.

    Requirements:
    - time

    Example:
    >>> task_func(lambda: 42)
    42
    """
    for attempt in range(retries + 1):
        try:
            return operation()
        except Exception:
            if attempt == retries:
                raise
            time.sleep(delay * 2**attempt)
