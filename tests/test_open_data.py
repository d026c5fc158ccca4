"""/data/explainer.json: the validated notes as open data, valid against the published schema."""
import json

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import FIXTURE
from generator.build import check
from generator.render import render
from generator.schema import SCHEMA_DIR


def published(rendered, rel):
    return json.loads(rendered[rel])


def test_open_data_validates_against_the_published_schema():
    content, _ = check(FIXTURE)
    pages = render(content)
    schemas = {rel.rsplit("/", 1)[1]: published(pages, rel) for rel in pages if rel.startswith("data/schema/")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    data = published(pages, "data/explainer.json")
    validator = Draft202012Validator(schemas["explainer.schema.json"], registry=registry)
    assert list(validator.iter_errors(data)) == []
    assert [f["id"] for f in data["factors"]] == ["first", "second"]
    assert data["license"]["name"] == "CC BY 4.0"


def test_published_schemas_are_the_ones_the_validator_uses():
    content, _ = check(FIXTURE)
    pages = render(content)
    for path in SCHEMA_DIR.glob("*.schema.json"):
        assert pages[f"data/schema/{path.name}"] == path.read_text(encoding="utf-8")


def test_open_data_rejects_a_broken_document():
    content, _ = check(FIXTURE)
    pages = render(content)
    schemas = {rel.rsplit("/", 1)[1]: published(pages, rel) for rel in pages if rel.startswith("data/schema/")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    data = published(pages, "data/explainer.json")
    data["factors"][0]["claims"][0]["kind"] = "rumour"
    validator = Draft202012Validator(schemas["explainer.schema.json"], registry=registry)
    assert [e.message for e in validator.iter_errors(data)] != []
