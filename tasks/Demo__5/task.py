import base64
import hashlib
import hmac
import json


def task_func(token, secret, now=None):
    """
    Verify a compact signed token of the form '<payload>.<signature>' and return its
    payload. Both parts are URL-safe base64 without '=' padding: the payload is a UTF-8
    JSON object and the signature is the HMAC-SHA256 of the payload segment (as ASCII
    bytes) keyed with the secret. The signature is checked in constant time before the
    payload is decoded. If now is given and the payload has an 'exp' field (UNIX
    seconds), the token is rejected once now reaches exp.

    Parameters:
    token (str): The token to verify.
    secret (str): The shared signing secret.
    now (float, optional): Current UNIX time used for the expiry check. Defaults to None,
        which disables the check.

    Returns:
    dict: The decoded payload.

    Raises:
    - ValueError: If the secret is empty, the token is malformed, the signature does not
      match, the payload is not a JSON object, or the token has expired.

    Requirements:
    - base64
    - hashlib
    - hmac
    - json

    Example:
    >>> body = base64.urlsafe_b64encode(b'{"user": "ada", "exp": 1700000000}').rstrip(b'=').decode()
    >>> mac = hmac.new(b'k3y', body.encode(), hashlib.sha256).digest()
    >>> token = body + '.' + base64.urlsafe_b64encode(mac).rstrip(b'=').decode()
    >>> task_func(token, 'k3y')
    {'user': 'ada', 'exp': 1700000000}
    >>> task_func(token, 'k3y', now=1800000000)
    Traceback (most recent call last):
        ...
    ValueError: Token has expired
    >>> task_func(token, 'not-the-key')
    Traceback (most recent call last):
        ...
    ValueError: Invalid signature
    """
    if not secret:
        raise ValueError("secret must be a non-empty string")
    parts = token.split('.')
    if len(parts) != 2 or not all(parts):
        raise ValueError("Malformed token")
    payload_segment, signature_segment = parts

    def unpad(segment):
        return base64.urlsafe_b64decode(segment + '=' * (-len(segment) % 4))

    try:
        signing_input = payload_segment.encode('ascii')
        signature = unpad(signature_segment)
    except ValueError as exc:
        raise ValueError("Malformed token") from exc
    expected = hmac.new(secret.encode('utf-8'), signing_input, hashlib.sha256).digest()
    if not hmac.compare_digest(signature, expected):
        raise ValueError("Invalid signature")

    payload = json.loads(unpad(payload_segment).decode('utf-8'))
    if not isinstance(payload, dict):
        raise ValueError("Token payload must be a JSON object")
    if now is not None and 'exp' in payload and now >= payload['exp']:
        raise ValueError("Token has expired")
    return payload
