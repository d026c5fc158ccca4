"""Stage 1: find the note files under content/ and parse them into Documents.

Parsing keeps every node's position so that later stages can point at the
exact line and column of a mistake. The YAML accepted is deliberately small:
one document per file, no anchors or aliases (so "billion laughs" input cannot
blow up memory), no duplicate keys (PyYAML would silently keep the last one),
no custom tags, and timestamps kept as text so the validator judges dates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .layout import FACTOR_DIR, SINGLE_FILES
from .problems import Problem, field_path

MAX_BYTES = 1024 * 1024
"""A note is prose (the source registry of a 1,000-factor site is ~350 KB); anything larger is a mistake or an attack."""

@dataclass
class Document:
    """One parsed note file, with the position of every node in it."""

    path: Path
    name: str  # as shown in messages, e.g. content/factors/01-approach.yaml
    kind: str
    data: object = None
    marks: dict = field(default_factory=dict)  # field path -> (line, col) of the value
    key_marks: dict = field(default_factory=dict)  # field path -> (line, col) of the key

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
    """SafeLoader that refuses anchors and aliases while composing."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Reject(None, None, "YAML aliases (*name) are not allowed in notes; write the value out", event.start_mark)
        if getattr(event, "anchor", None):
            raise _Reject(None, None, "YAML anchors (&name) are not allowed in notes; write the value out", event.start_mark)
        return super().compose_node(parent, index)


def load(content_dir: Path, display_root: Path | None = None) -> tuple[list[Document], list[Problem]]:
    """Parse every note under content_dir. Returns documents and problems."""
    content_dir = Path(content_dir)
    root = display_root or content_dir.parent
    shown = lambda p: _display(p, root)  # noqa: E731
    problems: list[Problem] = []
    docs: list[Document] = []

    if not content_dir.is_dir():
        return [], [Problem(shown(content_dir), 1, 1, "", "content folder not found")]
    files = sorted(p for p in content_dir.rglob("*") if p.is_file() and not _ignored(p, content_dir))
    if not files:
        return [], [Problem(shown(content_dir), 1, 1, "", "content folder is empty: no note files found")]

    for path in files:
        kind, why = _kind_of(path, content_dir)
        if kind is None:
            problems.append(Problem(shown(path), 1, 1, "", why))
            continue
        doc = Document(path, shown(path), kind)
        problem = _parse(doc)
        if problem:
            problems.append(problem)
        else:
            docs.append(doc)

    present = {d.path.name for d in docs if d.kind != "factor"} | {
        p.name for p in files if p.parent == content_dir
    }
    for name in SINGLE_FILES:
        if name not in present:
            problems.append(Problem(shown(content_dir / name), 1, 1, "", "required note file is missing"))
    if not any(p.parent.name == FACTOR_DIR and p.parent.parent == content_dir for p in files):
        problems.append(Problem(shown(content_dir / FACTOR_DIR), 1, 1, "", "no factor notes found in this folder"))
    return docs, problems


def _display(path: Path, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _ignored(path: Path, content_dir: Path) -> bool:
    # Editor droppings and dot-files are not notes; README files explain the folder.
    rel = path.relative_to(content_dir)
    return any(part.startswith(".") for part in rel.parts) or path.name.endswith("~") or path.suffix == ".md"


def _kind_of(path: Path, content_dir: Path) -> tuple[str | None, str]:
    rel = path.relative_to(content_dir)
    if path.suffix not in (".yaml", ".yml"):
        return None, "not a note file: notes are .yaml files"
    if len(rel.parts) == 1 and rel.name in SINGLE_FILES:
        return SINGLE_FILES[rel.name], ""
    if len(rel.parts) == 2 and rel.parts[0] == FACTOR_DIR:
        return "factor", ""
    if len(rel.parts) == 1:
        return None, (
            "note file in the wrong folder: factor notes go in content/factors/; "
            f"the only files here are {', '.join(SINGLE_FILES)}"
        )
    return None, f"note file in the wrong folder: expected content/{FACTOR_DIR}/<name>.yaml"


def _parse(doc: Document) -> Problem | None:
    raw = doc.path.read_bytes()
    if len(raw) > MAX_BYTES:
        return Problem(doc.name, 1, 1, "", f"file is {len(raw):,} bytes; the limit for a note is {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return Problem(doc.name, line, col, "", f"file is not UTF-8 (byte 0x{raw[e.start]:02x}); save it as UTF-8")
    text = text.removeprefix("\ufeff")
    if _FAST and "&" not in text and "*" not in text:
        # No anchor or alias can be in a text without & and *: LibYAML may parse it,
        # ten times faster. Any error is re-parsed below for the usual message.
        try:
            node = yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            node = _SLOW
        if node is None:
            return Problem(doc.name, 1, 1, "", "file is empty")
        if node is not _SLOW:
            try:
                doc.data = _value(node, (), doc)
                return None
            except _Duplicate as e:
                return e.problem(doc)
            except _Reject as e:
                return Problem(doc.name, e.problem_mark.line + 1, e.problem_mark.column + 1, "", _yaml_message(e))
    try:
        loader = StrictLoader(text)
    except yaml.reader.ReaderError as e:
        return _reader_problem(doc, text, e)
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(doc.name, 1, 1, "", "file is empty")
        doc.data = _value(node, (), doc)
    except _Duplicate as e:
        return e.problem(doc)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(doc.name, line, col, "", _yaml_message(e))
    except yaml.reader.ReaderError as e:
        return _reader_problem(doc, text, e)
    finally:
        loader.dispose()
    return None


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
    def __init__(self, path, key, first):
        self.path, self.key, self.first = path, key, first

    def problem(self, doc: Document) -> Problem:
        return doc.problem(self.path, f"duplicate key '{self.key}' (the first is on line {self.first[0]})", key=True)


def _value(node, path: tuple, doc: Document):
    doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        out: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Reject(None, None, "mapping keys must be plain words", key_node.start_mark)
            key = key_node.value
            doc.key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in seen:
                raise _Duplicate(path + (key,), key, seen[key])
            seen[key] = doc.key_marks[path + (key,)]
            out[key] = _value(value_node, path + (key,), doc)
        return out
    if isinstance(node, SequenceNode):
        return [_value(item, path + (i,), doc) for i, item in enumerate(node.value)]
    if node.tag in _AS_TEXT:
        return node.value  # dates stay text too: validate.py checks they exist
    if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[1] in {"str", "int", "float", "bool", "null"}:
        return StrictLoader.construct_object(_CONSTRUCTOR, node)
    raise _Reject(None, None, f"unsupported YAML tag {node.tag}; write plain text", node.start_mark)


_CONSTRUCTOR = yaml.SafeLoader("")
_AS_TEXT = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}
_FAST = getattr(yaml, "__with_libyaml__", False)
_SLOW = object()
