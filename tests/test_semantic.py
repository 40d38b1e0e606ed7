"""--semantic / --no-semantic: the optional embedding re-ranker (pip install 'dealcheck[semantic]').

CI runs the whole suite twice, without and with the extra installed; the tests that need the
model are skipped in the first run, and the ones about its absence fake it in the second.
"""

from __future__ import annotations

import pytest

from dealcheck import semantic

needs_extra = pytest.mark.skipif(not semantic.available(), reason="the semantic extra is not installed")

# A loose French wording the lexical stage leaves below the threshold.
LOOSE_FR = "L'arrivée d'Amazon au tour de table d'OpenAI a sonné la fin de l'exclusivité de Microsoft."


@pytest.fixture
def without_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "available", lambda: False)


def test_semantic_without_the_extra_is_a_clear_error(run, without_extra):
    for args in (["--semantic", "Microsoft owns half of OpenAI."], ["claims", "validate", "--semantic"]):
        r = run(*args)
        assert r.code == 2
        assert r.err.strip().splitlines() == ["dealcheck: error: --semantic needs the semantic extra: pip install 'dealcheck[semantic]'"]
        assert "Traceback" not in r.err


def test_without_the_extra_everything_works_lexically(run, without_extra):
    [f] = run("--format", "json", "Microsoft owns half of OpenAI").json()
    assert (f["verdict"], f["claim"]["id"]) == ("false", "ms-stake-27pct")
    assert run("claims", "validate").code == 0


@needs_extra
def test_examples_pass_with_the_extra(run):
    r = run("claims", "validate", "--semantic")
    assert r.code == 0, r.out
    passed, total = r.out.split("; ")[-1].split()[0].split("/")
    assert passed == total


@needs_extra
def test_mission_example_with_the_extra(run):
    [f] = run("--format", "json", "--semantic", "Microsoft owns half of OpenAI").json()
    assert (f["verdict"], f["claim"]["id"]) == ("false", "ms-stake-27pct")
    assert f["citations"]


@needs_extra
def test_the_extra_finds_a_loose_wording_the_lexical_stage_misses(run):
    [lexical] = run("--format", "json", "--all", "--no-semantic", LOOSE_FR).json()
    [semantic_] = run("--format", "json", "--semantic", LOOSE_FR).json()
    assert lexical["verdict"] == "unknown"
    assert (semantic_["claim"]["id"], semantic_["verdict"]) == ("feb2026-reaffirm", "false")
    assert semantic_["score"] > lexical["score"]


@needs_extra
def test_top_lists_ranked_candidates_with_the_extra(run):
    [f] = run("--format", "json", "--semantic", "--top", "5", "Microsoft owns 49% of OpenAI.").json()
    assert len(f["candidates"]) == 5
    assert f["candidates"][0]["claim"] == f["claim"]["id"] == "ms-stake-27pct"
    assert all(0 <= c["score"] <= 1 for c in f["candidates"])


@needs_extra
def test_claim_embeddings_are_cached(run, tmp_path_factory):
    assert run("--semantic", "Microsoft owns half of OpenAI").code == 1
    cache = tmp_path_factory.getbasetemp() / "cache"
    assert list(cache.glob(f"{semantic.model_tag()}-*.npz"))


@needs_extra
def test_a_model_file_with_another_hash_is_refused(run, monkeypatch):
    semantic.encoder.cache_clear()
    monkeypatch.setattr(semantic, "MODEL_SHA256", "0" * 64)
    r = run("--semantic", "Microsoft owns half of OpenAI")
    semantic.encoder.cache_clear()
    assert r.code == 2
    [line] = r.err.strip().splitlines()
    assert "SHA-256" in line and "e5-small-q4.bin" in line
