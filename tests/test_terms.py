"""Glossary terms in text: the first use of each term in prose opens its definition in place."""
import re

from conftest import FIXTURE
from generator.build import check
from generator.model import Content
from generator.render import render
from generator.templating import environment
from generator.tooltips import PROSE_END, PROSE_START, Terms, term_forms


def glossary(*terms):
    return Content(site={}, factors=[], sources=[], terms=list(terms), events=[])


def marked(text, *terms):
    return Terms(glossary(*terms), environment().get_template("term.md.j2")).mark(text, "factors/x.md")


def buttons(text):
    return re.findall(r'<button type="button" class="term" popovertarget="term-([a-z-]+)">([^<]*)</button>', text)


TRUCE = {"id": "truce", "term": "truce", "definition": "A pause in fighting."}
ASSETS = {"id": "assets", "term": "assets", "definition": "Property."}
FROZEN = {"id": "frozen-assets", "term": "frozen Russian assets", "definition": "Reserves held abroad."}


def test_forms_cover_aliases_and_capitalised_spellings():
    content, _ = check(FIXTURE)
    assert term_forms(content) == {"truce": 0, "Truce": 0, "deal": 1, "Deal": 1, "deals": 1, "Deals": 1}


def test_only_prose_is_marked_and_each_term_once():
    text = f"## A truce\n\n{PROSE_START}Talk of a truce. Another truce.{PROSE_END}\n\n{PROSE_START}A truce again.{PROSE_END}"
    out, used = marked(text, TRUCE)
    assert buttons(out) == [("truce", "truce")]
    assert out.startswith("## A truce\n\nTalk of a <button")
    assert [t["id"] for t in used] == ["truce"]


def test_links_quotations_and_tags_are_left_alone():
    prose = 'A [truce](https://example.org/) and “no truce” and "truce" and <em>truce</em>.'
    out, _ = marked(PROSE_START + prose + PROSE_END, TRUCE)
    assert buttons(out) == [("truce", "truce")]
    assert out.startswith('A [truce](https://example.org/) and “no truce” and "truce" and <em><button')


def test_the_longest_term_wins_and_a_shorter_one_is_still_found_later():
    prose = "The frozen Russian assets stay frozen. Other assets move."
    out, _ = marked(PROSE_START + prose + PROSE_END, ASSETS, FROZEN)
    assert buttons(out) == [("frozen-assets", "frozen Russian assets"), ("assets", "assets")]


def test_a_capitalised_use_is_marked_with_its_own_spelling():
    out, _ = marked(PROSE_START + "Truce talks." + PROSE_END, TRUCE)
    assert buttons(out) == [("truce", "Truce")]


def test_fixture_pages_mark_first_uses_and_carry_no_fences_or_abbreviations():
    pages = render(check(FIXTURE)[0])
    assert buttons(pages["factors/first.md"]) == [("truce", "truce")]
    assert buttons(pages["factors/second.md"]) == [("deal", "deal")]
    # the glossary page defines the terms; it does not mark them
    assert buttons(pages["reference/glossary.md"]) == []
    for text in pages.values():
        assert PROSE_START not in text and PROSE_END not in text and "*[" not in text
