"""Plain language, measured: words, sentences, the Flesch–Kincaid grade, reading time.

grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, with
syllables counted by pyphen's hyphenation dictionary (offline; textstat would
download data at run time). check/readability.py warns when what a reader
meets first reads above grade 9; render uses the reading times.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

WORDS_PER_MINUTE = 200

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"”’)]|$)")


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen  # imported late: only `check` and the build need it

    return pyphen.Pyphen(lang="en_US")


def plain_text(text: str) -> str:
    """Prose without Markdown links' targets or HTML tags: what a reader reads."""
    return _TAG.sub("", _LINK.sub(r"\1", text))


def words(text: str) -> list[str]:
    return _WORD.findall(plain_text(text))


def syllables(word: str) -> int:
    return len(_dictionary().positions(word)) + 1


def sentences(text: str) -> int:
    return max(1, len(_SENTENCE_END.findall(plain_text(text).strip())))


def grade(text: str) -> float:
    """Flesch–Kincaid grade level of a text (0.0 for a text without words)."""
    ws = words(text)
    if not ws:
        return 0.0
    return 0.39 * len(ws) / sentences(text) + 11.8 * sum(map(syllables, ws)) / len(ws) - 15.59


def minutes(word_count: int) -> int:
    """Minutes to read so many words at WORDS_PER_MINUTE, rounded up, at least 1."""
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


def word_count(*texts: str | None) -> int:
    return sum(len(words(t)) for t in texts if t)
