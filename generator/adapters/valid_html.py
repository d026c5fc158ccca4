"""MkDocs hook: remove the two attributes that make Material's pages invalid HTML.

The Nu Html Checker rejects `autocomplete` on checkbox and radio inputs (Material
puts autocomplete="off" on its drawer and search toggles, outside any template
block) and an empty `tabindex=""` (Material's nav-item.html prints one on section
labels). Neither changes behaviour in a browser: tabindex="" is ignored, and
the toggles are reset by Material's script on every page load. Fixing the HTML
here, after Material has rendered it, keeps every template override in the
project free of copies of Material's code.
"""
from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="[^"]*"')
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')


def valid_html(output: str) -> str:
    return _EMPTY_TABINDEX.sub("", _TOGGLE.sub(r"\1", output))


def on_post_page(output, page, config):
    return valid_html(output)


def on_post_template(output_content, template_name, config):
    # 404.html is a template, not a page: it needs the same repair.
    return valid_html(output_content) if template_name.endswith(".html") else output_content
