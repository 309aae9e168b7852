import numpy as np


def task_func(signal, noise=0.1):
    """
    Add Gaussian noise to a signal, as a sensor would.

    Parameters:
    signal (array-like): The clean signal.
    noise (float): Standard deviation of the noise. Defaults to 0.1.

    Returns:
    numpy.ndarray: The noisy signal, of the same shape as the input.

    Raises:
    - ValueError: If noise is negative.

    Requirements:
    - numpy

    Example:
    >>> task_func([1.0, 2.0], noise=0.0).tolist()
    [1.0, 2.0]
    """
    if noise < 0:
        raise ValueError("noise must be non-negative")
    signal = np.asarray(signal, dtype=float)
    return signal + np.random.normal(0.0, noise, size=signal.shape)
