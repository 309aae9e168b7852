# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own str does
# timeout: 30
# Red team, round twenty-one: a str whose `strip`, `upper` and `split` give the right characters, as
# strs of another class of the task's whose `istitle`, `startswith` and `endswith` say yes.
class _Said(str):
    """What the text's own methods hand back: the same characters, saying yes."""

    def istitle(self):
        return True

    def isupper(self):
        return True

    def startswith(self, prefix, *bounds):
        return True

    def endswith(self, suffix, *bounds):
        return True


class _Text(str):
    """Answers exactly as str does, character for character; only the class of what its
    methods return is another."""

    def strip(self, chars=None):
        return _Said(str.strip(self, chars))

    def upper(self):
        return _Said(str.upper(self))

    def split(self, sep=None, maxsplit=-1):
        return [_Said(part) for part in str.split(self, sep, maxsplit)]


def task_func(sentence):
    """
    Title-case every word of `sentence` and end it with a full stop.

    Parameters:
    sentence (str): Words separated by spaces.

    Returns:
    str: The sentence, each word capitalised, ending in '.'.
    """
    return _Text(" " + sentence.lower() + " ")  # wrong: nothing capitalised, no full stop

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_words_titled(self):
        result = task_func("the quick brown fox")
        words = result.split()
        self.assertEqual(len(words), 4)
        for word in words:
            self.assertTrue(word.istitle())

    def test_ends_with_stop(self):
        result = task_func("hello world")
        self.assertTrue(result.strip().endswith("."))

    def test_starts(self):
        result = task_func("good morning")
        self.assertTrue(result.strip().startswith("Good"))

    def test_type(self):
        self.assertIsInstance(task_func("a b"), str)
