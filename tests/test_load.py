from generator.load import load


def write(project, rel, text):
    path = project / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_loads_every_note_with_its_kind(project):
    docs, problems = load(project / "content")
    assert problems == []
    assert sorted(d.kind for d in docs) == ["factor", "factor", "glossary", "site", "sources", "timeline"]


def test_marks_point_at_values_and_keys(project):
    docs, _ = load(project / "content")
    factor = next(d for d in docs if d.name.endswith("01-first.yaml"))
    assert factor.locate(("sections", 0, "paragraphs", 0, "claims", 1, "kind")) == (25, 19)
    assert factor.locate(("sections", 0, "paragraphs", 0, "claims", 1, "kind"), key=True) == (25, 13)
    # a path deeper than the file goes falls back to the nearest node that exists
    assert factor.locate(("sections", 0, "paragraphs", 0, "claims", 1, "kind", "deeper")) == (25, 19)


def test_dates_stay_text_and_bools_stay_bools(project):
    write(project, "timeline.yaml", "events:\n  - date: 2025-02-30\n    event: yes\n    sources: [src-one]\n")
    docs, _ = load(project / "content")
    timeline = next(d for d in docs if d.kind == "timeline")
    assert timeline.data == {"events": [{"date": "2025-02-30", "event": True, "sources": ["src-one"]}]}


def test_duplicate_keys_are_rejected_at_the_second_key(project):
    write(project, "glossary.yaml", "terms:\n  - id: a\n    term: a\n    term: b\n    definition: x\n")
    _, problems = load(project / "content")
    assert [str(p) for p in problems] == [
        "content/glossary.yaml:4:5: terms[0].term: duplicate key 'term' (the first is on line 3)"
    ]


def test_anchors_and_aliases_are_rejected(project):
    write(project, "glossary.yaml", "terms:\n  - &t\n    id: a\n  - *t\n")
    _, problems = load(project / "content")
    assert [str(p) for p in problems] == [
        "content/glossary.yaml:2:5: YAML anchors (&name) are not allowed in notes; write the value out"
    ]
