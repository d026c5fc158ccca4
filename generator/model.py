"""The explainer as the notes describe it, in types named after them.

The check stage builds an Explainer only from notes that passed every check,
so render can trust each field. Optional fields are None or empty, never absent.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Source:
    """One entry of content/sources.yaml: the only things a claim may cite."""

    id: str
    outlet: str
    title: str
    described: bool = False  # the title is our description: the headline was not recorded
    date: str | None = None
    url: str | None = None
    note: str | None = None
    language: str | None = None  # uk or ru when not English


@dataclass(frozen=True)
class Claim:
    """One or two sentences a reader sees, with a kind, who it comes from and its sources."""

    id: str
    text: str
    kind: str
    sources: tuple[str, ...]
    attribution: str | None = None
    original: str | None = None  # the words as first said, when `text` translates them
    language: str | None = None  # the language of `original`

    @property
    def by(self) -> str | None:
        """Who it comes from, in short: the attribution up to its first comma."""
        return self.attribution.split(",", 1)[0].strip() if self.attribution and self.kind != "fact" else None


@dataclass(frozen=True)
class Resting:
    """A sentence that restates claims of its note (summary, key point, teaser) and names them."""

    text: str
    rests_on: tuple[str, ...]


@dataclass(frozen=True)
class Paragraph:
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Account:
    """One side of conflicting accounts, told by claims of the same factor."""

    label: str
    who: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class PullQuote:
    claim: str
    quote: str


@dataclass(frozen=True)
class MapArea:
    regions: tuple[str, ...]
    style: str  # annexed | claimed | demanded | frozen
    label: str
    rests_on: tuple[str, ...]


@dataclass(frozen=True)
class Map:
    """A map of Ukraine's regions marking what the story says about them."""

    title: str
    after: str  # the claim whose section it follows
    areas: tuple[MapArea, ...]
    not_shown: str


@dataclass(frozen=True)
class FactCheck:
    elsewhere: str
    sources_say: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Correction:
    """A substantive change made after publication, in reader terms."""

    date: str
    kind: str  # correction | update
    change: str


@dataclass(frozen=True)
class Factor:
    id: str
    order: int
    published: str
    title: str
    summary: Resting
    key_points: tuple[Resting, ...]
    sections: tuple[Section, ...]
    related: tuple[str, ...]
    teaser: Resting | None = None
    accounts: tuple[Account, ...] = ()
    pull_quotes: tuple[PullQuote, ...] = ()
    map: Map | None = None
    fact_checks: tuple[FactCheck, ...] = ()
    corrections: tuple[Correction, ...] = ()

    @cached_property
    def claims(self) -> dict[str, Claim]:
        """Every claim of the story by id, in reading order."""
        return {c.id: c for s in self.sections for p in s.paragraphs for c in p.claims}


@dataclass(frozen=True)
class Meeting:
    date: str
    place: str
    format: str
    length: str
    attendees: tuple[str, ...]
    absent: str
    outcome: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Voice:
    side: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Publisher:
    name: str
    byline: str | None = None
    url: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Labels:
    fact: str
    reported: str
    statement: str
    analysis: str


@dataclass(frozen=True)
class Site:
    title: str
    question: str
    published: str
    standfirst: tuple[Claim, ...]
    meeting: Meeting
    labels: Labels
    publisher: Publisher
    voices: tuple[Voice, ...] = ()
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    date: str
    event: str
    sources: tuple[str, ...]
    when: str | None = None


@dataclass(frozen=True)
class Timeline:
    events: tuple[Event, ...]
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class SinceEntry:
    date: str
    heading: str
    claims: tuple[Claim, ...]
    when: str | None = None


@dataclass(frozen=True)
class Since:
    """What has happened since the meeting, as far as the reporting cited reaches."""

    title: str
    summary: Resting
    reach: Claim
    entries: tuple[SinceEntry, ...]
    bearing: tuple[Claim, ...]
    corrections: tuple[Correction, ...] = ()

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in (self.reach, *(c for e in self.entries for c in e.claims), *self.bearing)}


@dataclass(frozen=True)
class Explainer:
    """Every note, checked: what render turns into pages."""

    site: Site
    factors: tuple[Factor, ...]  # in their order
    sources: tuple[Source, ...]
    terms: tuple[Term, ...]
    timeline: Timeline  # events oldest first
    since: Since | None = None

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}
