"""Each verdict path, through the real CLI, on the small test base and the bundled one."""

from __future__ import annotations

import pytest

from dealcheck.formats.text import label_width
from dealcheck.languages import CODES


def test_mission_example_on_bundled_base(run):
    r = run("--format", "json", "Microsoft owns half of OpenAI")
    assert r.code == 1
    [f] = r.json()
    assert f["verdict"] == "false"
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
    assert (f["verdict"], f["claim"]["id"], f["lang"]) == ("false", "commitments-13b", "fr")
    assert f["explanation"].startswith("La phrase avance 20 milliards de dollars, mais les sources donnent 13 milliards de dollars")
    [f] = mini("--format", "json", "--lang", "en", "Microsoft a investi vingt milliards de dollars dans OpenAI.").json()
    assert f["explanation"].startswith("The sentence says $20 billion, but the sources give $13 billion")


def test_same_number_written_differently_agrees(mini):
    for text in ("Microsoft has invested $13,000,000,000 in OpenAI.", "Microsoft a investi 13 Md$ dans OpenAI.", "MSFT invested US$13bn in OpenAI."):
        [f] = mini("--format", "json", text).json()
        assert (f["verdict"], f["claim"]["id"]) == ("true", "commitments-13b"), text


def test_negation_flips_a_true_claim(mini):
    for text, said in (
        ("Microsoft does not hold 27% of OpenAI.", "The sentence denies"),
        ("Microsoft ne détient pas environ 27 % d'OpenAI.", "La phrase nie"),
        ("Microsoft n'a jamais détenu 27 % d'OpenAI.", "La phrase nie"),
    ):
        [f] = mini("--format", "json", text).json()
        assert (f["verdict"], f["claim"]["id"]) == ("false", "stake-27"), text
        assert f["explanation"].startswith(said)


def test_negation_elsewhere_in_the_sentence_does_not_flip(mini):
    [f] = mini("--format", "json", "Microsoft, which owns 49% of OpenAI, said nothing.").json()
    assert f["verdict"] == "false"
    assert f["explanation"] == "The 49% was a reported profit share, not ownership."


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


@pytest.mark.parametrize("top", ["1", "3", "8"])  # 8: more than the verdict weighs
def test_asking_for_candidates_never_changes_the_verdict(run, top):
    # "Over $10 billion since 2019" is borne out by the $13 billion of commitments, a claim that ranks fourth.
    text = "Since 2019, Microsoft has invested over $10 billion in OpenAI and served as its exclusive cloud provider."
    plain = run("--format", "json", "--as-of", "2025-06-01", text).json()
    shown = run("--format", "json", "--as-of", "2025-06-01", "--top", top, text).json()
    assert [(f["verdict"], f["claim"]["id"]) for f in shown] == [(f["verdict"], f["claim"]["id"]) for f in plain] == [("true", "total-13b-commitments")]
    assert len(shown[0]["candidates"]) == int(top)


def test_bundled_negatives_are_unknown(run):
    from pathlib import Path

    lines = (Path(__file__).parents[1] / "benchmarks" / "negatives.txt").read_text(encoding="utf-8").splitlines()
    sentences = [line for line in lines if line.strip() and not line.startswith("#")]
    r = run("--format", "jsonl", "--all", "-", stdin="\n\n".join(sentences))
    matched = [f["text"] for f in r.jsonl() if f["verdict"] != "unknown"]
    assert matched == []


def test_lang_fr_labels_and_messages(mini):
    r = mini("--lang", "fr", "Microsoft holds 30% of OpenAI.")
    assert r.out.startswith("FAUX           Microsoft holds 30% of OpenAI.")  # the text column of "  affirmation  "
    assert "pourquoi" in r.out and "La phrase avance 30 %, mais les sources donnent environ 27 %" in r.out
    [f] = mini("--format", "json", "--lang", "fr", "Microsoft holds 30% of OpenAI.").json()
    assert (f["verdict"], f["lang"]) == ("false", "en")  # machine fields stay stable


def test_lang_auto_follows_each_sentence(mini):
    r = mini("Microsoft owns 49% of OpenAI. Microsoft détient 49 % d'OpenAI.")
    # Both findings' text in one column, after the widest label of any language.
    column = label_width(CODES) + 2
    assert "\n" + "FALSE".ljust(column) + "Microsoft owns 49% of OpenAI." in "\n" + r.out
    assert "\n" + "FAUX".ljust(column) + "Microsoft détient 49 % d'OpenAI." in r.out


def test_outdated_message_in_french(mini):
    [f] = mini("--format", "json", "Azure est le fournisseur cloud exclusif d'OpenAI.").json()
    assert f["verdict"] == "outdated"
    assert "Valable jusqu'au 2025-01-20 ; depuis : Microsoft has a right of first refusal" in f["explanation"]


def test_hedged_reporting_is_flagged(mini):
    for text in ("Microsoft reportedly owns 49% of OpenAI.", "Selon des sources, Microsoft posséderait 49 % d'OpenAI."):
        [f] = mini("--format", "json", text).json()
        assert f["hedged"] is True and f["verdict"] == "unverified", text
    [f] = mini("--format", "json", "Microsoft owns 49% of OpenAI.").json()
    assert f["hedged"] is False and f["verdict"] == "false"


def test_a_sentence_that_rejects_the_wrong_figure_is_true(run):
    for text in ("Microsoft holds about 27% of OpenAI, not 49%.", "Microsoft détient environ 27 % d'OpenAI, et non 49 %.",
                 "Microsoft holds about 27% of OpenAI, up from 32.5% before the recapitalisation."):
        [f] = run("--format", "json", text).json()
        assert (f["verdict"], f["claim"]["id"]) == ("true", "ms-stake-27pct"), text


def test_top_can_list_more_candidates_than_the_default_shortlist(run):
    from dealcheck.match import SHORTLIST

    [f] = run("--format", "json", "--top", "25", "Microsoft and OpenAI have a deal about investment, profits, the cloud and AGI.").json()
    # Stage 1 shortlists claims, not strings, so claims with many wordings do not crowd the others out.
    assert len(f["candidates"]) == 25 > SHORTLIST
    scores = [c["score"] for c in f["candidates"]]
    assert scores == sorted(scores, reverse=True)
