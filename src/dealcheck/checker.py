"""The pipeline: text blocks → sentences → candidates → scored matches → verdicts → findings."""

from __future__ import annotations

import bisect
import collections
import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import segment
from .document import PARAGRAPH_BREAK, Block
from .errors import InputError
from .i18n import message
from .inputs import MAX_FILE_BYTES, Input, Warn, read_blocks
from .match import Candidate, plausible
from .model import VERDICTS, Citation, ClaimBase, Finding
from .normalize import Analysis, detect_language, fold
from .verdict import Verdict, judge

# Candidates looked at to choose the claim a sentence or clause makes (see match.plausible), and the claims
# scored for a clause (a clause adds a claim to its sentence's, so fewer are needed).
RANKED_CANDIDATES = 3
# A sentence's verdict weighs this many candidates (a confirmed kin claim may rank below the first three),
# whatever `--top` shows: asking to see more candidates never changes the answer.
VERDICT_CANDIDATES = 6
CLAUSE_SHORTLIST = 6
# A document's first paragraph is its headline if it is a heading, or this many words or fewer without a full stop.
HEADLINE_WORDS = 25


@dataclass(frozen=True)
class Options:
    as_of: dt.date = field(default_factory=dt.date.today)
    top: int = 0
    report_all: bool = False
    lang: str = "auto"  # language of dealcheck's own messages: "auto" follows each sentence
    semantic: bool = False  # re-rank close candidates with the semantic extra's embeddings


@dataclass
class Stats:
    """Counts for the summary line."""

    sentences: int = 0
    skipped: int = 0  # files found in folders that could not be read
    counting: bool = True  # counting sentences means splitting all of them, even far from any claim


class _Positions:
    """Offsets in a block → 1-based (line, column) in the original file, columns counted in characters."""

    def __init__(self, block: Block) -> None:
        self.first_line = block.first_line
        self.origin = block.origin
        if self.origin is not None:  # a reading of markup: its offsets map back through the origin
            self.starts = list(self.origin.lines)
            return
        text = block.text
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def at(self, offset: int) -> tuple[int, int]:
        if self.origin is not None:
            offset = self.origin.offset(offset)
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + row, offset - self.starts[row] + 1


class _Silence:
    """The block's `dealcheck off`…`on` spans and `dealcheck-ignore` comments, applied sentence by sentence
    in text order: an ignore comment silences the first sentence that starts after it."""

    def __init__(self, block: Block) -> None:
        self.spans = block.silenced
        self.ignores = collections.deque(block.ignores)

    def __bool__(self) -> bool:
        return bool(self.spans or self.ignores)

    def pending_before(self, end: int) -> bool:
        """An ignore comment lies before `end`: the paragraph that ends there is split, to find the sentence it silences."""
        return bool(self.ignores) and self.ignores[0][0] < end

    def sentence(self, start: int) -> Callable[[Finding], bool]:
        """Whether a finding of the sentence starting at `start` is silenced."""
        ids = []
        while self.ignores and self.ignores[0][0] <= start:
            ids.append(self.ignores.popleft()[1])
        if any(s <= start < e for s, e in self.spans) or any(not claims for claims in ids):
            return lambda finding: True
        named = {claim for claims in ids for claim in claims}
        return lambda finding: finding.claim is not None and finding.claim.id in named


def check_sentence(text: str, base: ClaimBase, options: Options, context: Sequence[str] = ()) -> Finding:
    """The best-scoring finding of one sentence (the Python API's one-answer entry point)."""
    return max(sentence_findings(text, base, options, context), key=lambda f: f.score)


def sentence_findings(
    text: str, base: ClaimBase, options: Options, context: Sequence[str] = (), named: Sequence[str] | None = None
) -> list[Finding]:
    """A finding for each claim one sentence makes, in text order; one `unknown` finding if it makes none.

    The sentence is matched whole, and so is each of its clauses (see segment.clauses), so that "the MOU,
    signed on September 9, …, while the nonprofit gets a $100 billion stake" can make two claims. A clause
    inherits the parties its sentence names. `context` lists the entities named before the sentence,
    most recent first; `named`, those the sentence names (Index.named_in), when the caller has them already.
    """
    index = base.index
    # A sentence about one of the topic's parties may leave the other implicit, as a reader allows: in a
    # document, the parties named before ("It also gets IP rights until 2032"); alone, the base's topic
    # ("Microsoft's share fell from 32.5% to 27%"). Only a claim whose relation it states may be made that way.
    topic = base.topic.entities
    names_topic = not set(index.named_in(text) if named is None else named).isdisjoint(topic)
    implied = [e for e in (context or topic) if e in topic] if names_topic or index.may_refer(text) else []
    if not implied and not index.mentions_subject(text, context):
        detected = detect_language(fold(text))
        said = message(options.lang if options.lang != "auto" else detected, "no_match")
        return [Finding(" ".join(text.split()), "unknown", 0.0, None, said, (), lang=detected, end=len(text))]
    normalizer = base.normalizer
    sentence = normalizer.analyse(text, refer=True, context=context, imply=implied)
    semantic_text = text if options.semantic else None
    candidates = index.search(sentence, options.as_of, limit=VERDICT_CANDIDATES, text=semantic_text)
    shown = candidates if options.top <= VERDICT_CANDIDATES else index.search(sentence, options.as_of, limit=options.top, text=semantic_text)
    spans = segment.clauses(text)
    lang = options.lang if options.lang != "auto" else sentence.lang
    found: dict[str, tuple[Candidate, Verdict, Analysis, int, int]] = {}
    best = _reading(candidates, sentence, base, options, lang)
    if best is not None:
        found[best[0].claim.id] = (*best, sentence, 0, len(text))
    if len(spans) > 1:
        context_of_clause = [*sentence.entities, *context]
        owns: dict[str, bool] = {}  # whether the clause a claim's finding comes from names or refers to its parties
        for start, end in spans:
            clause = normalizer.analyse(
                text[start:end], refer=True, context=context_of_clause, inherit=sentence.entities, imply=sentence.implied, lang=sentence.lang
            )
            if sentence.hedged and not clause.hedged:
                # "Bloomberg reported that X, which valued it at Y": the attribution frames every clause.
                clause = dataclasses.replace(clause, hedged=True, rumour=clause.rumour or sentence.rumour)
            if sentence.conditional and not clause.conditional:  # "… would reflect a 49% stake, … another 49%"
                clause = dataclasses.replace(clause, conditional=True)
            # A clause is short: its words alone can look like a claim whose relation it does not state
            # ("dont Microsoft demeure le principal fournisseur de cloud" is not "a principal shareholder";
            # "Microsoft shares jumped 4%" is not "Microsoft owns no shares"). A clause that states no
            # relation at all is not searched, in a base whose claims all have one. Clauses are matched on
            # their words alone: the semantic extra embeds the sentence.
            said = index.stated_relations(clause)
            if not said and index.every_claim_related:
                continue
            ranked = index.search(clause, options.as_of, limit=RANKED_CANDIDATES, shortlist=CLAUSE_SHORTLIST)
            reading = _reading(ranked, clause, base, options, lang)
            if reading is not None and not (reading[0].claim.relations and said.isdisjoint(reading[0].claim.relations)):
                held = found.get(reading[0].claim.id)
                # The clause that makes a claim is its span, and its grammar decides the verdict. Of two clauses
                # making one claim, the one that gets it wrong is the finding: "owns 27% of OpenAI, and its share
                # is 49%" is not excused by the 27%.
                own = not clause.named.isdisjoint(reading[0].claim.related) or index.may_refer(text[start:end], sentence.lang)
                if held is None or held[3:] == (0, len(text)) or _graver(reading, own, held, owns.get(reading[0].claim.id, False)):
                    found[reading[0].claim.id] = (*reading, clause, start, end)
                    owns[reading[0].claim.id] = own
    if not found:
        score = candidates[0].score if candidates else 0.0
        return [Finding(
            " ".join(text.split()), "unknown", score, None, message(lang, "no_match"), (), lang=sentence.lang,
            hedged=sentence.hedged, end=len(text), candidates=shown[: options.top] if options.top else [],
        )]
    findings = []
    for match, result, analysis, start, end in sorted(found.values(), key=lambda item: (item[3], -item[4])):
        findings.append(Finding(
            text=" ".join(text[start:end].split()),
            verdict=result.verdict,
            score=match.score,
            claim=match.claim,
            explanation=result.explanation,
            citations=result.citations,
            lang=sentence.lang,
            hedged=analysis.hedged,
            matched=match.matched.text,
            candidates=shown[: options.top] if options.top else [],
            start=start,
            end=end,
        ))
    return findings


def _graver(reading: tuple[Candidate, Verdict], own: bool, held: tuple[Candidate, Verdict, Analysis, int, int], held_own: bool) -> bool:
    """Whether a clause's reading of a claim outranks another clause's. A clause that speaks of the claim's
    parties itself (by name, or by reference: "its share") outranks one that only inherits them from its
    sentence, which may be about someone else ("47% is owned by employees, while Microsoft owns 27%"). Between
    two that speak of them, the more serious verdict: "owns 27% of OpenAI, and its share is 49%" is not
    excused by the 27%. Else the better score."""
    if own != held_own:
        return own
    new, old = VERDICTS.index(reading[1].verdict), VERDICTS.index(held[1].verdict)  # most serious first
    if own and new != old:
        return new < old
    return reading[0].score > held[0].score


def _reading(
    candidates: list[Candidate], analysis: Analysis, base: ClaimBase, options: Options, lang: str
) -> tuple[Candidate, Verdict] | None:
    """The claim a sentence (or clause) makes and its verdict; None if it makes none."""
    readings = plausible(candidates)
    if not readings:
        return None
    best = readings[0], judge(analysis, readings[0], base, options.as_of, lang)
    if best[1].verdict in ("false", "unverified", "misleading"):
        return _confirmed_kin(readings, analysis, base, options, lang) or best
    return best


def _confirmed_kin(
    readings: list[Candidate], analysis: Analysis, base: ClaimBase, options: Options, lang: str
) -> tuple[Candidate, Verdict] | None:
    """A confirmed claim of the same relation between the same parties whose figures bear out all of the
    sentence's: "committed more than $10 billion" is wrong of the reported $10 billion round or of the $1
    billion of 2019, and true of the $13 billion of commitments that the filings give."""
    figures = [q for q in analysis.quantities if q.unit and q.unit != "year" and q.token not in analysis.former]
    if not figures:
        return None
    kin = base.index.kin(readings[0].claim)
    for other in readings[1:]:
        claim = other.claim
        if claim.verdict != "true" or other.variant >= 0 or claim not in kin:
            continue
        if not all(any(q.unit == n.quantity.unit and q.agrees_with(n.quantity) for n in claim.numbers) for q in figures):
            continue
        result = judge(analysis, other, base, options.as_of, lang)
        if result.verdict == "true":  # an ended claim does not bear out a sentence in the present
            return other, result
    return None


def check_block(
    block: Block,
    base: ClaimBase,
    options: Options,
    path: str | None,
    everything: bool,
    stats: Stats | None = None,
    headline: Sequence[str] = (),
) -> Iterator[Finding]:
    """Every finding of one block, in order; `everything` keeps sentences that match nothing.

    A sentence is read in its document's context, as a reader reads it: the parties named by the sentences
    before it in its paragraph (most recent first), then by the document's `headline`, are whom "the
    company" or "it" may mean (see referents.py).
    """
    positions: _Positions | None = None
    text = block.text
    counting = stats is not None and stats.counting
    index = base.index
    hits = None if everything else index.subject_hits(text)
    named: list[str] = []  # parties named so far in the paragraph, in order
    previous_end = 0
    silence = _Silence(block)
    for paragraph in segment.paragraphs(text):
        if _blank_line(text, previous_end, paragraph[0]):
            named = []  # a new paragraph; lines that follow each other are one (a sentence a line)
        previous_end = paragraph[1]
        in_play = hits is None or _has_hit(hits, paragraph[0], paragraph[1])
        if not (in_play or headline or named or counting or silence.pending_before(paragraph[1])):
            continue  # the common case in long documents: settled without splitting
        spans = segment.sentences(text, *paragraph)
        if counting:
            stats.sentences += len(spans)  # type: ignore[union-attr]
        for start, end in spans:
            silenced = silence.sentence(start) if silence else None
            if not (in_play or headline or named):
                continue
            sentence = text[start:end]
            context = [*dict.fromkeys(reversed(named)), *headline]
            if hits is not None and not _has_hit(hits, start, end) and not (context and index.may_refer(sentence)):
                continue  # names no one and refers to no one
            here = index.named_in(sentence)
            named.extend(here)
            for finding in sentence_findings(sentence, base, options, context, here):
                if finding.verdict == "unknown" and not everything:
                    continue
                positions = positions or _Positions(block)
                first, last = finding.start + start, finding.end + start
                (line, column), (end_line, end_column) = positions.at(first), positions.at(last - 1)
                # Placed in its block: the finding of a sentence becomes the finding of a file.
                yield dataclasses.replace(
                    finding, path=path, start=first, end=last, line=line, column=column, end_line=end_line, end_column=end_column,
                    suppressed=silenced is not None and silenced(finding),
                )


def _blank_line(text: str, start: int, end: int) -> bool:
    between = text[start:end]
    return between.count("\n") >= 2 or PARAGRAPH_BREAK in between


def headline_of(block: Block, base: ClaimBase) -> tuple[str, ...]:
    """The parties a document's headline names: its first paragraph, if it reads as a title (a heading, or a
    short line without a full stop)."""
    first = next(segment.paragraphs(block.text), None)
    if first is None:
        return ()
    start, end, body = first
    line = block.text[body:end]
    heading = body > start and block.text[start] == "#"
    if not heading and (len(line.split()) > HEADLINE_WORDS or line.rstrip()[-1:] in ".!?…"):
        return ()
    return tuple(dict.fromkeys(base.index.named_in(line)))


def _has_hit(hits: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(hits, start)
    return i < len(hits) and hits[i] < end


def check_inputs(
    inputs: Iterable[Input],
    base: ClaimBase,
    options: Options,
    warn: Warn,
    stats: Stats | None = None,
    jobs: int = 1,
    on_read: Callable[[int], None] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> Iterator[Finding]:
    """Findings for every input, in input order. Statements are always reported.

    With `jobs` > 1, blocks of files and stdin are checked in worker processes; findings
    still come out in input order, and at most a few blocks per worker are in memory.
    """
    statements = 0
    with _Workers(base, options, jobs) as workers:
        for item in inputs:
            everything = options.report_all or item.is_statement
            statements += item.is_statement
            path = None if item.is_statement else item.name
            blocks = read_blocks(item, warn, on_read, max_bytes)
            try:
                if item.is_statement:
                    for block in blocks:
                        for finding in check_block(block, base, options, path, everything, stats):
                            yield dataclasses.replace(finding, statement=statements)
                elif jobs <= 1:
                    yield from check_document(blocks, base, options, path, everything, stats)
                else:
                    yield from workers.map(blocks, path, everything, stats)
            except InputError as exc:
                if not item.walked or stats is None:
                    raise
                # One unreadable file in a folder must not cost the findings of all the others.
                warn(exc.lines[0])
                stats.skipped += 1


def check_document(
    blocks: Iterator[Block], base: ClaimBase, options: Options, path: str | None, everything: bool, stats: Stats | None = None
) -> Iterator[Finding]:
    """Every finding of one document read as `blocks` (inputs.read_blocks, inputs.read_stream), in order; its
    first block gives the headline that the sentences of every block are read with."""
    first = next(blocks, None)
    if first is None:
        return
    headline = headline_of(first, base)
    for block in itertools.chain([first], blocks):
        yield from check_block(block, base, options, path, everything, stats, headline)


# Per-process state of a worker: set once by the pool's initializer.
_worker: tuple[ClaimBase, Options] | None = None


def _init_worker(base: ClaimBase, options: Options) -> None:
    import signal

    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    # Pool.terminate() sends SIGTERM. Dying on it at once would leave the task queue's lock held by
    # a worker killed inside get(), and the parent would wait on that lock forever (seen: a run that
    # never ended). Unwinding with SystemExit releases the lock on the way out.
    signal.signal(signal.SIGTERM, _stop_worker)
    if options.semantic:
        from . import semantic

        semantic.one_thread()  # the workers already use every core between them
    _worker = (base, options)


def _stop_worker(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _check_in_worker(
    block: Block, path: str | None, everything: bool, count: bool, headline: tuple[str, ...]
) -> tuple[list[Any], int]:
    assert _worker is not None
    stats = Stats() if count else None
    findings = [_pack(f) for f in check_block(block, *_worker, path, everything, stats, headline)]
    return findings, stats.sentences if stats else 0


def _pack(f: Finding) -> tuple[Any, ...]:
    """A finding without its claim objects, which the parent has too: far less to pickle."""
    light = dataclasses.replace(f, claim=None, citations=(), candidates=[])
    citations = [(c.source.id, c.quote) for c in f.citations]
    candidates = [(c.claim.id, c.string, c.score) for c in f.candidates]
    return light, f.claim.id if f.claim else None, citations, candidates


def _unpack(packed: tuple[Any, ...], base: ClaimBase) -> Finding:
    light, claim_id, citations, candidates = packed
    light.claim = base.by_id[claim_id] if claim_id is not None else None
    light.citations = tuple(Citation(base.sources[source], quote) for source, quote in citations)
    light.candidates = [Candidate(base.by_id[cid], string, score, base.index) for cid, string, score in candidates]
    return light


class _Workers:
    """A process pool started on the second block of a run, so small inputs never pay for it."""

    def __init__(self, base: ClaimBase, options: Options, jobs: int) -> None:
        self.base, self.options, self.jobs = base, options, jobs
        self.pool: Any = None

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self.pool is None:
            return
        if kind is None:  # all the work is done: let the workers finish and exit
            self.pool.close()
        else:  # interrupted, a closed pipe, an error: stop them now
            self.pool.terminate()
        self.pool.join()

    def map(self, blocks: Iterator[Block], path: str | None, everything: bool, stats: Stats | None) -> Iterator[Finding]:
        """`check_document` of a document's blocks, checked in the pool once there are two of them."""
        first = next(blocks, None)
        if first is None:
            return
        second = next(blocks, None)
        if second is None and self.pool is None:
            yield from check_document(iter([first]), self.base, self.options, path, everything, stats)
            return
        headline = headline_of(first, self.base)
        if self.pool is None:
            import multiprocessing

            methods = multiprocessing.get_all_start_methods()
            # The embedding engine's OpenMP threads do not survive a fork (a forked worker hangs on its
            # first sentence), so semantic runs spawn fresh workers; the claim base's embeddings,
            # computed here first, travel to them with the index.
            semantic = self.options.semantic
            if semantic:
                self.base.index.vectors()
            context = multiprocessing.get_context("fork" if "fork" in methods and not semantic else "spawn")
            self.pool = context.Pool(self.jobs, _init_worker, (self.base, self.options))
        pending: collections.deque[Any] = collections.deque()
        queue = itertools.chain([first], [second] if second is not None else [], blocks)
        counting = stats is not None and stats.counting
        for block in queue:
            pending.append(self.pool.apply_async(_check_in_worker, (block, path, everything, counting, headline)))
            # What is ready goes out at once (a reader such as `head -1` should not wait for more); past
            # two blocks a worker, reading waits for the oldest, which keeps memory flat.
            while pending and (len(pending) >= 2 * self.jobs or pending[0].ready()):
                yield from self._collect(pending.popleft(), stats)
        while pending:
            yield from self._collect(pending.popleft(), stats)

    def _collect(self, result: Any, stats: Stats | None) -> list[Finding]:
        packed, sentences = result.get()
        if stats is not None:
            stats.sentences += sentences
        return [_unpack(p, self.base) for p in packed]


def check_text(text: str, base: ClaimBase, options: Options | None = None, *, everything: bool = True) -> list[Finding]:
    """Check a piece of text sentence by sentence (the Python API's entry point)."""
    block = Block(text, 1)
    return list(check_block(block, base, options or Options(), None, everything, headline=headline_of(block, base)))
