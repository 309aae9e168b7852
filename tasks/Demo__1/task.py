import re
from collections import Counter

LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']
LINE_PATTERN = re.compile(
    r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \[(?P<level>[A-Za-z]+)\] (?P<message>.+)$'
)


def task_func(log_text, min_level='INFO'):
    """
    Summarize a block of application log text. Each line is expected to look like
    'YYYY-MM-DD HH:MM:SS [LEVEL] message'. Lines at or above the given severity are
    counted per level, and the most frequent message among them is reported.
    Blank lines are ignored; lines that do not match the format, or whose level is not
    one of DEBUG, INFO, WARNING, ERROR, CRITICAL, are counted as malformed.

    Parameters:
    log_text (str): The raw log text, one entry per line.
    min_level (str): The lowest severity to include (case-insensitive). Defaults to 'INFO'.

    Returns:
    dict: A dictionary with the keys:
        - 'counts' (dict): Number of entries per level, ordered from least to most severe,
          containing only levels that occur.
        - 'malformed' (int): Number of non-blank lines that could not be parsed.
        - 'top_message' (str or None): The most frequent message among the counted entries
          (ties are broken by first occurrence), or None if no entry was counted.

    Raises:
    - ValueError: If min_level is not a known log level.

    Requirements:
    - re
    - collections

    Example:
    >>> logs = '''2024-03-01 10:00:00 [INFO] Service started
    ... 2024-03-01 10:00:05 [DEBUG] Loading plugins
    ... 2024-03-01 10:01:00 [ERROR] Database timeout
    ... garbage line
    ... 2024-03-01 10:02:00 [ERROR] Database timeout'''
    >>> task_func(logs)
    {'counts': {'INFO': 1, 'ERROR': 2}, 'malformed': 1, 'top_message': 'Database timeout'}
    >>> task_func(logs, min_level='critical')
    {'counts': {}, 'malformed': 1, 'top_message': None}
    """
    threshold_name = min_level.upper()
    if threshold_name not in LEVELS:
        raise ValueError(f"Unknown log level: {min_level!r}")
    threshold = LEVELS.index(threshold_name)

    counts = Counter()
    messages = Counter()
    malformed = 0
    for raw_line in log_text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        match = LINE_PATTERN.match(line)
        if match is None or match.group('level').upper() not in LEVELS:
            malformed += 1
            continue
        level = match.group('level').upper()
        if LEVELS.index(level) < threshold:
            continue
        counts[level] += 1
        messages[match.group('message').strip()] += 1

    ordered = {level: counts[level] for level in LEVELS if counts[level]}
    top_message = None
    if messages:
        top_message = messages.most_common(1)[0][0]
    return {'counts': ordered, 'malformed': malformed, 'top_message': top_message}
