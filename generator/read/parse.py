"""Parse one note file into a Document that remembers where each value was written.

Parsing keeps every node's position so that later stages can point at the
exact line and column of a mistake. The YAML accepted is deliberately small:
one document per file, no anchors or aliases (so "billion laughs" input cannot
blow up memory), no duplicate keys (PyYAML would silently keep the last one),
no tags written out (`!!int "abc"` would reach int()), and timestamps kept as
text so the checks judge dates. Every key and every text is checked for
characters a reader cannot see or a page cannot carry, as parsed: an escape
such as "\\x01" in a quoted string is caught as surely as the raw byte.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..problems import Problem, field_path
from .limits import MAX_BYTES, MAX_DEPTH, MAX_INT_DIGITS, NOTE_BYTES, int_too_long, too_deep


@dataclass
class Document:
    """One parsed note file, with the position of every node in it."""

    path: Path
    name: str  # as shown in messages, e.g. content/factors/01-approach.yaml
    kind: str
    data: object = None
    marks: dict = field(default_factory=dict)  # field path -> (line, col) of the value
    key_marks: dict = field(default_factory=dict)  # field path -> (line, col) of the key
    failed: bool = False  # unreadable or unparsable: its data is unknown
    problems: list = field(default_factory=list)  # characters refused while parsing
    texts: list | None = None  # every text with its path and schema node, once walked (check/schema.texts)
    source: tuple | None = None  # (kind, name, text) as read: equal sources parse and check alike

    def locate(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """Position of the deepest node along `path` that exists in the file."""
        path = tuple(path)
        if key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: tuple, message: str, level: str = "error", key: bool = False, at: tuple | None = None) -> Problem:
        """A Problem for the field at `path`, positioned at `at` (default: the field itself)."""
        line, col = self.locate(path if at is None else at, key)
        return Problem(self.name, line, col, field_path(path), message, level)


class _Reject(yaml.MarkedYAMLError):
    pass


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and tags written out while composing."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Reject(None, None, "YAML aliases (*name) are not allowed in notes; write the value out", event.start_mark)
        if getattr(event, "anchor", None):
            raise _Reject(None, None, "YAML anchors (&name) are not allowed in notes; write the value out", event.start_mark)
        if getattr(event, "tag", None) not in (None, "!"):
            raise _Reject(None, None, f"YAML tags ({event.tag.replace('tag:yaml.org,2002:', '!!')}) are not allowed in notes; write the value plainly", event.start_mark)
        return super().compose_node(parent, index)


def parse(doc: Document) -> None:
    """Fill in doc.data, or set doc.failed and say why in doc.problems."""
    text = _read(doc)
    if isinstance(text, Problem):
        doc.failed = True
        doc.problems.append(text)
        return
    doc.source = (doc.kind, doc.name, text)
    done = _parsed(*doc.source)
    doc.data, doc.marks, doc.key_marks, doc.failed, doc.problems = done.data, done.marks, done.key_marks, done.failed, list(done.problems)


@lru_cache(maxsize=256)
def _parsed(kind: str, name: str, text: str) -> Document:
    # A live preview or a test suite parses unchanged notes again and again; a parse
    # depends on these three alone. Later builds share the data: nothing changes it.
    doc = Document(Path(name), name, kind)
    problem = _parse(doc, text)
    if problem:
        doc.failed = True
        doc.problems.append(problem)
    return doc


def _read(doc: Document) -> str | Problem:
    cap = NOTE_BYTES.get(doc.kind, MAX_BYTES)
    try:
        with open(doc.path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            raw = fh.read(cap + 1)  # never more: the file may grow while read
    except OSError as e:
        return Problem(doc.name, 1, 1, "", f"cannot read the file ({e.strerror or 'error'}); check its permissions")
    if len(raw) > cap:
        return Problem(doc.name, 1, 1, "", f"file is {max(size, len(raw)):,} bytes; the limit for this note is {cap:,}")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return Problem(doc.name, line, col, "", f"file is not UTF-8 (byte 0x{raw[e.start]:02x}); save it as UTF-8")


def _parse(doc: Document, text: str) -> Problem | None:
    deep = too_deep(text)
    if deep:
        return Problem(doc.name, *deep, "", f"nested more than {MAX_DEPTH} levels deep; a note needs a few")
    # No anchor, alias or tag can be in a text without &, * and !: LibYAML may
    # parse it, ten times faster. Any error is re-parsed by the strict parser,
    # whose messages and positions are the ones shown.
    fast = _FAST and "&" not in text and "*" not in text and "!" not in text
    for loader in ((yaml.CSafeLoader, StrictLoader) if fast else (StrictLoader,)):
        try:
            node = _compose(text, loader)
            if node is None:
                return Problem(doc.name, 1, 1, "", "file is empty")
            doc.data = _value(node, (), doc, SafeConstructor())
            return None
        except _Duplicate as e:
            return e.problem(doc)
        except yaml.reader.ReaderError as e:
            return _reader_problem(doc, text, e)
        except yaml.MarkedYAMLError as e:
            if loader is StrictLoader or isinstance(e, _Reject):
                mark = e.problem_mark or e.context_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                return Problem(doc.name, line, col, "", _yaml_message(e))
        except yaml.YAMLError:
            continue
        except RecursionError:
            return Problem(doc.name, 1, 1, "", f"nested more than {MAX_DEPTH} levels deep; a note needs a few")
    return Problem(doc.name, 1, 1, "", "YAML syntax error")


def _compose(text: str, loader):
    instance = loader(text)
    try:
        return instance.get_single_node()
    finally:
        instance.dispose()


def _reader_problem(doc: Document, text: str, e) -> Problem:
    """Control characters: PyYAML gives only an offset into the text."""
    line = text.count("\n", 0, e.position) + 1
    col = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
    return Problem(doc.name, line, col, "", f"control character U+{e.character:04X} is not allowed in a note" if isinstance(e.character, int) else "unreadable character")


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    problem = (e.problem or e.context or "invalid YAML").strip()
    if "'\\t'" in problem or "\t" in problem:
        return "tab character in indentation; indent with spaces"
    if isinstance(e, _Reject):
        return problem
    if "another document" in problem:
        return "a note holds one YAML document; remove the second '---' and what follows"
    if e.context and e.problem and e.context not in problem:
        return f"YAML syntax error: {problem} ({e.context.strip()})"
    return f"YAML syntax error: {problem}"


class _Duplicate(Exception):
    """A mistake found while building values, reported at its field (a repeated key, a huge number)."""

    def __init__(self, path, key, first, message: str = ""):
        self.path, self.key, self.first, self.message = path, key, first, message

    def problem(self, doc: Document) -> Problem:
        if self.message:
            return doc.problem(self.path, self.message)
        return doc.problem(self.path, f"duplicate key '{self.key}' (the first is on line {self.first[0]})", key=True)


def _value(node, path: tuple, doc: Document, constructor: SafeConstructor):
    doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        out: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Reject(None, None, "mapping keys must be plain words", key_node.start_mark)
            key = key_node.value
            doc.key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _check_characters(doc, path + (key,), key, key=True)
            if key in seen:
                raise _Duplicate(path + (key,), key, seen[key])
            seen[key] = doc.key_marks[path + (key,)]
            out[key] = _value(value_node, path + (key,), doc, constructor)
        return out
    if isinstance(node, SequenceNode):
        return [_value(item, path + (i,), doc, constructor) for i, item in enumerate(node.value)]
    if node.tag in _AS_TEXT:
        _check_characters(doc, path, node.value)
        return node.value  # dates stay text too: the checks judge them
    if node.tag == _INT and int_too_long(node.value):
        raise _Duplicate(path, None, None, f"a number of more than {MAX_INT_DIGITS} digits is not allowed")
    if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in {"int", "float", "bool", "null"}:
        # A constructor per note: one shared for the process keeps every node it saw.
        return constructor.construct_object(node)
    raise _Reject(None, None, f"unsupported YAML tag {node.tag}; write plain text", node.start_mark)


def hidden_character(text: str) -> str | None:
    """A message for the first character in text that a note may not hold, if any.

    Control characters (line breaks and tabs aside), invisible format characters
    (zero-width spaces, bidirectional controls, soft hyphens), lone surrogates,
    non-characters (U+FFFE, U+FDD0…) and private-use characters."""
    for ch in text:
        if ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        code = ord(ch)
        if category == "Cc":
            return f"control character U+{code:04X} is not allowed in a note"
        if category == "Cf":
            name = unicodedata.name(ch, "format character").lower()
            return f"invisible character U+{code:04X} ({name}) is not allowed; delete it"
        if category == "Cs":
            return f"lone surrogate U+{code:04X} is not a character; write the character itself"
        if category == "Co" or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            return f"U+{code:04X} is not a character a page can show; delete it"
    return None


def _check_characters(doc: Document, path: tuple, text: str, key: bool = False) -> None:
    message = hidden_character(text) if not text.isascii() or not text.isprintable() else None
    if message:
        doc.problems.append(doc.problem(path, message, key=key))


_INT = "tag:yaml.org,2002:int"
_AS_TEXT = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_FAST = getattr(yaml, "__with_libyaml__", False)
