"""Plain language: the Flesch–Kincaid grade of what a reader meets first, and reading time.

grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59, with
syllables counted by pyphen's hyphenation dictionary (offline; textstat would
download data at run time). The short answer (all its claims together) and
each factor's summary should read at US school grade 9 or below.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .load import Document
from .problems import WARNING, Problem

GRADE_AIM = 9.0
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


def grade_problems(docs: list[Document]) -> list[Problem]:
    """A warning for the standfirst and each summary harder than grade 9."""
    out = []
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        if doc.kind == "site" and isinstance(data.get("standfirst"), list):
            texts = [c.get("text") for c in data["standfirst"] if isinstance(c, dict)]
            out += _check(doc, ("standfirst",), " ".join(t for t in texts if isinstance(t, str)))
        elif doc.kind in ("factor", "since") and isinstance(data.get("summary"), dict):
            text = data["summary"].get("text")
            out += _check(doc, ("summary", "text"), text if isinstance(text, str) else "")
    return out


def _check(doc: Document, path: tuple, text: str) -> list[Problem]:
    level = grade(text)
    if round(level, 1) <= GRADE_AIM:
        return []
    message = f"reads at grade {level:.1f} by Flesch–Kincaid; aim for {GRADE_AIM:g} or below"
    return [doc.problem(path, message, level=WARNING)]


def factor_words(factor: dict) -> int:
    """Words a reader reads on a factor page: summary, key points, story, accounts' labels, fact checks."""
    from .claims import story_claims

    texts = [factor["summary"]["text"], *(p["text"] for p in factor["key_points"])]
    for _, claim in story_claims(factor):
        texts += [claim["text"], claim.get("attribution", "")]
    for check in factor.get("fact_checks", []):
        texts += [check["elsewhere"], check["sources_say"]]
    return sum(len(words(t)) for t in texts)


def minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


def reading_minutes(factor: dict) -> int:
    """Minutes to read a factor page at 200 words a minute, rounded up, at least 1."""
    return minutes(factor_words(factor))


def site_reading_minutes(content) -> int:
    """Minutes to read the whole explainer: the standfirst and every factor page."""
    answer = sum(len(words(c["text"])) for c in content.site["standfirst"])
    return minutes(answer + sum(factor_words(f) for f in content.factors))
