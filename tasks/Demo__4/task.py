import csv
import statistics


def task_func(csv_path, column, precision=2):
    """
    Compute descriptive statistics for one numeric column of a CSV file with a header
    row. Cells that are empty, missing, or cannot be parsed as a number are skipped and
    counted. The sample standard deviation is only defined for two or more values.

    Parameters:
    csv_path (str): Path to the CSV file.
    column (str): Name of the column to summarize.
    precision (int): Number of decimal places used to round mean, median and stdev.
        Defaults to 2.

    Returns:
    dict: A dictionary with the keys 'count' (int), 'mean' (float), 'median' (float),
        'stdev' (float, or None when fewer than two values were read), 'min' (float),
        'max' (float) and 'skipped' (int).

    Raises:
    - KeyError: If the column is not present in the header.
    - ValueError: If the column contains no numeric values.

    Requirements:
    - csv
    - statistics

    Example:
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), 'orders.csv')
    >>> with open(path, 'w', newline='') as f:
    ...     _ = f.write('order,amount\\nA1,12.5\\nA2,n/a\\nA3,7.5\\nA4,30\\n')
    >>> task_func(path, 'amount')
    {'count': 3, 'mean': 16.67, 'median': 12.5, 'stdev': 11.81, 'min': 7.5, 'max': 30.0, 'skipped': 1}
    """
    with open(csv_path, newline='', encoding='utf-8') as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or column not in reader.fieldnames:
            raise KeyError(f"Column {column!r} not found in {csv_path}")
        values = []
        skipped = 0
        for row in reader:
            cell = (row.get(column) or '').strip()
            try:
                values.append(float(cell))
            except ValueError:
                skipped += 1

    if not values:
        raise ValueError(f"Column {column!r} contains no numeric values")
    if len(values) > 1:
        stdev = round(statistics.stdev(values), precision)
    else:
        stdev = None
    return {
        'count': len(values),
        'mean': round(statistics.fmean(values), precision),
        'median': round(statistics.median(values), precision),
        'stdev': stdev,
        'min': min(values),
        'max': max(values),
        'skipped': skipped,
    }
