"""Glossary terms in text: the first use of each term in prose opens its definition in place."""
import re

from conftest import explainer, rendered

from generator.model import Term
from generator.render.prose import PROSE_END, PROSE_START
from generator.render.templating import environment
from generator.render.terms import Terms, term_forms


def marked(text, *terms):
    out = Terms(terms, environment().get_template("term.md.j2")).mark(text, "factors/x.md")
    return out, [t for t in terms if f'popovertarget="term--{t.id}"' in out]


def buttons(text):
    return re.findall(r'<button type="button" class="term" popovertarget="term--([a-z-]+)">([^<]*)</button>', text)


TRUCE = Term("truce", "truce", "A pause in fighting.")
ASSETS = Term("assets", "assets", "Property.")
FROZEN = Term("frozen-assets", "frozen Russian assets", "Reserves held abroad.")


def test_forms_cover_aliases_and_capitalised_spellings():
    assert term_forms(explainer().terms) == {"truce": 0, "Truce": 0, "deal": 1, "Deal": 1, "deals": 1, "Deals": 1}


def test_only_prose_is_marked_and_each_term_once():
    text = f"## A truce\n\n{PROSE_START}Talk of a truce. Another truce.{PROSE_END}\n\n{PROSE_START}A truce again.{PROSE_END}"
    out, used = marked(text, TRUCE)
    assert buttons(out) == [("truce", "truce")]
    assert out.startswith("## A truce\n\nTalk of a <button")
    assert [t.id for t in used] == ["truce"]


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
    pages = rendered()
    assert buttons(pages["factors/first.md"]) == [("truce", "truce")]
    assert buttons(pages["factors/second.md"]) == [("deal", "deal")]
    # the glossary page defines the terms; it does not mark them
    assert buttons(pages["reference/glossary.md"]) == []
    for text in (t for t in pages.values() if isinstance(t, str)):  # share images are bytes
        assert PROSE_START not in text and PROSE_END not in text and "*[" not in text
