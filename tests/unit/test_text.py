"""The text policy (check/text.py): what prose may hold, how links are judged; and how
note text reaches a page (render/prose.py, render/escape.py, the template environment)."""
import pytest

from generator.check import text as markup
from generator.read.parse import hidden_character
from generator.render.escape import inert
from generator.render.prose import PROSE_END, PROSE_START, plain, prose
from generator.render.templating import environment


@pytest.mark.parametrize("target", [
    "javascript:alert(1)", "JavaScript:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)", "java&Tab;script:alert(1)", "java\tscript:alert(1)", "&amp;#106;avascript:x",
    "java\u200bscript:x", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
])
def test_link_schemes_are_judged_as_a_browser_reads_them(target):
    kind, message = markup.judge_link(target)
    assert kind == "refused" and "address is not allowed" in message


@pytest.mark.parametrize("target, kind", [
    ("https://example.org/a?b=c#d", "external"), ("http://example.org", "external"),
    ("factors/second.md", "internal"), ("reference/sources.md#src-one", "internal"),
    ("//evil.example/", "refused"), ("https://example.org/a b", "refused"), ("../mkdocs.yml", "refused"),
])
def test_link_kinds(target, kind):
    assert markup.judge_link(target)[0] == kind


def test_words_that_look_like_schemes_are_prose():
    assert markup.prose_problems("Why JavaScript: the language, data: the numbers, and vbscript: nothing.") == []


def test_links_are_found_with_balanced_parentheses():
    assert markup.links("[a](https://x.org/(b)) and [c](factors/d.md)") == ["https://x.org/(b)", "factors/d.md"]


def test_one_line_fields_refuse_line_breaks_only():
    assert markup.line_problems("A [title] {: x} <b>") == []
    assert markup.line_problems("Two\nlines") == ["a line break is not allowed in a one-line field; write it on one line"]


@pytest.mark.parametrize("text, message", [
    ("a\u2066b", "invisible character U+2066 (left-to-right isolate) is not allowed; delete it"),
    ("a\x01b", "control character U+0001 is not allowed in a note"),
    ("a\x1bb", "control character U+001B is not allowed in a note"),
    ("a\ud800b", "lone surrogate U+D800 is not a character; write the character itself"),
    ("a\ufffeb", "U+FFFE is not a character a page can show; delete it"),
    ("a\U0010ffffb", "U+10FFFF is not a character a page can show; delete it"),
    ("plain\nlines\tand tabs, Кирилиця, 中文", None),
])
def test_characters_no_note_may_hold_are_named(text, message):
    assert hidden_character(text) == message


def unfenced(text):
    return str(text).replace(PROSE_START, "").replace(PROSE_END, "")


def test_external_links_in_prose_get_rel_noopener_noreferrer():
    # Removing the rewriting in render/prose.py fails this test.
    out = prose("See [the report](https://example.org/r) and [factor two](factors/second.md).", "index.md")
    assert unfenced(out) == 'See [the report](https://example.org/r){ rel="noopener noreferrer" } and [factor two](factors/second.md).'


def test_internal_links_are_made_relative_to_the_page():
    assert unfenced(prose("[s](reference/sources.md#a)", "factors/x.md")) == "[s](../reference/sources.md#a)"
    assert unfenced(prose("[s](reference/sources.md#a)", "index.md")) == "[s](reference/sources.md#a)"


def test_prose_is_fenced_for_glossary_terms_unless_it_sits_in_a_popover():
    assert prose("A truce.", "index.md") == PROSE_START + "A truce." + PROSE_END
    assert prose("A truce.", "index.md", terms=False) == "A truce."


def test_inert_writes_everything_markdown_or_html_could_read_as_character_references():
    out = inert('A [x](javascript:y){: onclick=z} <b> & * "q" \'s\' `c` _u_ !')
    assert out == ("A &#91;x&#93;(javascript:y)&#123;: onclick=z&#125; &#60;b&#62; &#38; &#42; &#34;q&#34; "
                   "&#39;s&#39; &#96;c&#96; &#95;u&#95; &#33;")
    assert inert("two\nlines") == "two lines"


def test_every_value_a_template_prints_is_inert_unless_it_is_markup():
    # With autoescape off, or without the environment's finalize, this prints markup.
    template = environment().from_string('<a title="{{ t }}">{{ t }}</a> {{ p }}')
    out = template.render(t='x" onmouseover="y <img src=z>', p=prose("*fine*", "index.md", terms=False))
    assert out == '<a title="x&#34; onmouseover=&#34;y &#60;img src=z&#62;">x&#34; onmouseover=&#34;y &#60;img src=z&#62;</a> *fine*'


def test_plain_is_what_a_reader_reads():
    assert plain("*Some* [linked](https://example.org) __words__,\n on two lines.") == "Some linked words, on two lines."
