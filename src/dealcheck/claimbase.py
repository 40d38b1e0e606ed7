"""Find, load and merge claim bases: the bundled one, `--claims` files, `$DEALCHECK_CLAIMS`; each compiled
base (with its index) is read from the cache when it can be."""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .errors import ClaimBaseError, DealcheckError
from .model import Citation, Claim, ClaimBase, Entity, Relation, Source, Topic
from .validation import make_normalizer, parse_claim_base

ENV_CLAIMS = "DEALCHECK_CLAIMS"



def bundled_path() -> Path:
    """The claim base shipped with the package (or, in a source checkout, `data/claims.yaml`)."""
    packaged = Path(__file__).parent / "data" / "claims.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "claims.yaml"


# The name of the bundled base in --claims and $DEALCHECK_CLAIMS: after `pip install` it has no path
# a user could know, and merging a base of one's own with it is the common case.
BUNDLED = "@bundled"


def base_path(name: str | os.PathLike[str]) -> Path:
    """A --claims value as a path: `@bundled` is the bundled base, anything else a file."""
    return bundled_path() if os.fspath(name) == BUNDLED else Path(name)


def default_paths() -> list[Path]:
    """$DEALCHECK_CLAIMS (several paths separated by the OS path separator), else the bundled base."""
    env = os.environ.get(ENV_CLAIMS)
    return [base_path(p) for p in env.split(os.pathsep) if p] if env else [bundled_path()]


def load(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None, *, use_cache: bool = True, max_bytes: int | None = None
) -> ClaimBase:
    """Load a claim base (default: $DEALCHECK_CLAIMS, else the bundled one); several paths are merged.

    A file larger than `max_bytes` (default `inputs.MAX_FILE_BYTES`) is refused.

    The compiled base, with its index, is cached by content hash, so a base is parsed
    and indexed once and later runs skip YAML entirely.
    """
    if path is None:
        paths = default_paths()
    elif isinstance(path, (list, tuple)):
        paths = [base_path(p) for p in path]
    else:
        paths = [base_path(path)]  # type: ignore[arg-type]
    contents = [_read(p, max_bytes) for p in paths]

    def build() -> ClaimBase:
        bases = [parse_claim_base(_decode(data, p), str(p)) for p, data in zip(paths, contents, strict=True)]
        return bases[0] if len(bases) == 1 else merge(bases, [p.stem for p in paths])

    # Merged ids are namespaced by file name, so the names belong in the key too.
    key = contents + [p.stem.encode() for p in paths] if len(paths) > 1 else contents
    base = cached(key, build) if use_cache else build()
    base.path = ", ".join(str(p) for p in paths)
    return base


def cached(contents: list[bytes], build: Callable[[], ClaimBase]) -> ClaimBase:
    """The base `build` makes from `contents`, compiled with its index once and then read from the cache.

    Programs that build bases with `from_data` use it too: pass the bytes the data came from.
    A damaged entry, or one `cache` does not trust, is rebuilt.
    """
    from . import cache

    name = f"base-{cache.key(contents)}.pickle"
    data = cache.read(name)
    if data is not None:
        try:
            found = pickle.loads(data)
            if isinstance(found, ClaimBase):
                return found
        except Exception:  # noqa: BLE001 - a damaged entry (any unpickling error) only means a rebuild
            pass
    base = build()
    base.index  # noqa: B018 - built now so that it is cached with the base
    cache.write(name, pickle.dumps(base, protocol=pickle.HIGHEST_PROTOCOL))
    return base


def _read(path: Path, limit: int | None) -> bytes:
    from .inputs import MAX_FILE_BYTES, read_limited

    try:
        return read_limited(path, "claim base", MAX_FILE_BYTES if limit is None else limit)
    except DealcheckError as exc:
        raise ClaimBaseError(*exc.lines) from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ClaimBaseError(f"{path}:{line}: not valid UTF-8") from None


def merge(bases: list[ClaimBase], names: list[str]) -> ClaimBase:
    """One base from several. Entities with one id pool their aliases; a source or claim id
    that an earlier base already uses is namespaced with its file's name (`news.c12`)."""
    entities: dict[str, Entity] = {}
    sources: dict[str, Source] = {}
    claims: list[Claim] = []
    claim_ids: set[str] = set()
    topic = Topic()
    relations: dict[str, Relation] = {}
    for base, name in zip(bases, names, strict=True):
        for e in base.entities:
            known = entities.get(e.id)
            if known:
                entities[e.id] = Entity(e.id, known.name, _union(known.aliases, e.aliases), _union(known.referents, e.referents))
            else:
                entities[e.id] = e
        topic = Topic(
            tuple(dict.fromkeys([*topic.entities, *base.topic.entities])),
            tuple(dict.fromkeys([*topic.referents, *base.topic.referents])),
            topic.currency or base.topic.currency,  # the first base's, as its figures are the most read
        )
        for r in base.relations.values():
            relations[r.id] = Relation(r.id, _union(relations[r.id].cues, r.cues)) if r.id in relations else r
        renamed_sources: dict[str, Source] = {}
        for source in base.sources.values():
            new = source if source.id not in sources else dataclasses.replace(source, id=f"{name}.{source.id}")
            sources[new.id] = renamed_sources[source.id] = new

        def cite(citations: tuple[Citation, ...], renamed_sources: dict[str, Source] = renamed_sources) -> tuple[Citation, ...]:
            return tuple(Citation(renamed_sources[c.source.id], c.quote) for c in citations)

        renamed = {c.id: (f"{name}.{c.id}" if c.id in claim_ids else c.id) for c in base.claims}
        for claim in base.claims:
            claims.append(dataclasses.replace(
                claim, id=renamed[claim.id], citations=cite(claim.citations),
                replaced_by=renamed.get(claim.replaced_by, claim.replaced_by) if claim.replaced_by else None,
                variants=tuple(dataclasses.replace(v, citations=cite(v.citations)) for v in claim.variants),
            ))
        claim_ids.update(renamed.values())
    kept = tuple(entities.values())
    return ClaimBase(
        ", ".join(b.path for b in bases), kept, sources, claims, make_normalizer(kept, topic), topic=topic, relations=relations
    )


def _union(known: tuple[Any, ...], more: tuple[Any, ...]) -> tuple[Any, ...]:
    """`known`, then what `more` adds to it, in order."""
    return known + tuple(x for x in more if x not in known)
