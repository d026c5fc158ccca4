import json
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures"
PUBLIC_URL = "https://example.org/"
"""The site_url of the built_site fixture. A root address, so the 404 page's
absolute links also work when the tests serve site/ from 127.0.0.1."""


@pytest.fixture
def project(tmp_path):
    """A throwaway project folder holding a copy of the small fixture notes."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    (tmp_path / "docs").mkdir()
    return tmp_path


def settings(root: Path, **kw):
    """Settings for a test project: no public address or repository unless given."""
    from generator.settings import Settings

    return Settings(Path(root), **kw)


@pytest.fixture(scope="session")
def _built_fixture(tmp_path_factory):
    """The fixture notes built once; tests that need a built project copy it."""
    from generator.pipeline import build

    root = tmp_path_factory.mktemp("built")
    shutil.copytree(FIXTURE / "content", root / "content")
    (root / "docs").mkdir()
    build(settings(root))
    return root


@pytest.fixture
def built_project(tmp_path, _built_fixture):
    """A throwaway copy of the fixture project with its pages already generated."""
    shutil.copytree(_built_fixture, tmp_path, dirs_exist_ok=True)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes, to prove nothing changed."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The fixture notes built into a strict static site, once per test session,
    at the public address PUBLIC_URL (as the Pages workflow builds it)."""
    from site_build import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("project"), with_content=False)
    shutil.copytree(FIXTURE / "content", project / "content")
    result = build_site(project, {"SITE_URL": PUBLIC_URL, "REPO_URL": "https://github.com/example/explainer"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real notes built into a strict static site, once per test session, as
    the Pages workflow builds them: what readers get (axe, the Nu checker, search)."""
    from site_build import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("real"))
    result = build_site(project, {"SITE_URL": PUBLIC_URL, "REPO_URL": "https://github.com/example/explainer"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_url(real_site):
    yield from served(real_site)


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served gzip-compressed from 127.0.0.1, as `make audit` serves it."""
    yield from served(built_site)


def served(site: Path):
    """Serve a built site from 127.0.0.1 (gzip, keep-alive) for as long as the fixture lives."""
    sys.path.insert(0, str(ROOT / "audit"))
    from serve import serve

    httpd, url = serve(site)
    yield url
    httpd.shutdown()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


THEME_STATE = """() => {
  const palette = document.querySelector(".site-palette");
  if (!document.querySelector("template.theme-script") || !palette || palette.hidden) return "none";
  let started = false;
  if (window.document$) window.document$.subscribe(() => { started = true; }).unsubscribe();
  return started ? "started" : "waiting";
}"""
"""Whether Material's bundle, which a page loads after its load event
(overrides/main.html), has run (its document$ has emitted); "none" when the
page names no bundle or runs no script (the site's own script unhides the
colour-scheme toggle)."""


def _goto_until_the_theme_script_runs():
    # A reader's first keystrokes may come before Material's script does; a
    # test's come within a millisecond of `load`, so each navigation waits.
    from playwright.sync_api import Page

    if getattr(Page.goto, "waits_for_theme", False):
        return
    goto = Page.goto

    def goto_and_wait(self, url, **kw):
        response = goto(self, url, **kw)
        if kw.get("wait_until", "load") == "load":
            for _ in range(500):
                if self.evaluate(THEME_STATE) != "waiting":
                    break
                self.wait_for_timeout(10)
        return response

    goto_and_wait.waits_for_theme = True
    Page.goto = goto_and_wait


def until(page, expression: str, timeout: float = 5.0):
    """Poll a JavaScript expression from Python until it is truthy; its value.

    Not page.wait_for_function: after its first try it evaluates the string in
    the page, which the site's Content-Security-Policy (no 'unsafe-eval') refuses."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value or time.monotonic() > deadline:
            assert value, f"still false after {timeout} s: {expression}"
            return value
        page.wait_for_timeout(20)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    _goto_until_the_theme_script_runs()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def at(browser):
    """at(viewport, scheme="light", touch=False, **context options) -> a fresh page."""
    contexts = []

    def make(viewport, scheme="light", touch=False, **kw):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, has_touch=touch, is_mobile=touch, **kw)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def pytest_collection_modifyitems(config, items):
    """tests/site and tests/browser build sites with mkdocs or Zensical, drive a browser or kill
    builds: they are `slow`, and `make test-unit` (tests/unit) leaves them out."""
    for item in items:
        if Path(item.fspath).parent.name in ("site", "browser"):
            item.add_marker(pytest.mark.slow)


def explainer(root: Path = FIXTURE, **kw):
    """The checked model of the notes under root/content."""
    from generator.pipeline import check

    return check(settings(root, **kw))[0]


def rendered(root: Path = FIXTURE, **kw) -> dict:
    """Every generated file of the notes under root/content, rendered in memory."""
    from generator.render import render

    return render(explainer(root, **kw), settings(root, **kw))


# --- reading built pages (tests/site) -----------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    """An element of a parsed page: tag, attributes, children (nodes and text)."""

    def __init__(self, tag: str, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Node"]:
        """Descendants by tag, class and attribute values (names with _ for -; True: present)."""
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [n for n in self.iter() if n is not self and (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all((k in n.attrs) if v is True else n.attrs.get(k) == v for k, v in want.items())]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs) -> "Node":
        """The one descendant that matches (the test fails if there is none or more than one)."""
        found = self.find_all(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.open = Node("#document", {})
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.open)
        self.open.children.append(node)
        if tag not in VOID:
            self.open = node

    def handle_startendtag(self, tag, attrs):
        self.open.children.append(Node(tag, attrs, self.open))

    def handle_endtag(self, tag):
        node = self.open
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.open = node.parent

    def handle_data(self, data):
        self.open.children.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse_html(html: str) -> Node:
    """A page as a tree (html.parser: script and style content stay text); .comments lists its comments."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    tree.root.comments = tree.comments
    return tree.root


def head_meta(doc: Node) -> dict[str, str]:
    """<meta name|property=… content=…> of a parsed page."""
    return {m.attrs.get("property") or m.attrs["name"]: m.attrs.get("content") for m in doc.find_all("meta")
            if "property" in m.attrs or "name" in m.attrs}


def json_ld(doc: Node) -> list[dict]:
    return [json.loads(s.text()) for s in doc.find_all("script", type="application/ld+json")]
