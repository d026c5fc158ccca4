"""`make bench`: how the generator and the site build scale from 10 to 1,000 factors.

For each size it builds a synthetic project (bench/synth.py) from scratch and
measures, each in its own process: the generator (cold, then a no-op rerun),
`mkdocs build`, and `zensical build` when installed; peak memory of each; the
bytes of site/, of the search index and of the largest page. It also times live
preview: from saving a note to the regenerated page being served by
`mkdocs serve`. Prints a Markdown table and the targets, writes a CSV to
bench/results/. Figures, not tests: machines are noisy, compare within one run.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import worst  # noqa: E402
from synth import ROOT, copy_project, make_project  # noqa: E402

PY = sys.executable
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764028800"}


def run(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MiB and output of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{out[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, out


def inner_seconds(pattern: str, out: str) -> float:
    return float(re.search(pattern, out).group(1))


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(size: int, work: Path) -> dict:
    project = make_project(work / f"site-{size}", size)
    row = {"factors": size}
    t, mem, out = run([PY, "-m", "generator", "build", "--root", str(project)], ROOT)
    row.update(gen_s=inner_seconds(r" in ([\d.]+) s", out), gen_wall_s=t, gen_mib=mem)
    t, _, out = run([PY, "-m", "generator", "build", "--root", str(project)], ROOT)
    row.update(noop_written=int(re.search(r"(\d+) written", out).group(1)), noop_s=inner_seconds(r" in ([\d.]+) s", out), noop_wall_s=t)
    t, mem, out = run([PY, "-m", "mkdocs", "build", "--strict"], project)
    row.update(mkdocs_s=inner_seconds(r"Documentation built in ([\d.]+) seconds", out), mkdocs_wall_s=t, mkdocs_mib=mem)
    site = project / "site"
    row.update(
        site_bytes=tree_bytes(site),
        index_bytes=(site / "search" / "search_index.json").stat().st_size,
        largest_page_bytes=max(p.stat().st_size for p in site.rglob("*.html")),
    )
    if ZENSICAL.exists():
        t, mem, _ = run([str(ZENSICAL), "build", "--clean"], project)
        row.update(zensical_wall_s=t, zensical_mib=mem)
    shutil.rmtree(project)
    return row


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_latency(project: Path, note: Path, page: str, tries: int = 3) -> float:
    """Median seconds from saving a note to `mkdocs serve` serving the new text."""
    subprocess.run([PY, "-m", "generator", "build", "--root", str(project)], check=True, env=ENV, capture_output=True)
    port = free_port()
    server = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty", "--no-strict"],  # as `make serve` runs it
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        _wait(url, lambda body: "</html>" in body, 300)
        samples = []
        for i in range(tries):
            marker = f"Preview check {i} {time.time_ns()}"
            text = note.read_text(encoding="utf-8")
            started = time.perf_counter()
            # a section's heading: what an edit of the story changes (one page, not the navigation)
            note.write_text(re.sub(r"^(\s*)- heading: .*$", rf"\1- heading: {marker}", text, count=1, flags=re.M), encoding="utf-8")
            _wait(url, lambda body, m=marker: m in body, 300)
            samples.append(time.perf_counter() - started)
            time.sleep(1.0)  # let the follow-up rebuild (docs/ changed) settle
        return sorted(samples)[len(samples) // 2]
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait(url: str, ok, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if ok(r.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {url}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--worst-only", action="store_true", help="only the worst-case notes (bench/worst.py), a minute or two")
    args = ap.parse_args()
    print("## Worst cases: one hostile note at its size cap\n")
    worst_rows = worst.main()
    if args.worst_only:
        return 0 if max(r["total_s"] for r in worst_rows) <= worst.LIMIT_S else 1
    print("\n## Scale\n")
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    rows = [measure(n, work) for n in sizes]

    real = copy_project(work / "real")
    latency_real = preview_latency(real, next((real / "content" / "factors").glob("03-*.yaml")), "factors/ceasefire-terms/")
    synthetic = make_project(work / "preview-100", 100)
    latency_100 = preview_latency(synthetic, synthetic / "content" / "factors" / "0050-factor-50.yaml", "factors/factor-50/")
    shutil.rmtree(work)

    cols = ["factors", "gen_s", "gen_wall_s", "gen_mib", "noop_written", "noop_s", "noop_wall_s", "mkdocs_s", "mkdocs_wall_s",
            "mkdocs_mib", "zensical_wall_s", "zensical_mib", "site_bytes", "index_bytes", "largest_page_bytes"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---:|" * len(cols))
    for r in rows:
        print("| " + " | ".join(_fmt(r.get(c, "")) for c in cols) + " |")
    out = ROOT / "bench" / "results" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.csv"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)

    by = {r["factors"]: r for r in rows}
    checks = [(f"generator <= 20% of mkdocs build at {n} factors: {r['gen_s'] / r['mkdocs_s']:.1%}", r["gen_s"] <= 0.20 * r["mkdocs_s"]) for n, r in by.items()]
    if 100 in by and 1000 in by:
        per = (by[1000]["gen_s"] / 1000) / (by[100]["gen_s"] / 100)
        checks.append((f"generator cost per factor at 1,000 / at 100: {per:.2f} (<= 1.2)", per <= 1.2))
        grow = by[1000]["mkdocs_s"] / by[100]["mkdocs_s"]
        checks.append((f"mkdocs build time at 1,000 / at 100: {grow:.1f}x (<= 12x)", grow <= 12))
    if 1000 in by:
        r = by[1000]
        checks.append((f"no-op regeneration of 1,000 factors: {r['noop_written']} files written, {r['noop_s']:.3f} s "
                       f"({r['noop_wall_s']:.2f} s with interpreter start-up) (0 files, <= 0.5 s)", r["noop_written"] == 0 and r["noop_s"] <= 0.5))
    checks.append((f"live preview, real content: {latency_real:.2f} s from save to served (<= 1 s)", latency_real <= 1.0))
    checks.append((f"live preview, 100 factors: {latency_100:.2f} s from save to served (measured, no target)", True))
    print()
    for text, ok in checks:
        print(f"- [{'x' if ok else ' '}] {text}")
    print(f"\nCSV: {out.relative_to(ROOT)}")
    return 0 if all(ok for _, ok in checks) else 1


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if v < 10 else f"{v:.1f}"
    if isinstance(v, int) and v >= 10000:
        return f"{v:,}"
    return str(v)


if __name__ == "__main__":
    sys.exit(main())
