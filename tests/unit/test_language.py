"""Plain language: Flesch–Kincaid grades of the short answer and summaries, and reading time."""
import pytest
import scenarios

from generator.cli import main
from generator.convert import from_data, to_data
from generator.language import grade, minutes, sentences, syllables, words
from generator.model import Factor
from generator.render.story import factor_minutes

EASY = "The cat sat on the mat. It was happy."
HARD = "Negotiations regarding territorial concessions necessitate comprehensive international guarantees."


def test_syllables_come_from_the_hyphenation_dictionary():
    assert [syllables(w) for w in ("cat", "happy", "territorial", "international")] == [1, 2, 5, 5]


def test_grade_of_an_easy_text():
    # 9 words, 2 sentences, 10 syllables (every word one, "hap-py" two)
    assert (len(words(EASY)), sentences(EASY)) == (9, 2)
    assert grade(EASY) == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59)
    assert round(grade(EASY), 2) == -0.72


def test_grade_of_a_hard_text():
    # 8 words, 1 sentence; syllables 5+3+5+3+4+4+5+3 = 32
    assert grade(HARD) == pytest.approx(0.39 * 8 + 11.8 * 32 / 8 - 15.59)
    assert round(grade(HARD), 1) == 34.7


def test_links_and_tags_count_as_the_words_a_reader_sees():
    assert words("A [long report](https://example.org/a-b-c) from <em>Kyiv</em>.") == ["A", "long", "report", "from", "Kyiv"]
    assert sentences("No end mark") == 1


def test_reading_time_rounds_up_and_is_at_least_a_minute():
    assert [minutes(n) for n in (0, 1, 200, 201, 400, 401)] == [1, 1, 1, 2, 2, 3]


def test_reading_time_of_a_factor_counts_summary_points_story_and_checks():
    claim = {"id": "c", "text": "word " * 150, "kind": "analysis", "attribution": "Some One, in 2025", "sources": ["s"]}
    factor = from_data(Factor, {"id": "f", "order": 1, "published": "2025-01-01", "title": "T", "related": [],
                                "summary": {"text": "One two three.", "rests_on": ["c"]}, "key_points": [{"text": "Four five.", "rests_on": ["c"]}],
                                "sections": [{"heading": "H", "paragraphs": [{"claims": [claim]}]}],
                                "fact_checks": [{"elsewhere": "a b", "sources_say": "c " * 43, "sources": ["s"]}]})
    # 3 + 2 + 150 + 2 ("Some One", as shown beside the claim) + 2 + 43 = 202 words
    assert factor_minutes(factor) == 2
    factor = from_data(Factor, {**to_data(factor), "fact_checks": [{"elsewhere": "a b", "sources_say": "c " * 41, "sources": ["s"]}]})
    assert factor_minutes(factor) == 1


def test_a_hard_summary_warns_and_fails_only_under_strict(project, capsys):
    scenario = scenarios.named("invalid", "summary-too-hard")
    scenarios.apply(scenario, project)
    assert main(["check", "--root", str(project)]) == 0
    assert main(["check", "--strict", "--root", str(project)]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if not line.startswith("generator:")]
    assert lines == scenario.expect * 2
