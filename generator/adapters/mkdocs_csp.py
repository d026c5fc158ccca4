"""MkDocs hook: the second wall. Every page and the 404 page get a strict
Content-Security-Policy (generator/adapters/csp.py), and the built site must
pass the last gate (generator/adapters/gate.py) or the build fails.

Under `mkdocs serve` neither runs: live reload injects an inline script of its
own into every page served, which the policy would block, and pages that are
not published need no wall. `mkdocs build` (and gh-deploy) always add both.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.adapters import csp  # noqa: E402
from generator.adapters.gate import gate  # noqa: E402

_state: dict = {"serve": False, "env": None, "pages": {}, "templates": {}}


def on_startup(command, dirty):
    _state["serve"] = command == "serve"


def on_env(env, config, files):
    _state["env"] = env  # the environment MkDocs renders every page with
    return env


def on_page_context(context, page, config, nav):
    if not _state["serve"]:
        _state["pages"][page.file.src_uri] = csp.policy(*csp.theme_hashes(_state["env"], context))
    return context


def on_post_page(output, page, config):
    policy = _state["pages"].pop(page.file.src_uri, None)
    return output if policy is None else csp.with_meta(output, policy)


def on_template_context(context, template_name, config):
    # 404.html is a template, not a page; MkDocs renders it with absolute
    # addresses (base_url is site_url's path), and the hashes follow that.
    if not _state["serve"] and template_name.endswith(".html"):
        _state["templates"][template_name] = csp.policy(*csp.theme_hashes(_state["env"], context))
    return context


def on_post_template(output_content, template_name, config):
    policy = _state["templates"].pop(template_name, None)
    return output_content if policy is None else csp.with_meta(output_content, policy)


def on_post_build(config):
    if _state["serve"]:
        return
    from mkdocs.exceptions import Abort

    site = Path(config.site_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    problems = gate(site, label=str(site.relative_to(root)) if site.is_relative_to(root) else str(site))
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        raise Abort(f"gate: {len(problems)} problem(s) in the built site (generator/adapters/gate.py)")
