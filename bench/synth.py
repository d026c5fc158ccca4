"""Synthetic explainer projects of any size, in the real note schema.

Each factor has sections, labelled claims, a fact check, related factors and a
correction; every factor adds sources, glossary terms and timeline events, so the
sources page, glossary and search index grow with the site as they would.
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.layout import GENERATED_ROOTS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("ceasefire talks envoy summit sanctions front line territory guarantee memorandum delegation "
         "statement reporting analysis neutrality alliance assets region treaty pressure negotiation").split()
KINDS = ("fact", "reported", "statement", "analysis")


def sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _cite(data, ids: list[str]) -> None:
    """Every `sources` list anywhere in data now names ids."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                data[key] = list(ids)
            else:
                _cite(value, ids)
    elif isinstance(data, list):
        for value in data:
            _cite(value, ids)


def make_project(dest: Path, factors: int, seed: int = 1) -> Path:
    """A copy of the real project (code, theme, config) with synthetic notes."""
    rng = random.Random(seed)
    copy_project(dest, with_content=False)
    content = dest / "content"
    (content / "factors").mkdir(parents=True)

    sources = [{"id": f"src-{i}", "outlet": f"{chr(65 + i % 26)}utlet {i % 40}", "title": sentence(rng, 8), "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "url": f"https://example.org/{i}"} for i in range(max(20, factors * 2))]
    ids = [s["id"] for s in sources]
    terms = [{"id": f"term-{i}", "term": f"term{i}", "definition": sentence(rng, 12)} for i in range(max(12, factors // 2))]
    events = [{"date": f"{2014 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}", "event": sentence(rng, 10), "sources": [rng.choice(ids)]}
              for i in range(max(12, factors))]
    site = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
    _cite(site, ids[:2])  # the real notes' sources are not in the synthetic registry
    site["meeting"]["date"] = str(site["meeting"]["date"])
    site["published"] = str(site["published"])
    _dump(content / "site.yaml", site)
    _dump(content / "sources.yaml", {"sources": sources})
    _dump(content / "glossary.yaml", {"terms": terms})
    _dump(content / "timeline.yaml", {"events": events})

    for n in range(1, factors + 1):
        cite = lambda k=2: rng.sample(ids, k)  # noqa: E731
        term_words = " ".join(t["term"] for t in rng.sample(terms, 3))
        factor = {
            "id": f"factor-{n}",
            "order": n,
            "published": "2026-11-25",
            "title": f"Factor {n}: {sentence(rng, 4)[:-1]}",
            "summary": {"text": sentence(rng, 20), "rests_on": ["c0-0-0"]},
            "key_points": [{"text": sentence(rng), "rests_on": [f"c{i}-0-1"]} for i in range(3)] + [{"text": sentence(rng), "rests_on": ["c0-1-0"]}],
            "sections": [{"heading": sentence(rng, 4)[:-1], "paragraphs": [
                {"claims": [_claim(rng, f"c{i}-{j}-{k}", k + j, cite(1 + k), term_words) for k in range(2)]} for j in range(3)]}
                for i in range(3)],
            "fact_checks": [{"elsewhere": sentence(rng), "sources_say": sentence(rng, 25), "sources": cite(1)}],
            "corrections": [{"date": "2026-11-26", "kind": "update", "change": sentence(rng)}],
            "related": [f"factor-{m}" for m in sorted({1 + (n + k) % factors for k in (1, 2)} - {n})],
        }
        _dump(content / "factors" / f"{n:04d}-factor-{n}.yaml", factor)
    return dest


def _claim(rng: random.Random, cid: str, n: int, sources: list[str], term_words: str) -> dict:
    claim = {"id": cid, "text": sentence(rng, 20)[:-1] + " " + term_words + ".", "kind": KINDS[n % 4], "sources": sources}
    if claim["kind"] != "fact":
        claim["attribution"] = f"Person {n}"
    return claim


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def copy_project(dest: Path, with_content: bool = True) -> Path:
    """The project's code, theme and config (and notes) in dest, without generated pages."""
    if dest.exists():
        shutil.rmtree(dest)
    for part in ("generator", "overrides", "docs") + (("content",) if with_content else ()):
        shutil.copytree(ROOT / part, dest / part, ignore=_skip_generated)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _skip_generated(folder, names):
    generated = set(GENERATED_ROOTS) if Path(folder) == ROOT / "docs" else set()
    return [n for n in names if n in generated or n == "__pycache__"]
