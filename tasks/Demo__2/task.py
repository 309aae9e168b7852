import json
import os


def task_func(config_dir, override=None):
    """
    Build an effective configuration by merging layered JSON files from a directory.
    Every regular file whose name ends in '.json' is loaded in alphabetical order of
    filename and deep-merged into the result: nested objects are merged key by key,
    while any other value (including lists) replaces the earlier one. Other files and
    sub-directories are ignored. An optional override mapping is merged last.

    Parameters:
    config_dir (str): Path of the directory containing the JSON configuration layers.
    override (dict, optional): JSON-serializable values applied on top of all files.
        Defaults to None.

    Returns:
    dict: The merged configuration. The override mapping is copied, never referenced.

    Raises:
    - FileNotFoundError: If config_dir does not exist or is not a directory.
    - ValueError: If a JSON file cannot be parsed or its top-level value is not an object.

    Requirements:
    - json
    - os

    Example:
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> with open(os.path.join(d, '10-base.json'), 'w') as f:
    ...     _ = f.write('{"db": {"host": "localhost", "port": 5432}, "debug": false}')
    >>> with open(os.path.join(d, '20-prod.json'), 'w') as f:
    ...     _ = f.write('{"db": {"host": "db.internal"}, "workers": [1, 2]}')
    >>> task_func(d)
    {'db': {'host': 'db.internal', 'port': 5432}, 'debug': False, 'workers': [1, 2]}
    >>> task_func(d, override={'debug': True, 'db': {'port': 6432}})
    {'db': {'host': 'db.internal', 'port': 6432}, 'debug': True, 'workers': [1, 2]}
    """
    if not os.path.isdir(config_dir):
        raise FileNotFoundError(f"Configuration directory not found: {config_dir}")

    def merge(base, layer):
        for key, value in layer.items():
            if isinstance(value, dict) and isinstance(base.get(key), dict):
                merge(base[key], value)
            else:
                base[key] = value
        return base

    merged = {}
    for name in sorted(os.listdir(config_dir)):
        path = os.path.join(config_dir, name)
        if not name.endswith('.json') or not os.path.isfile(path):
            continue
        with open(path, encoding='utf-8') as handle:
            try:
                layer = json.load(handle)
            except json.JSONDecodeError as exc:
                raise ValueError(f"Invalid JSON in {name}: {exc}") from exc
        if not isinstance(layer, dict):
            raise ValueError(f"{name} must contain a JSON object at the top level")
        merge(merged, layer)

    if override:
        merge(merged, json.loads(json.dumps(override)))
    return merged
