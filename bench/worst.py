"""Worst cases: one hostile note, just under the limits, in a copy of the real project.

Each case replaces the first factor's note with a pathological one and times the
generator, then (when the generator accepts the note) `mkdocs build`. A note the
generator refuses costs only the generator's time, which is the point: Markdown
never sees it. Issue 9's bar is generator + mkdocs <= 10 s for any note under
the size cap. Figures, not tests.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from synth import ROOT, copy_project  # noqa: E402

from generator.read.limits import NOTE_BYTES  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764028800"}
LIMIT_S = 10.0
PROSE_MAX = 2000  # $defs/prose maxLength


def _claims(text: str, count: int) -> list[dict]:
    return [{"id": f"w-{i}", "text": text, "kind": "fact", "sources": ["ap-2024-06-14"]} for i in range(count)]


def _fill(unit: str) -> str:
    return (unit * (PROSE_MAX // len(unit))).strip()


def accepted_cases() -> dict[str, str]:
    """Prose the policy accepts, repeated to the longest a claim may be."""
    return {
        "emphasis markers (*a _b **c)": _fill("*a _b **c "),
        "bare brackets ([sic], [a])": _fill("[sic], [a], "),
        "links (100 per claim)": _fill("[a](https://example.org/x) "),
        "quotes and ampersands": _fill("“a” & 'b' \"c\" "),
    }


def refused_texts() -> dict[str, str]:
    """Whole notes the generator must refuse, fast (written as sources.yaml, the largest cap)."""
    cap = NOTE_BYTES["sources"]
    return {
        "sources.yaml: a title of [ up to the cap": "sources:\n  - title: '" + "[" * (cap - 40) + "'\n",
        "sources.yaml: nested [ up to the cap": "a: " + "[" * ((cap - 10) // 2) + "]" * ((cap - 10) // 2) + "\n",
        "sources.yaml: deep list (1,000 levels)": "a:\n" + "".join(" " * i + "-\n" for i in range(1, 1000)),
        "sources.yaml: 5,000-digit number": "sources: " + "9" * 5000 + "\n",
        "sources.yaml: over the cap": "#" * (cap + 1),
    }


LINE = ("[*a*](javascript:x){: onclick=y} <b>&amp; _u_ `c` #h |t| " * 4)[:200]
AT_CAP = {  # note -> (list key, one entry i): entries the policy accepts, as hostile as it allows
    "sources": ("sources", lambda i: {"id": f"w-{i}", "outlet": LINE, "title": LINE, "date": "2025-08-15", "url": f"https://example.org/{i}"}),
    "glossary": ("terms", lambda i: {"id": f"w-{i}", "term": f"wterm{i}", "definition": "A plain definition of a term, " * 6}),
    "timeline": ("events", lambda i: {"date": "2025-08-15", "event": _fill("*a _b [sic], “q” "), "sources": ["ap-2024-06-14"]}),
}


def at_cap(kind: str, real: str) -> str:
    """A real note filled to its kind's cap with hostile-but-accepted entries."""
    key, entry = AT_CAP[kind]
    data = yaml.safe_load(real)
    for e in data[key]:  # dates stay text, as the generator reads them
        if "date" in e:
            e["date"] = str(e["date"])
    previous, n = None, 0
    while True:
        dumped = yaml.safe_dump({key: data[key] + [entry(i) for i in range(n)]}, allow_unicode=True, sort_keys=False, width=10**9)
        if len(dumped.encode()) >= NOTE_BYTES[kind]:
            return previous
        previous, n = dumped, n + 50


def factor_with(text: str, base: dict) -> str:
    """The first real factor with one more section: as many copies of text as fit under the cap."""
    count = NOTE_BYTES["factor"] // len(text.encode())
    while True:
        note = {**base, "sections": base["sections"] + [{"heading": "Worst case", "paragraphs": [{"claims": _claims(text, count)}]}]}
        dumped = yaml.safe_dump(note, allow_unicode=True, sort_keys=False, width=10**9)
        if len(dumped.encode()) < NOTE_BYTES["factor"]:
            return dumped
        count = int(count * 0.97)


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """CPU seconds (user + system) of the process: wall time on a shared machine says more about the neighbours."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.returncode


def measure(name: str, note: str, project: Path, target: Path) -> dict:
    original = target.read_bytes()
    target.write_text(note, encoding="utf-8")
    gen_s, code = timed([sys.executable, "-m", "generator", "build", "--root", str(project)], ROOT)
    row = {"case": name, "note_bytes": len(note.encode()), "generator": "built" if code == 0 else f"refused (exit {code})", "gen_s": gen_s}
    if code == 0:
        row["mkdocs_s"], mk = timed([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")], project)
        row["mkdocs"] = "built" if mk == 0 else f"failed (exit {mk})"
    row["total_s"] = gen_s + row.get("mkdocs_s", 0.0)
    target.write_bytes(original)
    return row


def main() -> list[dict]:
    work = Path(tempfile.mkdtemp(prefix="explainer-worst-"))
    project = copy_project(work / "real")
    target = next((project / "content" / "factors").glob("01-*.yaml"))
    base = yaml.safe_load(target.read_text(encoding="utf-8"))
    base["published"] = str(base["published"])
    for c in base.get("corrections", []):
        c["date"] = str(c["date"])
    rows = [measure(f"factor at its cap: {name}", factor_with(text, base), project, target) for name, text in accepted_cases().items()]
    for kind in AT_CAP:
        note = project / "content" / f"{kind}.yaml"
        rows.append(measure(f"{kind}.yaml at its cap", at_cap(kind, note.read_text(encoding="utf-8")), project, note))
    sources = project / "content" / "sources.yaml"
    rows += [measure(name, note, project, sources) for name, note in refused_texts().items()]
    subprocess.run(["rm", "-rf", str(work)], check=False)
    print("| case | note bytes | generator | generator CPU s | mkdocs CPU s | total CPU s |")
    print("|---|---:|---|---:|---:|---:|")
    for r in rows:
        mk = f"{r['mkdocs_s']:.2f}" if "mkdocs_s" in r else "—"
        print(f"| {r['case']} | {r['note_bytes']:,} | {r['generator']} | {r['gen_s']:.2f} | {mk} | {r['total_s']:.2f} |")
    worst = max(rows, key=lambda r: r["total_s"])
    ok = worst["total_s"] <= LIMIT_S
    print(f"\n- [{'x' if ok else ' '}] worst case: {worst['case']}, {worst['total_s']:.2f} s CPU, generator + mkdocs (<= {LIMIT_S:.0f} s)")
    return rows


if __name__ == "__main__":
    main()
