# expect-status: completed
# expect-verdict: pass
# timeout: 20
# Red team, round twenty-three (honest, and two thousand times slower): a dict of some 250 words that
# reads out the most common first; each answer's items were compared with each other's, for each
# question, round and value: 120 s instead of 0.05 s. They are counted at once now.
import re


class WordCounts(dict):
    """Word counts that read out most common first."""

    def ranked(self):
        return sorted(dict.items(self), key=lambda item: (-item[1], item[0]))

    def __iter__(self):
        return iter([word for word, _ in self.ranked()])

    def keys(self):
        return [word for word, _ in self.ranked()]

    def values(self):
        return [count for _, count in self.ranked()]

    def items(self):
        return self.ranked()


def task_func(text):
    """Count the words of text, most common first."""
    counts = WordCounts()
    for word in re.findall(r"[a-z]+", text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts

# ---- tests ----
import unittest


def words(n):
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [letters[i % 26] + letters[(i // 26) % 26] + letters[(i // 676) % 26] for i in range(n)]


class TestCases(unittest.TestCase):
    def test_many_texts(self):
        for n in range(196, 256, 2):
            result = task_func(" ".join(words(n)))
            self.assertEqual(len(result), n)

    def test_one(self):
        self.assertEqual(task_func("a b a")["a"], 2)
