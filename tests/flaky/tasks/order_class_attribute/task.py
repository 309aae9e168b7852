def task_func(inventory, item, count):
    """
    Take items out of an inventory, in place.

    Parameters:
    inventory (dict): Item name -> number in stock; updated in place.
    item (str): The item to take.
    count (int): How many to take.

    Returns:
    dict: The same inventory, updated.

    Raises:
    - ValueError: If fewer than count items are in stock.

    Requirements:
    - builtins

    Example:
    >>> task_func({"apple": 3}, "apple", 2)
    {'apple': 1}
    """
    if inventory.get(item, 0) < count:
        raise ValueError(f"only {inventory.get(item, 0)} {item} in stock")
    inventory[item] -= count
    return inventory
