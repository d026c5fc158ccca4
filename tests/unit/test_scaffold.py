from generator.cli import main
from generator.scaffold import slugify


def test_slugs_from_titles():
    assert slugify("Putin's unchanged aims") == "putins-unchanged-aims"
    assert slugify("  Énergie & «sanctions» — 2025 ") == "energie-sanctions-2025"
    assert slugify("../../etc") == "etc"


def test_new_factor_gets_the_next_order_and_every_field(project, capsys):
    assert main(["new", "factor", "Europe’s role", "--root", str(project)]) == 0
    path = project / "content" / "factors" / "03-europes-role.yaml"
    assert capsys.readouterr().out == "generator: wrote content/factors/03-europes-role.yaml\n"
    text = path.read_text()
    for field in ("id: europes-role", "order: 3", "published:", 'title: "Europe’s role"', "summary:", "rests_on: []", "key_points:",
                  "sections:", "paragraphs:", "claims:", "fact_checks:", "related:"):
        assert field in text


def test_new_factor_fails_check_until_filled_in(project, capsys):
    main(["new", "factor", "Europe", "--root", str(project)])
    capsys.readouterr()
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err.splitlines()
    lines = path_lines = (project / "content" / "factors" / "03-europe.yaml").read_text().splitlines()
    at = {key: next(i for i, line in enumerate(path_lines, 1) if line.startswith(key)) for key in ("published:", "teaser:", "summary:")}
    assert f"content/factors/03-europe.yaml:{at['published:']}:12: published: must be a full date written YYYY-MM-DD" in err
    assert f"content/factors/03-europe.yaml:{at['teaser:'] + 1}:9: teaser.text: must not be empty" in err
    assert f"content/factors/03-europe.yaml:{at['summary:'] + 2}:13: summary.rests_on: needs at least 1 item(s), has 0" in err
    assert err[-1] == f"generator: {len(err) - 1} problems; nothing was written" and len(lines) > 20


def test_new_factor_refuses_an_existing_id(project, capsys):
    assert main(["new", "factor", "First", "--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "content/factors/:1:1: id: a factor with id 'first' already exists or the name is reserved; choose another title")
    assert sorted(p.name for p in (project / "content" / "factors").iterdir()) == ["01-first.yaml", "02-second.yaml"]


def test_new_factor_never_overwrites_a_file(project, capsys):
    existing = project / "content" / "factors" / "03-third.yaml"
    existing.write_text("keep me")
    (project / "content" / "factors" / "02-second.yaml").rename(project / "content" / "factors" / "02-x.yaml")
    assert main(["new", "factor", "Fourth", "--root", str(project)]) == 0
    assert existing.read_text() == "keep me"
    assert (project / "content" / "factors" / "04-fourth.yaml").exists()


def test_new_reads_the_other_notes_as_a_build_does_fifo_endless_file_deep_nesting(project, capsys):
    import os
    import threading

    from generator.cli import main

    factors = project / "content" / "factors"
    os.mkfifo(factors / "10-fifo.yaml")
    os.symlink("/dev/zero", factors / "11-zero.yaml")
    (factors / "12-deep.yaml").write_text("id: deep\norder: 12\nx: " + "[" * 5000 + "]" * 5000 + "\n")
    done = []
    worker = threading.Thread(target=lambda: done.append(main(["new", "factor", "After the strange files", "--root", str(project)])), daemon=True)
    worker.start()
    worker.join(20)
    assert done == [0], "new hung or failed on a FIFO, an endless file or deep nesting"
    assert (factors / "13-after-the-strange-files.yaml").is_file()


def test_new_never_writes_through_a_linked_factors_folder(project, tmp_path_factory, capsys):
    import shutil

    elsewhere = tmp_path_factory.mktemp("elsewhere") / "factors"
    shutil.move(project / "content" / "factors", elsewhere)
    (project / "content" / "factors").symlink_to(elsewhere)
    assert main(["new", "factor", "Escaped", "--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "content/factors:1:1: link leading outside content/ is not allowed; copy the note into content/")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["01-first.yaml", "02-second.yaml"]
