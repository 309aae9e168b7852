import statistics

import numpy as np


def task_func(values, threshold=3.5):
    """
    Detect outliers in a one-dimensional sample with the modified z-score of Iglewicz
    and Hoaglin, which is robust to the outliers themselves:
    M_i = 0.6745 * (x_i - median) / MAD, where MAD is the median absolute deviation
    from the median. A value is an outlier when |M_i| > threshold. If the MAD is zero
    (at least half of the values equal the median), every value that differs from the
    median is an outlier.

    Parameters:
    values (array-like): The numeric sample.
    threshold (float): Cut-off for the absolute modified z-score. Defaults to 3.5.

    Returns:
    dict: A dictionary with the keys:
        - 'median' (float): Median of the sample.
        - 'mad' (float): Median absolute deviation.
        - 'mask' (numpy.ndarray): Boolean array, True where the value is an outlier.
        - 'outliers' (numpy.ndarray): The outlying values, in input order.

    Raises:
    - ValueError: If values is empty or not one-dimensional, contains NaN or infinite
      values, or if threshold is not positive.

    Requirements:
    - statistics
    - numpy

    Example:
    >>> result = task_func([10, 12, 11, 13, 12, 95, 11, -40])
    >>> result['median'], result['mad']
    (11.5, 1.0)
    >>> result['outliers']
    array([ 95., -40.])
    >>> task_func([5, 5, 5, 6])['mask']
    array([False, False, False,  True])
    """
    data = np.asarray(values, dtype=float)
    if data.ndim != 1 or data.size == 0:
        raise ValueError("values must be a non-empty one-dimensional sequence")
    if not np.all(np.isfinite(data)):
        raise ValueError("values must not contain NaN or infinite entries")
    if threshold <= 0:
        raise ValueError("threshold must be positive")

    median = statistics.median(data.tolist())
    deviations = np.abs(data - median)
    mad = statistics.median(deviations.tolist())
    if mad == 0:
        mask = deviations > 0
    else:
        mask = np.abs(0.6745 * (data - median) / mad) > threshold
    return {
        'median': float(median),
        'mad': float(mad),
        'mask': mask,
        'outliers': data[mask],
    }
