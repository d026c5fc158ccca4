"""/data/explainer.json: the validated notes as open data, valid against the published schema."""
import json

from conftest import rendered
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.check.schema import SCHEMA_DIR


def published():
    """The rendered files, the open data and a validator built from the published schemas only."""
    pages = rendered()
    schemas = {rel.rsplit("/", 1)[1]: json.loads(text) for rel, text in pages.items() if rel.startswith("data/schema/")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    return pages, json.loads(pages["data/explainer.json"]), Draft202012Validator(schemas["explainer.schema.json"], registry=registry)


def test_open_data_validates_against_the_published_schema():
    _, data, validator = published()
    assert list(validator.iter_errors(data)) == []
    assert [f["id"] for f in data["factors"]] == ["first", "second"]
    assert data["license"]["name"] == "CC BY 4.0"


def test_open_data_rejects_a_broken_document():
    _, data, validator = published()
    data["factors"][0]["sections"][0]["paragraphs"][0]["claims"][0]["kind"] = "rumour"
    assert [e.message for e in validator.iter_errors(data)] != []


def test_published_schemas_are_the_ones_the_validator_uses():
    pages, _, _ = published()
    for path in SCHEMA_DIR.glob("*.schema.json"):
        assert pages[f"data/schema/{path.name}"] == path.read_text(encoding="utf-8")
