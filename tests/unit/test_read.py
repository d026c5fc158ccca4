import os

from generator.read import read as load


def write(project, rel, text):
    path = project / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_loads_every_note_with_its_kind(project):
    docs, problems = load(project / "content")
    assert problems == []
    assert sorted(d.kind for d in docs) == ["factor", "factor", "glossary", "since", "site", "sources", "timeline"]


def test_marks_point_at_values_and_keys(project):
    docs, _ = load(project / "content")
    factor = next(d for d in docs if d.name.endswith("01-first.yaml"))
    # the second claim's kind is the file's first "kind: analysis"
    line = factor.path.read_text().splitlines().index("            kind: analysis") + 1
    assert factor.locate(("sections", 0, "paragraphs", 0, "claims", 1, "kind")) == (line, 19)
    assert factor.locate(("sections", 0, "paragraphs", 0, "claims", 1, "kind"), key=True) == (line, 13)
    # a path deeper than the file goes falls back to the nearest node that exists
    assert factor.locate(("sections", 0, "paragraphs", 0, "claims", 1, "kind", "deeper")) == (line, 19)


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


def messages(project):
    return [str(p) for p in load(project / "content", display_root=project)[1]]


def test_a_link_leaving_content_is_refused_and_its_target_never_read(project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("outside") / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (project / "content" / "factors" / "03-secret.yaml").symlink_to(secret)
    (project / "content" / "factors" / "04-etc.yaml").symlink_to("/etc/passwd")
    out = messages(project)
    assert out == [
        "content/factors/03-secret.yaml:1:1: link leading outside content/ is not allowed; copy the note into content/",
        "content/factors/04-etc.yaml:1:1: link leading outside content/ is not allowed; copy the note into content/",
    ]
    assert not any("hunter2" in line or "root:" in line for line in out)


def test_a_link_to_a_folder_is_reported_not_followed(project, tmp_path_factory):
    (project / "content" / "more").symlink_to(tmp_path_factory.mktemp("elsewhere"))
    assert messages(project) == ["content/more:1:1: link leading outside content/ is not allowed; copy the note into content/"]


def test_a_link_that_leads_back_to_itself_is_reported(project):
    from generator.cli import main

    factors = project / "content" / "factors"
    (factors / "03-loop.yaml").symlink_to("03-loop.yaml")
    (factors / "04-ping.yaml").symlink_to("05-pong.yaml")
    (factors / "05-pong.yaml").symlink_to("04-ping.yaml")
    assert messages(project) == [f"content/factors/{name}:1:1: link that leads back to itself is not a note; remove it"
                                 for name in ("03-loop.yaml", "04-ping.yaml", "05-pong.yaml")]
    assert main(["build", "--root", str(project)]) == 1


def test_a_folder_named_like_a_note_is_reported(project):
    (project / "content" / "factors" / "03-third.yaml").mkdir()
    assert messages(project) == ["content/factors/03-third.yaml:1:1: is a folder, not a note file; rename it"]


def test_a_special_file_is_reported_not_opened(project):
    os.mkfifo(project / "content" / "factors" / "03-pipe.yaml")  # opening it would block for ever
    assert messages(project) == ["content/factors/03-pipe.yaml:1:1: not a regular file; notes are plain text files"]


def test_an_unreadable_note_is_a_located_problem(project, monkeypatch):
    # chmod 000 does not stop root (the test may run as root), so the refusal is simulated
    real_open = open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("02-second.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    docs, problems = load(project / "content", display_root=project)
    assert [str(p) for p in problems] == [
        "content/factors/02-second.yaml:1:1: cannot read the file (Permission denied); check its permissions"
    ]
    assert [d.kind for d in docs if d.failed] == ["factor"]


def test_a_parser_crash_cannot_come_from_deep_nesting(project):
    # LibYAML's composer recursed until the process died (SIGSEGV) at ~100,000 levels
    write(project, "timeline.yaml", "events: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert messages(project) == ["content/timeline.yaml:1:40: nested more than 32 levels deep; a note needs a few"]


def test_no_constructor_outlives_a_note():
    import generator.read.parse as module

    assert not hasattr(module, "_CONSTRUCTOR")
