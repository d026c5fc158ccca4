"""Command line: `python -m generator build|check|new`.

Exit codes: 0 clean, 1 content problems, 2 usage errors (a wrong option, a bad
SITE_URL or REPO_URL), 3 a bug in the generator (never caused by a note). A
content mistake is reported as located one-line problems, never as a traceback
(--debug shows one). With --format json stdout is always one JSON list,
whatever happens.
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from . import pipeline
from .problems import ContentError, Problem, as_json
from .settings import UsageError, from_environment


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = from_environment(Path(args.root), strict=args.strict, force=getattr(args, "force", False))
        _COMMANDS[args.command](settings, args)
        return 0
    except ContentError as e:
        _report(e.problems, args.format)
        if args.format == "text":
            n = len(e.problems)
            print(f"generator: {n} problem{'s' if n != 1 else ''}; nothing was written", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 1
    except UsageError as e:
        _fail(args, str(e))
        return 2
    except Exception as e:  # a bug in the generator: no note can cause this
        if args.debug:
            raise
        _fail(args, f"internal error: {type(e).__name__}: {e} (a bug in the generator; run with --debug for a traceback)")
        return 3


def _fail(args, message: str) -> None:
    if args.format == "json":
        print(as_json([Problem("generator", 1, 1, "", message)]))
    print(f"generator: {message}", file=sys.stderr)


def _build(settings, args) -> None:
    result = pipeline.build(settings)
    _report(result.problems, args.format)
    print(result.summary(), file=sys.stderr if args.format == "json" else sys.stdout)


def _check(settings, args) -> None:
    x, warnings = pipeline.check(settings)
    _report(warnings, args.format)
    if args.format == "text":
        print(f"generator: content is valid: {len(x.factors)} factors, {len(x.sources)} sources, "
              f"{len(x.terms)} glossary terms, {len(x.timeline.events)} timeline events; {len(warnings)} warning(s)")


def _new(settings, args) -> None:
    from .scaffold import new_factor

    path = new_factor(settings.root, args.title)
    if args.format == "json":
        print(as_json([]))
    print(f"generator: wrote {path.relative_to(settings.root).as_posix()}", file=sys.stderr if args.format == "json" else sys.stdout)


_COMMANDS = {"build": _build, "check": _check, "new": _new}


def _report(problems, fmt: str) -> None:
    if fmt == "json":
        print(as_json(problems))
    else:
        for p in problems:
            print(p, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=".", help="project folder holding content/ and docs/ (default: .)")
    common.add_argument("--strict", action="store_true", help="treat warnings as errors (the publishing check)")
    common.add_argument("--format", choices=("text", "json"), default="text", help="how to print problems")
    common.add_argument("--debug", action="store_true", help="show a traceback for problems and errors")
    p = argparse.ArgumentParser(prog="python -m generator", description="Build the explainer's Markdown pages from the YAML notes in content/.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", parents=[common], help="check the notes, then write the pages into docs/")
    b.add_argument("--force", action="store_true", help="overwrite generated files that were edited by hand")
    sub.add_parser("check", parents=[common], help="check the notes without writing anything")
    n = sub.add_parser("new", parents=[common], help="scaffold a new note")
    n.add_argument("kind", choices=("factor",), help="what to create")
    n.add_argument("title", help="the factor's title, in quotes")
    return p
