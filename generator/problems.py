"""Problems are values: collected across every file, printed one per line.

Modelled on yamllint: a content mistake never becomes a traceback, it becomes a
Problem that names the file, the line and column of the offending YAML node and
the field path inside the document.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    field: str
    message: str
    level: str = ERROR

    def __str__(self) -> str:
        where = f"{_printable(self.file)}:{self.line}:{self.col}"
        field = f" {_printable(self.field)}:" if self.field else ""
        tag = " (warning)" if self.level == WARNING else ""
        return f"{where}:{field} {_printable(self.message)}{tag}"


def _printable(text: str) -> str:
    # A key or value may hold a newline or control character; a problem stays one line.
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class ContentError(Exception):
    """Raised by a stage that found problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = sorted(problems)


def field_path(path: tuple) -> str:
    """('claims', 2, 'sources', 0) -> 'claims[2].sources[0]'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == ERROR]


def as_json(problems: list[Problem]) -> str:
    """The problems as a JSON list, their texts exactly as the text format prints them
    (a lone surrogate from a note cannot be written out as UTF-8)."""
    texts = ("file", "field", "message")
    return json.dumps([{k: _printable(v) if k in texts else v for k, v in asdict(p).items()} for p in sorted(problems)], indent=2, ensure_ascii=False)


def did_you_mean(word: str, choices) -> str:
    """A ' — did you mean …?' suffix when a near miss exists, else ''."""
    import difflib

    close = difflib.get_close_matches(str(word), sorted(map(str, choices)), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""
