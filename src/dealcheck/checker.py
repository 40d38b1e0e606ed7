"""The pipeline: text blocks → sentences → candidates → scored matches → verdicts → findings."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import segment
from .claimbase import Citation, Claim, ClaimBase
from .inputs import Block, Input, Warn, read_blocks
from .i18n import message
from .match import THRESHOLD, Candidate
from .normalize import detect_language, fold
from .verdict import judge


@dataclass(frozen=True)
class Options:
    as_of: dt.date = field(default_factory=dt.date.today)
    top: int = 0
    report_all: bool = False
    lang: str = "auto"  # language of dealcheck's own messages: "auto" follows each sentence


@dataclass
class Finding:
    """The verdict on one sentence. `path` is None for a statement given directly."""

    text: str
    verdict: str
    score: float
    claim: Claim | None
    explanation: str
    citations: tuple[Citation, ...]
    path: str | None = None
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    lang: str = "en"
    hedged: bool = False
    matched: str | None = None
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class Stats:
    """Counts for the summary line."""

    sentences: int = 0


class _Positions:
    """Offsets in a block → 1-based (line, column), columns counted in characters."""

    def __init__(self, block: Block) -> None:
        self.first_line = block.first_line
        text = block.text
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def at(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + row, offset - self.starts[row] + 1


def check_sentence(text: str, base: ClaimBase, options: Options) -> Finding:
    """Check one sentence against the claim base."""
    index = base.index
    if not index.mentions_subject(text):
        detected = detect_language(fold(text))
        said = message(options.lang if options.lang != "auto" else detected, "no_match")
        return Finding(" ".join(text.split()), "unknown", 0.0, None, said, (), lang=detected)
    analysis = base.normalizer.analyse(text)
    lang = options.lang if options.lang != "auto" else analysis.lang
    candidates = index.search(analysis, options.as_of, limit=max(1, options.top))
    best = candidates[0] if candidates and candidates[0].score >= THRESHOLD else None
    result = judge(analysis, best, base, options.as_of, lang)
    return Finding(
        text=" ".join(text.split()),
        verdict=result.verdict,
        score=best.score if best else (candidates[0].score if candidates else 0.0),
        claim=best.claim if best else None,
        explanation=result.explanation,
        citations=result.citations,
        lang=analysis.lang,
        hedged=analysis.hedged,
        matched=best.matched.text if best else None,
        candidates=candidates[: options.top] if options.top else [],
    )


def check_block(
    block: Block, base: ClaimBase, options: Options, path: str | None, everything: bool, stats: Stats | None = None
) -> Iterator[Finding]:
    """Every finding of one block, in order; `everything` keeps sentences that match nothing."""
    positions: _Positions | None = None
    for start, end in segment.split(block.text):
        if stats is not None:
            stats.sentences += 1
        finding = check_sentence(block.text[start:end], base, options)
        if finding.verdict == "unknown" and not everything:
            continue
        positions = positions or _Positions(block)
        finding.path = path
        finding.line, finding.column = positions.at(start)
        finding.end_line, finding.end_column = positions.at(end - 1)
        yield finding


def check_inputs(
    inputs: Iterable[Input], base: ClaimBase, options: Options, warn: Warn, stats: Stats | None = None
) -> Iterator[Finding]:
    """Findings for every input, in input order. Statements are always reported."""
    for item in inputs:
        everything = options.report_all or item.is_statement
        path = None if item.is_statement else item.name
        for block in read_blocks(item, warn):
            yield from check_block(block, base, options, path, everything, stats)


def check_text(text: str, base: ClaimBase, options: Options | None = None, *, everything: bool = True) -> list[Finding]:
    """Check a piece of text sentence by sentence (the Python API's entry point)."""
    return list(check_block(Block(text, 1), base, options or Options(), None, everything))
