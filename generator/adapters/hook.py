"""MkDocs hook: run the generator before every build.

It is only a caller. `make build` runs the generator on its own first, and any
builder that ignores hooks (Zensical) can do the same.
Under `mkdocs serve` a note with mistakes must not stop the preview: the
problems are printed, the last good pages keep being served, and every page
shows a banner listing the problems until the note is fixed.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.pipeline import build  # noqa: E402
from generator.problems import ContentError  # noqa: E402
from generator.settings import UsageError, from_environment  # noqa: E402

_state = {"command": "build", "problems": []}


def on_startup(command, dirty):
    _state["command"] = command


POLL_SECONDS = 0.1
"""How often `mkdocs serve` looks for saved files (MkDocs polls every 0.5 s)."""


def on_serve(server, config, builder):
    # A saved note should be on screen within a second: poll the watched folders
    # more often, those watched already and those (content/, generator/) MkDocs
    # adds after this event. These are watchdog's attributes; if they ever change,
    # serve still works, at MkDocs' own pace.
    observer = server.observer
    if hasattr(observer, "_timeout"):
        observer._timeout = POLL_SECONDS
    for emitter in getattr(observer, "emitters", ()):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS
    return server


def on_pre_build(config):
    root = Path(config.config_file_path).resolve().parent
    try:
        result = build(from_environment(root))
    except ContentError as e:
        return _failed([str(p) for p in e.problems])
    except UsageError as e:
        return _failed([f"generator: {e}"])
    except Exception as e:  # a generator bug must not stop the preview or hide the banner either
        return _failed([f"generator: internal error: {type(e).__name__}: {e} (a bug in the generator)"])
    _state["problems"] = []
    if result.report.written or result.report.removed:
        print(result.summary(), file=sys.stderr)


def _failed(problems: list[str]) -> None:
    _state["problems"] = problems
    for line in problems:
        print(line, file=sys.stderr)
    if _state["command"] != "serve":
        from mkdocs.exceptions import Abort

        raise Abort(f"generator: {len(problems)} problem(s) in content/; nothing was written")
    print("generator: serving the last good pages until the notes are fixed", file=sys.stderr)


def on_post_page(output, page, config):
    if not _state["problems"]:
        return output
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in _state["problems"])
    banner = (
        '<div class="build-error" role="alert">'
        f"<p><strong>The notes have {len(_state['problems'])} problem(s); this preview shows the last good build.</strong> "
        "Fix the note and save; the page reloads by itself.</p>"
        f"<ul>{items}</ul></div>"
    )
    return _inject(output, banner)


def _inject(output: str, banner: str) -> str:
    at = output.find(">", output.find("<body")) + 1
    return output[:at] + banner + output[at:] if at > 0 else banner + output
