import re
import unicodedata

SEPARATORS = ('-', '_', '.')


def task_func(text, max_length=50, separator='-'):
    """
    Turn an arbitrary title into an ASCII URL slug. The text is NFKD-normalized so that
    accented letters lose their accents, remaining non-ASCII characters are dropped, the
    result is lower-cased, and every run of characters other than a-z and 0-9 becomes a
    single separator. Leading and trailing separators are removed. A slug longer than
    max_length is cut at the last word boundary that fits; a first word that is itself
    longer than max_length is cut hard.

    Parameters:
    text (str): The title to convert.
    max_length (int): Maximum length of the slug. Defaults to 50.
    separator (str): One of '-', '_' or '.'. Defaults to '-'.

    Returns:
    str: The slug, at most max_length characters long.

    Raises:
    - ValueError: If max_length is smaller than 1, if the separator is not allowed, or
      if the text contains no characters that survive conversion.

    Requirements:
    - re
    - unicodedata

    Example:
    >>> task_func('Crème Brûlée: A Love Story!')
    'creme-brulee-a-love-story'
    >>> task_func('Crème Brûlée: A Love Story!', max_length=15)
    'creme-brulee-a'
    >>> task_func('  Ünïcödé   FTW  ', separator='_')
    'unicode_ftw'
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    if separator not in SEPARATORS:
        raise ValueError(f"separator must be one of {SEPARATORS}")

    decomposed = unicodedata.normalize('NFKD', text)
    ascii_text = decomposed.encode('ascii', 'ignore').decode('ascii').lower()
    slug = re.sub(r'[^a-z0-9]+', separator, ascii_text).strip(separator)
    if not slug:
        raise ValueError(f"Text {text!r} does not contain any sluggable characters")

    if len(slug) > max_length:
        boundary = slug.rfind(separator, 0, max_length + 1)
        if boundary == -1:
            slug = slug[:max_length]
        else:
            slug = slug[:boundary]
    return slug
