import numpy as np
import pandas as pd


def task_func(df, group_col, value_col, weight_col=None):
    """
    Summarize a numeric column per group of a DataFrame. For every group (sorted by
    group label) the number of rows, the mean of value_col and the group's share of the
    overall sum of value_col (in percent) are reported. When weight_col is given, the
    mean is the weighted mean; a group whose weights sum to zero gets a NaN mean. If
    the overall sum of value_col is zero, every share is NaN.

    Parameters:
    df (pandas.DataFrame): The input data.
    group_col (str): Column whose values define the groups.
    value_col (str): Numeric column to summarize.
    weight_col (str, optional): Column of non-negative weights. Defaults to None.

    Returns:
    pandas.DataFrame: Indexed by group label (index named after group_col), with the
        columns 'count' (int), 'mean' (float) and 'share' (float, percent); mean and
        share are rounded to 2 decimals.

    Raises:
    - ValueError: If a referenced column is missing, if df is empty, or if any weight
      is negative.

    Requirements:
    - numpy
    - pandas

    Example:
    >>> df = pd.DataFrame({'team': ['red', 'blue', 'red', 'blue', 'red'],
    ...                    'score': [10, 4, 20, 6, 30],
    ...                    'games': [1, 1, 3, 1, 0]})
    >>> summary = task_func(df, 'team', 'score')
    >>> summary.loc['red'].tolist()
    [3.0, 20.0, 85.71]
    >>> task_func(df, 'team', 'score', weight_col='games')['mean'].to_dict()
    {'blue': 5.0, 'red': 17.5}
    """
    required = [group_col, value_col]
    if weight_col is not None:
        required.append(weight_col)
    missing = [col for col in required if col not in df.columns]
    if missing:
        raise ValueError(f"Missing column(s): {', '.join(map(str, missing))}")
    if df.empty:
        raise ValueError("The DataFrame is empty")

    total = df[value_col].sum()
    rows = []
    for group, part in df.groupby(group_col, sort=True):
        values = part[value_col].to_numpy(dtype=float)
        if weight_col is None:
            mean = values.mean()
        else:
            weights = part[weight_col].to_numpy(dtype=float)
            if np.any(weights < 0):
                raise ValueError(f"Negative weight in group {group!r}")
            if weights.sum() > 0:
                mean = np.average(values, weights=weights)
            else:
                mean = np.nan
        if total != 0:
            share = values.sum() / total * 100
        else:
            share = np.nan
        rows.append({group_col: group, 'count': len(part), 'mean': mean, 'share': share})

    summary = pd.DataFrame(rows).set_index(group_col)
    return summary.round({'mean': 2, 'share': 2})
