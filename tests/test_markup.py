"""The text policy (generator/markup.py): what prose may hold, how links are judged."""
import pytest

from generator import markup
from generator.templating import environment, prose


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


def test_invisible_characters_are_named():
    assert markup.invisible("a\u2066b") == "invisible character U+2066 (left-to-right isolate) is not allowed; delete it"
    assert markup.invisible("plain") is None


def test_external_links_in_prose_get_rel_noopener_noreferrer():
    # Removing the rewriting (markup.safe_links, called by the prose filter) fails this test.
    out = prose("See [the report](https://example.org/r) and [factor two](factors/second.md).", "index.md")
    assert out == 'See [the report](https://example.org/r){ rel="noopener noreferrer" } and [factor two](factors/second.md).'
    page = environment().from_string("{{ t | prose }}").render(t="[r](https://example.org/r)", page="index.md")
    assert '](https://example.org/r){ rel="noopener noreferrer" }' in page


def test_internal_links_are_made_relative_to_the_page():
    assert prose("[s](reference/sources.md#a)", "factors/x.md") == "[s](../reference/sources.md#a)"
    assert prose("[s](reference/sources.md#a)", "index.md") == "[s](reference/sources.md#a)"


def test_plain_escapes_everything_markdown_or_html_could_read():
    out = environment().from_string("{{ t | plain }}").render(t="A [x](javascript:y){: onclick=z} <b> & *")
    assert out == "A \\[x\\]\\(javascript:y\\)\\{: onclick=z\\} &lt;b&gt; &amp; \\*"
