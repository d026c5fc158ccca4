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
    assert err[0] == "content/factors/03-europe.yaml:5:12: published: must be a full date written YYYY-MM-DD"
    assert err[2] == "content/factors/03-europe.yaml:9:13: summary.rests_on: needs at least 1 item(s), has 0"
    assert err[1] == "content/factors/03-europe.yaml:8:9: summary.text: must not be empty"
    assert err[-1] == "generator: 13 problems; nothing was written"


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
