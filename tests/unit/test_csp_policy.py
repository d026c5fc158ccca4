"""The Content-Security-Policy meta (generator/adapters/csp.py) and its hook's
serve mode. That the hashes match the built pages is tested on the real build
in tests/browser/test_csp.py."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from generator.adapters import csp, mkdocs_csp


def test_a_hash_is_the_one_the_csp_specification_gives():
    # The example of CSP Level 3, § "hash-source": alert('Hello, world.');
    assert csp.digest("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_inline_javascript_and_styles_are_collected_exactly():
    html = ('<script>\n  a()\n</script><script src="x.js"></script><script type="application/json">{"a": 1}</script>'
            '<script type="application/ld+json">{}</script><script type="module">b()</script>'
            "<style>:root{--x:url('data:a&amp;b')}</style><p>&lt;script&gt;c()&lt;/script&gt;</p>")
    assert csp.inline_bodies(html) == (["\n  a()\n", "b()"], [":root{--x:url('data:a&amp;b')}"])


def test_the_policy_has_no_unsafe_inline_and_lists_the_hashes():
    text = csp.policy(["'sha256-A='", "'sha256-B='"], ["'sha256-C='"])
    assert text == ("default-src 'self'; script-src 'self' 'sha256-A=' 'sha256-B='; style-src 'self' 'sha256-C='; "
                    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
                    "object-src 'none'; base-uri 'self'; form-action 'self'")
    assert "unsafe" not in csp.policy([], [])


def test_the_meta_comes_right_after_the_charset():
    page = '<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title><script>a()</script>'
    assert csp.with_meta(page, "default-src 'self'") == (
        '<!doctype html><html><head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'self'\">\n<title>t</title><script>a()</script>")
    with pytest.raises(ValueError, match="no <meta charset>"):
        csp.with_meta("<html><head><title>t</title>", "default-src 'self'")


@pytest.fixture
def hook_state():
    saved = {**mkdocs_csp._state}
    yield mkdocs_csp._state
    mkdocs_csp._state.clear()
    mkdocs_csp._state.update(saved)


def test_under_serve_no_policy_and_no_gate(hook_state, tmp_path):
    """Live reload injects its own inline script: `mkdocs serve` pages carry no policy."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    html = '<head><meta charset="utf-8"><script>a()</script>'
    mkdocs_csp.on_startup(command="serve", dirty=False)
    assert mkdocs_csp.on_page_context({}, page=page, config=None, nav=None) == {}
    assert mkdocs_csp.on_post_page(html, page=page, config=None) == html
    assert mkdocs_csp.on_post_template(html, template_name="404.html", config=None) == html
    config = SimpleNamespace(site_dir=str(tmp_path / "nothing-built"), config_file_path=str(tmp_path / "mkdocs.yml"))
    assert mkdocs_csp.on_post_build(config) is None
    mkdocs_csp.on_startup(command="build", dirty=False)
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match="gate: 1 problem"):
        mkdocs_csp.on_post_build(config)
