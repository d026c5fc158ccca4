"""`make audit`: Lighthouse (mobile, default settings) on the built site, served
gzip-compressed from 127.0.0.1, in Debian's chromium. Prints the four category
scores and the bytes moved per page, and exits 1 when a bar is not met.

Each page is audited RUNS times and the median run (by performance score) is
reported, as Lighthouse's own guidance on variability recommends: on a shared
machine one run's Total Blocking Time moves by tens of milliseconds.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from serve import serve  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "factor": "factors/ceasefire-terms/", "sources": "reference/sources/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_SCORE = 100
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
MAX_HOME_BYTES = 90_000  # bytes, as Lighthouse counts them
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run --disable-quic")


def lighthouse(url: str) -> dict:
    out = Path(tempfile.mkdtemp()) / "report.json"
    cmd = [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--output=json", f"--output-path={out}",
           "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    return json.loads(out.read_text())


def main() -> int:
    httpd, base = serve(ROOT / "site")
    rows, failures = [], []
    try:
        for name, path in PAGES.items():
            reports = sorted((lighthouse(base + path) for _ in range(RUNS)), key=lambda r: r["categories"]["performance"]["score"])
            report = reports[len(reports) // 2]
            spread = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            weight = int(report["audits"]["total-byte-weight"]["numericValue"])
            requests = report["audits"]["network-requests"]["details"]["items"]
            foreign = sorted({r["url"] for r in requests if not r["url"].startswith(base) and not r["url"].startswith("data:")})
            rows.append((name, path or "/", scores, weight, len(requests), spread))
            failures += [f"{name}: {c} {s} < {MIN_SCORE}" for c, s in scores.items() if s < MIN_SCORE]
            failures += [f"{name}: request to another host: {u}" for u in foreign]
            if name == "home" and weight > MAX_HOME_BYTES:
                failures.append(f"home: first view moves {weight:,} bytes > {MAX_HOME_BYTES:,}")
            for c in CATEGORIES:
                for ref in report["categories"][c]["auditRefs"]:
                    audit = report["audits"][ref["id"]]
                    if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                        print(f"  {name}: {c}: {ref['id']}: {audit['title']} (score {audit['score']})", file=sys.stderr)
    finally:
        httpd.shutdown()
    print(f"Median of {RUNS} Lighthouse runs per page (mobile, default throttling):\n")
    print("| page | path | performance | accessibility | best practices | SEO | bytes (compressed) | requests | performance, every run |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, path, s, weight, n, spread in rows:
        print(f"| {name} | {path} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} | {weight:,} | {n} | {', '.join(map(str, spread))} |")
    if failures:
        print("\nBars not met:\n" + "\n".join(f"- {f}" for f in failures))
        return 1
    print(f"\nAll bars met: {MIN_SCORE} in every category on every page; home first view {rows[0][3]:,} bytes <= {MAX_HOME_BYTES:,}; no request to another host.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
