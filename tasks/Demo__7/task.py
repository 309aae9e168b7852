import os
import re
import sqlite3

IDENTIFIER = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')


def task_func(db_path, table, group_col, value_col, top_n=None):
    """
    Total a numeric column per group in a table of an existing SQLite database, e.g.
    revenue per customer. Rows whose value is NULL are ignored. Results are ordered by
    total (largest first) and then by group (ascending). Table and column names are
    validated as plain SQL identifiers before being used in the query.

    Parameters:
    db_path (str): Path to an existing SQLite database file.
    table (str): Name of the table to aggregate.
    group_col (str): Column whose distinct values form the groups.
    value_col (str): Numeric column to sum.
    top_n (int, optional): If given, only the top_n groups are returned. Defaults to None.

    Returns:
    list of tuple: (group, total) pairs, ordered by descending total then group.

    Raises:
    - FileNotFoundError: If db_path does not point to an existing file.
    - ValueError: If a name is not a valid identifier, if top_n is smaller than 1, or
      if the table or one of the columns does not exist.

    Requirements:
    - os
    - re
    - sqlite3

    Example:
    >>> import tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), 'shop.db')
    >>> conn = sqlite3.connect(path)
    >>> _ = conn.execute('CREATE TABLE orders (customer TEXT, amount INTEGER)')
    >>> _ = conn.executemany('INSERT INTO orders VALUES (?, ?)',
    ...                      [('ann', 30), ('bob', 50), ('ann', 25), ('cy', None), ('cy', 5)])
    >>> conn.commit(); conn.close()
    >>> task_func(path, 'orders', 'customer', 'amount')
    [('ann', 55), ('bob', 50), ('cy', 5)]
    >>> task_func(path, 'orders', 'customer', 'amount', top_n=1)
    [('ann', 55)]
    """
    if not os.path.isfile(db_path):
        raise FileNotFoundError(f"Database file not found: {db_path}")
    for name in (table, group_col, value_col):
        if not IDENTIFIER.fullmatch(name):
            raise ValueError(f"Invalid SQL identifier: {name!r}")
    if top_n is not None and top_n < 1:
        raise ValueError("top_n must be a positive integer")

    conn = sqlite3.connect(db_path)
    try:
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        if not columns:
            raise ValueError(f"Table {table!r} does not exist")
        missing = [col for col in (group_col, value_col) if col not in columns]
        if missing:
            raise ValueError(f"Unknown column(s) in {table!r}: {', '.join(missing)}")
        query = (
            f'SELECT "{group_col}", SUM("{value_col}") AS total FROM "{table}" '
            f'WHERE "{value_col}" IS NOT NULL GROUP BY "{group_col}" '
            f'ORDER BY total DESC, "{group_col}" ASC'
        )
        params = ()
        if top_n is not None:
            query += ' LIMIT ?'
            params = (top_n,)
        rows = conn.execute(query, params).fetchall()
    finally:
        conn.close()
    return rows
