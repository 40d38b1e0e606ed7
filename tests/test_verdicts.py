"""Each verdict path, through the real CLI, on the small test base and the bundled one."""

from __future__ import annotations


def test_mission_example_on_bundled_base(run):
    r = run("--format", "json", "Microsoft owns half of OpenAI")
    assert r.code == 1
    [f] = r.json()
    assert f["verdict"] in ("false", "misleading")
    assert f["claim"]["id"] == "ms-stake-27pct"
    assert "profit" in f["explanation"]
    assert "32.5%" in f["explanation"] and "27%" in f["explanation"]
    urls = {c["url"] for c in f["citations"]}
    assert "https://openai.com/index/next-chapter-of-microsoft-openai-partnership/" in urls


def test_french_seed_sentence_gets_a_verdict(run):
    r = run("--format", "json", "Microsoft a déjà investi plus de 13 milliards de dollars dans OpenAI.")
    [f] = r.json()
    assert f["verdict"] == "misleading"
    assert f["claim"]["id"] == "total-13b-commitments"


def test_variant_gives_its_own_verdict(mini):
    r = mini("--format", "json", "Microsoft owns 49% of OpenAI.")
    [f] = r.json()
    assert (f["verdict"], f["claim"]["id"]) == ("false", "stake-27")
    assert f["matched"] == "Microsoft owns 49% of OpenAI."
    assert f["explanation"] == "The 49% was a reported profit share, not ownership."
    assert f["citations"][0]["source"] == "S1"


def test_matched_claim_gives_its_verdict(mini):
    [f] = mini("--format", "json", "Redmond now owns roughly 27 percent of the ChatGPT maker.").json()
    assert (f["verdict"], f["claim"]["id"]) == ("true", "stake-27")
    assert f["citations"][0]["quote"] == "Microsoft holds approximately 27 percent in the PBC."


def test_contradicting_number_is_false_and_quotes_both_numbers(mini):
    r = mini("--format", "json", "Microsoft holds 30% of OpenAI.")
    [f] = r.json()
    assert f["verdict"] == "false"
    assert "30%" in f["explanation"] and "about 27%" in f["explanation"]
    assert r.code == 1


def test_contradicting_money_in_french_words(mini):
    [f] = mini("--format", "json", "Microsoft a investi vingt milliards de dollars dans OpenAI.").json()
    assert (f["verdict"], f["claim"]["id"]) == ("false", "commitments-13b")
    assert "$20 billion" in f["explanation"] and "$13 billion" in f["explanation"]


def test_same_number_written_differently_agrees(mini):
    for text in ("Microsoft has invested $13,000,000,000 in OpenAI.", "Microsoft a investi 13 Md$ dans OpenAI.", "MSFT invested US$13bn in OpenAI."):
        [f] = mini("--format", "json", text).json()
        assert (f["verdict"], f["claim"]["id"]) == ("true", "commitments-13b"), text


def test_negation_flips_a_true_claim(mini):
    for text in ("Microsoft does not hold 27% of OpenAI.", "Microsoft ne détient pas environ 27 % d'OpenAI."):
        [f] = mini("--format", "json", text).json()
        assert (f["verdict"], f["claim"]["id"]) == ("false", "stake-27"), text
        assert "denies" in f["explanation"]


def test_negation_of_a_false_variant_is_true(mini):
    [f] = mini("--format", "json", "Microsoft does not own half of OpenAI.").json()
    assert f["verdict"] == "true"


def test_outdated_claim_points_to_its_replacement(mini):
    r = mini("--format", "json", "Azure is OpenAI's exclusive cloud provider.")
    [f] = r.json()
    assert f["verdict"] == "outdated"
    assert "2025-01-20" in f["explanation"] and "rofr" in f["explanation"]
    assert {c["source"] for c in f["citations"]} == {"S2", "S3"}
    assert r.code == 0  # outdated is not a failure by default


def test_as_of_a_date_when_it_held(mini):
    [f] = mini("--format", "json", "--as-of", "2023-06-01", "Azure is OpenAI's exclusive cloud provider.").json()
    assert f["verdict"] == "true"


def test_claim_not_yet_valid_is_not_matched(mini):
    [f] = mini("--format", "json", "--as-of", "2020-01-01", "Microsoft has a right of first refusal on new OpenAI cloud capacity.").json()
    assert f["verdict"] == "unknown"


def test_unrelated_sentence_is_unknown(mini):
    for text in ("Microsoft released Windows 12.", "ChatGPT has 800 million weekly users.", "The weather is fine."):
        [f] = mini("--format", "json", text).json()
        assert f["verdict"] == "unknown" and f["claim"] is None, text


def test_subject_is_required(mini):
    # Same words as a claim, but about another company.
    [f] = mini("--format", "json", "Google holds about 27% of OpenAI.").json()
    assert f["verdict"] == "unknown"


def test_top_lists_ranked_candidates(mini):
    [f] = mini("--format", "json", "--top", "2", "Microsoft owns half of OpenAI.").json()
    cands = f["candidates"]
    assert len(cands) == 2
    assert cands[0]["claim"] == "stake-27" and cands[0]["score"] >= cands[1]["score"]


def test_bundled_negatives_are_unknown(run):
    from pathlib import Path

    lines = (Path(__file__).parents[1] / "benchmarks" / "negatives.txt").read_text(encoding="utf-8").splitlines()
    sentences = [line for line in lines if line.strip() and not line.startswith("#")]
    r = run("--format", "jsonl", "--all", "-", stdin="\n\n".join(sentences))
    matched = [f["text"] for f in r.jsonl() if f["verdict"] != "unknown"]
    assert matched == []
