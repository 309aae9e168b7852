import unittest
import base64
import hashlib
import hmac
import json


def make_token(payload, secret, raw=None):
    data = raw if raw is not None else json.dumps(payload).encode('utf-8')
    body = base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')
    mac = hmac.new(secret.encode('utf-8'), body.encode('ascii'), hashlib.sha256).digest()
    return body + '.' + base64.urlsafe_b64encode(mac).rstrip(b'=').decode('ascii')


class TestCases(unittest.TestCase):
    def test_valid_token_round_trip(self):
        payload = {'sub': 'user-42', 'roles': ['reader', 'writer'], 'name': 'Zoë'}
        token = make_token(payload, 's3cret')
        self.assertNotIn('=', token)
        self.assertEqual(task_func(token, 's3cret'), payload)

    def test_tampered_payload_or_wrong_secret(self):
        token = make_token({'sub': 'alice', 'admin': False}, 's3cret')
        forged_body = base64.urlsafe_b64encode(b'{"sub": "alice", "admin": true}').rstrip(b'=').decode()
        forged = forged_body + '.' + token.split('.')[1]
        with self.assertRaisesRegex(ValueError, 'Invalid signature'):
            task_func(forged, 's3cret')
        with self.assertRaisesRegex(ValueError, 'Invalid signature'):
            task_func(token, 'other-secret')

    def test_malformed_tokens(self):
        for bad in ['no-dot-here', 'a.b.c', '.abc', 'abc.', 'Zm9v.abcde', 'Zm9vé.abcd']:
            with self.subTest(token=bad):
                with self.assertRaisesRegex(ValueError, 'Malformed token'):
                    task_func(bad, 's3cret')

    def test_payload_must_be_object(self):
        token = make_token(None, 's3cret', raw=b'[1, 2, 3]')
        with self.assertRaisesRegex(ValueError, 'JSON object'):
            task_func(token, 's3cret')

    def test_expiry_check(self):
        token = make_token({'sub': 'bob', 'exp': 1000}, 'k')
        self.assertEqual(task_func(token, 'k')['sub'], 'bob')
        self.assertEqual(task_func(token, 'k', now=999)['exp'], 1000)
        with self.assertRaisesRegex(ValueError, 'expired'):
            task_func(token, 'k', now=1000)
        no_exp = make_token({'sub': 'bob'}, 'k')
        self.assertEqual(task_func(no_exp, 'k', now=10 ** 10), {'sub': 'bob'})

    def test_empty_secret_raises(self):
        token = make_token({'sub': 'x'}, 'k')
        with self.assertRaises(ValueError):
            task_func(token, '')
