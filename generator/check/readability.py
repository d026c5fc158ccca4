"""Plain language: the standfirst and every summary should read at US school grade 9 or below."""
from __future__ import annotations

from ..language import grade
from ..problems import WARNING, Problem
from ..read import Document

GRADE_AIM = 9.0


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

