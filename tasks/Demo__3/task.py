from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def task_func(timestamps, source_tz, target_tz, work_start=9, work_end=17):
    """
    Convert naive meeting times from one time zone to another and classify each one
    from the point of view of a colleague living in the target time zone. A converted
    time is 'weekend' if it falls on Saturday or Sunday, 'working' if its hour lies in
    [work_start, work_end), and 'off-hours' otherwise. Daylight saving time is handled
    by the IANA time zone database.

    Parameters:
    timestamps (list of str): Local times in the source zone, formatted 'YYYY-MM-DD HH:MM'.
    source_tz (str): IANA name of the zone the timestamps are expressed in.
    target_tz (str): IANA name of the zone to convert to.
    work_start (int): First working hour in the target zone (inclusive). Defaults to 9.
    work_end (int): Hour at which the working day ends (exclusive). Defaults to 17.

    Returns:
    list of tuple: One (converted, status) pair per timestamp, in input order, where
        converted is formatted 'YYYY-MM-DD HH:MM TZ' (TZ being the zone abbreviation)
        and status is one of 'working', 'off-hours' or 'weekend'.

    Raises:
    - ValueError: If a time zone name is unknown, if the working hours do not satisfy
      0 <= work_start < work_end <= 24, or if a timestamp does not match the format.

    Requirements:
    - datetime
    - zoneinfo

    Example:
    >>> task_func(['2024-07-01 08:30', '2024-07-05 14:00'], 'America/New_York', 'Europe/Berlin')
    [('2024-07-01 14:30 CEST', 'working'), ('2024-07-05 20:00 CEST', 'off-hours')]
    >>> task_func(['2024-01-05 20:00'], 'America/Los_Angeles', 'Asia/Tokyo')
    [('2024-01-06 13:00 JST', 'weekend')]
    """
    try:
        source = ZoneInfo(source_tz)
        target = ZoneInfo(target_tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"Unknown time zone: {exc}") from exc
    if not 0 <= work_start < work_end <= 24:
        raise ValueError("Working hours must satisfy 0 <= work_start < work_end <= 24")

    results = []
    for stamp in timestamps:
        local = datetime.strptime(stamp, '%Y-%m-%d %H:%M').replace(tzinfo=source)
        converted = local.astimezone(target)
        if converted.weekday() >= 5:
            status = 'weekend'
        elif work_start <= converted.hour < work_end:
            status = 'working'
        else:
            status = 'off-hours'
        results.append((converted.strftime('%Y-%m-%d %H:%M %Z'), status))
    return results
