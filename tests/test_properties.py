"""Property-based tests: whatever text, YAML or JSON arrives, each stage answers or refuses cleanly.

The examples are kept few enough for CI (a few seconds per property); `--hypothesis-seed`
reproduces a failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from dealcheck import claimbase, claimreview, validation
from dealcheck.errors import ClaimBaseError, DealcheckError, InputError
from dealcheck.inputs import _lines
from dealcheck.normalize import fold
from dealcheck.printable import printable
from dealcheck.segment import clauses, split

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text with what breaks splitters: punctuation, quotes, line and paragraph breaks, controls, French spacing.
TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ 0123456789.,;:!?…«»“”\"'()-–—$€%\n\r\t\u00a0\u2029\u202f\x00\x1b\x9bMicrosoftOpenAIéÉ"))
    | st.characters(blacklist_categories=("Cs",)),  # no lone surrogates: text read from a file never has them
    max_size=400,
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.sampled_from(
        ["@type", "claimReviewed", "reviewRating", "ratingValue", "alternateName", "itemReviewed", "author", "url",
         "datePublished", "@graph", "claims", "claimReview", "textualRating", "bestRating", "worstRating", "name", "x"]
    ) | st.text(max_size=8), children, max_size=6),
    max_leaves=25,
)
REVIEW_TYPES = st.sampled_from(["ClaimReview", "Claim", "Rating", ["ClaimReview"], None])


@FAST
@given(TEXT)
def test_sentences_are_ordered_trimmed_spans_of_the_text(text: str):
    spans = split(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip() or text[start:end].strip() == ""
        last = end


@FAST
@given(TEXT)
def test_clauses_lie_inside_their_sentence(text: str):
    for start, end in clauses(text):
        assert 0 <= start <= end <= len(text)


@FAST
@given(TEXT)
def test_folding_is_stable_and_analysis_never_fails(text: str):
    base = claimbase.load(MINI)
    assert fold(fold(text)) == fold(text)
    base.normalizer.analyse(text)


@FAST
@given(TEXT)
def test_printable_is_one_line_without_controls(text: str):
    shown = printable(text)
    assert "\n" not in shown and "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown


@FAST
@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=64))
def test_pieces_of_a_stream_join_back_to_it(data: bytes, limit: int):
    import io

    import dealcheck.inputs as inputs

    original = inputs.MAX_BLOCK_BYTES
    inputs.MAX_BLOCK_BYTES = limit + 3  # tiny pieces, so that cuts fall inside lines and characters
    try:
        pieces = list(_lines(io.BytesIO(data)))
    finally:
        inputs.MAX_BLOCK_BYTES = original
    assert b"".join(pieces) == data
    assert all(len(p) <= limit + 3 for p in pieces)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    for piece in pieces:  # valid UTF-8 is never cut inside a character
        piece.decode("utf-8")


@FAST
@given(TEXT)
def test_any_yaml_text_is_a_base_or_a_claim_base_error(text: str):
    try:
        validation.parse_claim_base(text, "fuzz.yaml")
    except ClaimBaseError as exc:
        assert all(line.startswith("fuzz.yaml") and "\n" not in line for line in exc.lines)


@FAST
@given(JSON)
def test_any_yaml_document_is_a_base_or_a_claim_base_error(data):
    document = {"version": 1, "claims": data} if not isinstance(data, dict) else data
    try:
        validation.parse_claim_base(yaml.safe_dump(document, allow_unicode=True), "fuzz.yaml")
    except ClaimBaseError as exc:
        assert all(line.startswith("fuzz.yaml") for line in exc.lines)


@FAST
@given(JSON, REVIEW_TYPES)
def test_any_json_imports_or_is_refused_and_what_imports_loads(tmp_path_factory, data, kind):
    if isinstance(data, dict) and kind is not None:
        data = {**data, "@type": kind}
    path = Path(tmp_path_factory.mktemp("fuzz")) / "r.json"
    path.write_text(json.dumps(data))
    try:
        result = claimreview.import_reviews([path])
    except InputError:
        return
    if result.base["claims"]:
        validation.from_data(result.base, "imported")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Not an existing path: "/" or "." would be walked as folders (the whole disk), not read as a statement.
@given(TEXT.filter(lambda t: t.strip() and not t.startswith("-") and "\x00" not in t and not _exists(t)))
def test_any_statement_gets_findings_or_a_one_line_error(run, text: str):
    r = run("--claims", str(MINI), "--format", "jsonl", "--", text)
    assert r.code in (0, 1, 2), r.err
    assert "Traceback" not in r.err
    if r.code == 2:
        assert len(r.err.splitlines()) == 1 and r.err.startswith("dealcheck: error: ")
    else:
        for f in r.jsonl():
            assert f["verdict"] in ("true", "false", "misleading", "unverified", "outdated", "unknown")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a.rst"]))
def test_any_file_is_checked_or_refused_in_one_line(run, tmp_path_factory, data: bytes, name: str):
    path = Path(tmp_path_factory.mktemp("fuzz")) / name
    path.write_bytes(data)
    r = run("--claims", str(MINI), "--format", "line", str(path))
    assert r.code in (0, 1, 2) and "Traceback" not in r.err
    for line in r.out.splitlines():
        assert line.startswith(str(path) + ":")


def _exists(text: str) -> bool:
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False


def test_dealcheck_errors_are_one_line_each():
    with pytest.raises(DealcheckError) as exc:
        validation.parse_claim_base("claims: [", "x.yaml")
    assert all("\n" not in line for line in exc.value.lines)
