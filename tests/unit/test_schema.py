"""The JSON Schemas: described field by field, and named by every note's modeline."""
import json
import re

from conftest import ROOT

from generator.check.schema import SCHEMA_DIR


def properties(node, path="$"):
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, sub in node.items():
            yield from properties(sub, f"{path}.{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from properties(sub, f"{path}[{i}]")


def test_every_field_has_a_one_line_description():
    missing = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        for where, prop in properties(json.loads(path.read_text())):
            text = prop.get("description", "")
            if not text or "\n" in text:
                missing.append(f"{path.name}: {where}")
    assert missing == []


def test_every_note_names_its_schema_in_a_modeline():
    for note in sorted((ROOT / "content").rglob("*.yaml")):
        first = note.read_text(encoding="utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m, note
        kind = "factor" if note.parent.name == "factors" else note.stem
        schema = (note.parent / m.group(1)).resolve()
        assert schema == (SCHEMA_DIR / f"{kind}.schema.json").resolve(), note
