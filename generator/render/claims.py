"""Claims and their sources as a page shows them: what each marker says and what its popover holds.

Python decides here what the templates print: the popover ids, the short
attribution beside a claim, whether a run of claims by one speaker shows it
once, the text of a source marker, the translation note, the links.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import Markup

from ..layout import REFERENCE, relative
from ..model import Claim, Explainer, Source
from .prose import plain, prose
from .templating import human_date

KIND_LABELS = {"fact": "Fact", "reported": "Reported", "statement": "Statement", "analysis": "Analysis"}
LANGUAGES = {"uk": "Ukrainian", "ru": "Russian"}


@dataclass(frozen=True)
class SourceView:
    source: Source
    date: str | None  # as a reader reads it
    domain: str | None
    about: Markup  # its entry on the sources page, relative to the page
    language: str | None

    @property
    def short(self) -> str:
        return self.source.outlet.split(" (")[0].removeprefix("The ")


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    text: Markup
    pid: str  # the id of its popover: "src--" and the place, which no heading's id can be
    sources: tuple[SourceView, ...]
    show_by: bool = True  # False when the next claim, by the same person, shows it
    report: str = ""  # a prefilled correction report, when the site has a route for one

    @property
    def kind(self) -> str:
        return self.claim.kind

    @property
    def ours(self) -> bool:
        """Our own reading: the label says so, and no name is needed beside it."""
        return (self.claim.attribution or "").startswith("This explainer")

    @property
    def label(self) -> str:
        return KIND_LABELS[self.claim.kind]

    @property
    def short_label(self) -> str:
        """The label beside the claim: 'our analysis' for our own reading."""
        return "our analysis" if self.ours and self.claim.kind == "analysis" else self.label.lower()

    @property
    def by_shown(self) -> str | None:
        """Who it comes from, beside the claim, unless the label or the source button already says it."""
        by = self.claim.by
        if not by or self.ours or by.removeprefix("The ") == self.sources[0].short:
            return None
        return by

    @property
    def translated_from(self) -> str | None:
        return LANGUAGES.get(self.claim.language or "")

    @property
    def marker(self) -> str:
        """What the source button says: the first outlet, and how many more."""
        more = len(self.sources) - 1
        return self.sources[0].short + (f" +{more}" if more else "")


class Citer:
    """Claims and sources for one page of one site."""

    def __init__(self, explainer: Explainer, page: str, report_url: str = "", page_url: str = ""):
        self.explainer, self.page = explainer, page
        self.report_url, self.page_url = report_url, page_url or page

    def source(self, sid: str) -> SourceView:
        s = self.explainer.source_by_id[sid]
        return SourceView(
            source=s,
            date=human_date(s.date) if s.date else None,
            domain=_domain(s.url) if s.url else None,
            about=Markup(f"{relative(REFERENCE['sources'], self.page)}#{s.id}"),
            language=LANGUAGES.get(s.language or ""),
        )

    def sources(self, ids) -> tuple[SourceView, ...]:
        return tuple(self.source(sid) for sid in ids)

    def claim(self, claim: Claim, place: str = "") -> ClaimView:
        pid = f"src--{place + '--' if place else ''}{claim.id}"
        return ClaimView(claim, prose(claim.text, self.page), pid, self.sources(claim.sources), report=self.report(claim.text))

    def run(self, claims, place: str = "") -> list[ClaimView]:
        """Claims read one after another: one speaker's run shows who it is once, after its last claim."""
        views = [self.claim(c, place) for c in claims]
        for i, view in enumerate(views[:-1]):
            after = views[i + 1].claim
            if view.claim.kind != "fact" and (after.kind, after.by) == (view.claim.kind, view.claim.by):
                views[i] = ClaimView(**{**vars(view), "show_by": False})
        return views

    def resting(self, text: str, rests_on, claims: dict[str, Claim], pid: str, sources=()) -> ClaimView:
        """A sentence restating claims (summary, key point, teaser), citing their sources (or sources given)."""
        ids = list(dict.fromkeys([*(sid for cid in rests_on for sid in claims[cid].sources), *sources]))
        restated = Claim(pid, text, "fact", tuple(ids))
        return ClaimView(restated, prose(text, self.page) if text else Markup(""), f"src--{pid}", self.sources(ids), report=self.report(text))

    def report(self, text: str) -> str:
        """The correction form, with this page and this sentence filled in."""
        if not self.report_url or not text:
            return ""
        return self.report_url + "&" + urlencode({"page": self.page_url, "claim": plain(text)}, quote_via=quote)

    def report_page(self) -> str:
        """The correction form with this page filled in; else the publisher's contact, if any."""
        if self.report_url:
            return self.report_url + "&" + urlencode({"page": self.page_url}, quote_via=quote)
        return self.explainer.site.publisher.contact or ""


def _domain(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
