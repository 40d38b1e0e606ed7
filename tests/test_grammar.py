"""Verdicts that read grammar, time and documents as a reader does (issue 12), in English and French.

Each rule runs through the real CLI on the bundled base, one sentence per language. The sentences are
written for these tests; none comes from the real-text benchmarks.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def findings(run, *args: str) -> list[dict]:
    return run("--format", "json", *args).json()


def only(run, *args: str) -> tuple[str, str | None]:
    [f] = findings(run, *args)
    return f["verdict"], f["claim"]["id"] if f["claim"] else None


@pytest.mark.parametrize("text", ["Microsoft doesn't own 49% of OpenAI.", "Microsoft ne détient pas 49 % d'OpenAI."])
def test_denying_a_wrong_figure_is_true(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("true", "ms-stake-27pct")
    assert "49" in f["explanation"] and "27" in f["explanation"]


@pytest.mark.parametrize("text", ["Microsoft doesn't own 27% of OpenAI.", "Microsoft ne détient pas 27 % d'OpenAI."])
def test_denying_the_sources_figure_is_false(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("false", "ms-stake-27pct")
    assert "27" in f["explanation"]


@pytest.mark.parametrize("text", ["It is false that Microsoft owns half of OpenAI.", "Il est faux que Microsoft possède la moitié d'OpenAI."])
def test_it_is_false_that_negates(run, text):
    assert only(run, text) == ("true", "ms-stake-27pct")


@pytest.mark.parametrize(
    "text", ["Microsoft, which owns about 27% of OpenAI, did not comment.", "Microsoft, qui détient environ 27 % d'OpenAI, n'a pas souhaité commenter."]
)
def test_a_negation_is_bound_to_its_clause(run, text):
    verdicts = {(f["verdict"], f["claim"]["id"]) for f in findings(run, text)}
    assert verdicts == {("true", "ms-stake-27pct")}


@pytest.mark.parametrize(
    "text",
    ["OpenAI can no longer declare AGI on its own: an independent expert panel must verify it.",
     "OpenAI ne peut plus déclarer seule l'AGI : un panel d'experts indépendants devra la vérifier."],
)
def test_describing_the_panel_is_not_denying_it(run, text):
    found = findings(run, text)
    panel = [f for f in found if f["claim"]["id"] == "agi-panel"]
    assert [f["verdict"] for f in panel] == ["true"]
    assert all(f["verdict"] != "false" for f in found)
    assert not any("denies" in f["explanation"] or " nie " in f["explanation"] for f in found)


@pytest.mark.parametrize(
    "text", ["Microsoft owns 27% of OpenAI and the Foundation owns 49%.", "Microsoft détient 27 % d'OpenAI et la Fondation 49 %."]
)
def test_a_right_figure_does_not_excuse_a_wrong_one_beside_it(run, text):
    assert "false" in {f["verdict"] for f in findings(run, text)}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("Microsoft owns 27% of OpenAI, and its share is 49%.", "its share is 49%."),
     ("Microsoft détient 27 % d'OpenAI, et sa part atteint 49 %.", "sa part atteint 49 %.")],
)
def test_of_two_clauses_making_one_claim_the_wrong_one_is_the_finding(run, text, wrong):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"], f["text"]) == ("false", "ms-stake-27pct", wrong)
    assert text[f["column"] - 1 : f["end_column"]] == wrong  # its span is the clause


@pytest.mark.parametrize(
    "text",
    ["About 47% belongs to employees and investors, while Microsoft holds 27% of OpenAI.",
     "Environ 47 % appartiennent aux salariés et aux investisseurs, tandis que Microsoft détient 27 % d'OpenAI."],
)
def test_a_clause_about_other_owners_is_not_held_against_a_party(run, text):
    # The 47% clause inherits Microsoft from its sentence, but speaks of others: it is not Microsoft's stake.
    assert all(f["verdict"] == "true" for f in findings(run, text))


@pytest.mark.parametrize("text", ["OpenAI can no longer declare AGI on its own.", "OpenAI ne peut plus déclarer seule l'AGI."])
def test_an_old_clause_said_to_be_over_is_true(run, text):
    # The old clause's wording takes away Microsoft's access ("would lose access"): that word bears on its
    # own clause, not on the declaring the sentence says is over.
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("true", "agi-clause-old")
    assert "2025-10-27" in f["explanation"]


@pytest.mark.parametrize("text", ["Microsoft's stake in OpenAI fell from 32.5% to 27%.", "La participation de Microsoft dans OpenAI est passée de 32,5 % à 27 %."])
def test_the_figure_before_and_after_are_both_the_sources(run, text):
    assert only(run, text) == ("true", "ms-stake-27pct")


@pytest.mark.parametrize(
    ("text", "verdict", "claim"),
    [
        ("According to sources, OpenAI's nonprofit no longer controls the for-profit.", "false", "recap-nonprofit-control"),
        ("Selon des sources, l'organisation à but non lucratif ne contrôle plus la société à but lucratif d'OpenAI.", "false", "recap-nonprofit-control"),
        ("Microsoft reportedly invested $10 billion in OpenAI in January 2023.", "unverified", "invest-2023-10b"),
        ("Microsoft aurait investi 10 milliards de dollars dans OpenAI en janvier 2023.", "unverified", "invest-2023-10b"),
    ],
)
def test_reported_speech_gets_the_claims_verdict_with_the_attribution_noted(run, text, verdict, claim):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"], f["hedged"]) == (verdict, claim, True)


@pytest.mark.parametrize(
    "text",
    [
        "According to sources, Microsoft owns 49% of OpenAI.",
        "Microsoft owns 49% of OpenAI, people familiar with the matter told Bloomberg.",
        "Selon des sources, Microsoft détiendrait 49 % d'OpenAI.",
        "Bloomberg avait rapporté que Microsoft détenait 49 % d'OpenAI.",
    ],
)
def test_a_reported_figure_the_sources_contradict_is_unverified_and_says_what_they_give(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"], f["hedged"]) == ("unverified", "ms-stake-27pct", True)
    assert "27" in f["explanation"]
    assert "report" in f["explanation"] or "information" in f["explanation"]


@pytest.mark.parametrize("text", ["Microsoft owns 49% of OpenAI.", "Microsoft détient 49 % d'OpenAI."])
def test_the_same_figure_said_without_attribution_is_false(run, text):
    assert only(run, text) == ("false", "ms-stake-27pct")


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft has committed more than $13 billion to OpenAI.",
        "Microsoft's funding commitments to OpenAI total less than $13 billion.",
        "Les engagements de financement de Microsoft envers OpenAI totalisent plus de 13 milliards de dollars.",
    ],
)
def test_a_bound_that_excludes_an_exact_figure_is_misleading(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("misleading", "total-13b-commitments")


@pytest.mark.parametrize(
    "text", ["Microsoft has committed at least $13 billion to OpenAI.", "Microsoft's stake in OpenAI is more than 25%."]
)
def test_a_bound_the_figure_meets_is_not_misleading(run, text):
    assert only(run, text)[0] == "true"


@pytest.mark.parametrize(
    "text", ["Rumours say Microsoft invested $1 billion in OpenAI in 2019.", "Selon la rumeur, Microsoft a investi 1 milliard de dollars dans OpenAI en 2019."]
)
def test_a_rumour_is_never_true(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"], f["hedged"]) == ("unverified", "invest-2019-1b", True)
    assert "rumour" in f["explanation"] or "rumeur" in f["explanation"]


@pytest.mark.parametrize(
    "text",
    ["Microsoft would own 49% of OpenAI once it recoups its investment.", "Apparently, Microsoft owns 49% of OpenAI.",
     "Apparemment, Microsoft détient 49 % d'OpenAI.", "Microsoft détiendrait 49 % d'OpenAI, selon la presse."],
)
def test_a_wrong_figure_in_the_conditional_or_hedged_is_passed_on(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("unverified", "ms-stake-27pct")
    assert "27%" in f["explanation"] or "27 %" in f["explanation"]  # it says what the sources give


def test_a_claim_said_in_the_future_of_the_past_is_no_report(run):
    # "OpenAI said its nonprofit would …" is a statement the sources confirm: a rumour of it is still a rumour.
    [f] = findings(run, "Rumours say OpenAI's nonprofit will keep control of the company.")
    assert f["verdict"] == "unverified"


@pytest.mark.parametrize(
    "text", ["In 2024 reports said OpenAI planned to drop its nonprofit's control.", "En 2024, des rumeurs prêtaient à OpenAI l'intention d'échapper au contrôle de son organisation à but non lucratif."]
)
def test_a_claim_about_rumours_is_true_of_the_rumours(run, text):
    assert only(run, text) == ("true", "rumours-2024")


@pytest.mark.parametrize(
    "text", ["The earlier agreement between Microsoft and OpenAI ran until 2030.", "L'accord précédent entre Microsoft et OpenAI courait jusqu'en 2030."]
)
def test_a_sentence_about_the_past_is_judged_as_of_then(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("true", "contract-2030-jan2025")
    assert "2025-10-27" in f["explanation"]  # and it says when that ended


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Microsoft was once the exclusive cloud provider of OpenAI.", "azure-exclusive-2019"),
        ("Azure était autrefois le fournisseur cloud exclusif d'OpenAI.", "azure-exclusive-2019"),
        ("Before the new funding rounds, Microsoft's stake in OpenAI's for-profit stood at 32.5%.", "ms-stake-32-5pct"),
        ("Avant les récentes levées de fonds, la participation de Microsoft s'élevait à 32,5 % dans OpenAI.", "ms-stake-32-5pct"),
        ("The original agreement let OpenAI's board declare AGI on its own.", "agi-clause-old"),
        ("L'accord initial laissait le conseil d'OpenAI déclarer seul l'AGI.", "agi-clause-old"),
    ],
)
def test_a_state_said_to_be_over_is_true_of_its_time(run, text, claim):
    # "was once", "before the new rounds", « l'accord initial »: the sentence places the claim in its time.
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("true", claim)
    assert "2025-" in f["explanation"]  # and says when it ended


@pytest.mark.parametrize(
    ("text", "verdict"),
    [("In 2022, Azure was OpenAI's exclusive cloud provider.", "true"), ("En 2022, Azure était le fournisseur cloud exclusif d'OpenAI.", "true"),
     ("Azure is OpenAI's exclusive cloud provider.", "outdated"), ("Azure est le fournisseur cloud exclusif d'OpenAI.", "outdated")],
)
def test_a_year_in_which_a_claim_held_is_not_outdated(run, text, verdict):
    assert only(run, text) == (verdict, "azure-exclusive-2019")


def test_an_unconfirmed_claim_that_ended_stays_unverified(run):
    # The 49% profit share was only ever reported; the recapitalisation ended it. It is not "outdated" (that
    # would say it was once confirmed), and the explanation says what replaced it.
    [f] = findings(run, "Microsoft gets 49% of OpenAI's profits.")
    assert (f["verdict"], f["claim"]["id"]) == ("unverified", "profit-share-75-49")
    assert "ms-stake-27pct" in f["explanation"]


def test_a_superseded_valuation_is_false_today_and_the_new_one_true(run):
    assert only(run, "OpenAI is valued at $500 billion.") == ("false", "valuation-852b")
    assert only(run, "--as-of", "2025-12-01", "OpenAI is valued at $500 billion.") == ("unverified", "valuation-500b")
    assert only(run, "--as-of", "2026-06-01", "OpenAI is valued at $852 billion.") == ("true", "valuation-852b")


@pytest.mark.parametrize(
    "text", ["Nearly half of the company is owned by Microsoft.", "Près de la moitié de la société appartient à Microsoft."]
)
def test_a_party_named_only_by_reference(run, text):
    [f] = findings(run, text)
    assert (f["verdict"], f["claim"]["id"]) == ("false", "ms-stake-27pct")


def test_a_phrase_may_mean_another_named_party(run):
    # Amazon is a party outside the topic: "the company" may be Amazon or OpenAI, so it is left alone.
    assert only(run, "Amazon said it would invest $50 billion in the company.") == ("unknown", None)


@pytest.mark.parametrize(
    "text",
    ["The MOU that Microsoft and OpenAI signed in September 2025 is non-binding, while OpenAI's nonprofit will get a stake worth more than $100 billion.",
     "Le protocole d'accord signé par Microsoft et OpenAI en septembre 2025 n'est pas contraignant, tandis que l'organisation à but non lucratif d'OpenAI recevra une participation de plus de 100 milliards de dollars."],
)
def test_a_sentence_that_makes_two_claims_gets_two_findings(run, text):
    found = findings(run, text)
    assert {(f["verdict"], f["claim"]["id"]) for f in found} == {("true", "mou-sept2025"), ("true", "nonprofit-stake-100b")}
    stake = next(f for f in found if f["claim"]["id"] == "nonprofit-stake-100b")
    assert stake["verdict"] == "true" and stake["column"] > 1  # its own span: the clause, not the sentence
    assert stake["text"] in text


def test_findings_of_statements_say_which_argument(run):
    rows = run("--format", "jsonl", "Microsoft owns half of OpenAI.", "Microsoft invested $1 billion in OpenAI in 2019.").jsonl()
    assert [(r["statement"], r["claim"]["id"]) for r in rows] == [(1, "ms-stake-27pct"), (2, "invest-2019-1b")]


def test_findings_of_files_have_no_statement_index(run, tmp_path: Path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Microsoft owns half of OpenAI.\n", encoding="utf-8")
    [f] = run("--format", "json", str(draft)).json()
    assert f["statement"] is None and f["path"] == str(draft)


@pytest.mark.parametrize(
    ("document", "line"),
    [
        ("# Microsoft and OpenAI sign a new deal\n\nThe tech giant now owns half of the startup, the companies said.\n", 3),
        ("# Microsoft et OpenAI signent un nouvel accord\n\nLe géant américain détient désormais la moitié de la start-up.\n", 3),
        ("Microsoft first invested in OpenAI in 2019.\nIt now owns half of the company.\n", 2),
    ],
)
def test_a_document_lends_its_parties_to_its_sentences(run, tmp_path: Path, document, line):
    draft = tmp_path / "draft.md"
    draft.write_text(document, encoding="utf-8")
    found = [f for f in run("--format", "json", str(draft)).json() if f["line"] == line]
    assert [(f["verdict"], f["claim"]["id"]) for f in found] == [("false", "ms-stake-27pct")]


def test_a_lone_sentence_may_leave_the_other_party_unsaid_with_the_claims_figure(run):
    assert only(run, "Microsoft's share fell from 32.5% to 27%.") == ("true", "ms-stake-27pct")
    # with no figure of the claim's, nothing is implied: Windows revenue is Microsoft's own
    assert only(run, "Microsoft's Windows revenue grew 5% in the last quarter.") == ("unknown", None)


@pytest.mark.parametrize(
    "text",
    [
        "Since 2019, Microsoft has committed more than $10 billion to OpenAI.",
        "Depuis 2019, Microsoft s'est engagé à investir plus de 10 milliards de dollars dans OpenAI.",
    ],
)
def test_a_figure_borne_out_by_a_confirmed_claim_of_the_same_relation_is_true(run, text):
    # Wrong of the $1 billion of 2019 and of the reported $10 billion round; true of the $13 billion of
    # commitments that Microsoft's filings give.
    assert only(run, text) == ("true", "total-13b-commitments")


@pytest.mark.parametrize(
    "text", ["Microsoft committed $10 billion to OpenAI in 2019.", "Microsoft a investi 10 milliards de dollars dans OpenAI en 2019."]
)
def test_an_exact_figure_no_confirmed_claim_bears_out_stays_wrong(run, text):
    assert only(run, text) == ("false", "invest-2019-1b")


@pytest.mark.parametrize("text", ["Microsoft has invested $1 billion in OpenAI.", "Microsoft a investi 1 milliard de dollars dans OpenAI."])
def test_a_dated_figure_told_as_the_whole_is_misleading_once_a_later_one_is_known(run, text):
    [f] = findings(run, "--as-of", "2025-12-01", text)
    assert (f["verdict"], f["claim"]["id"]) == ("misleading", "invest-2019-1b")
    assert "total-13b-commitments" in f["explanation"]
    assert {c["source"] for c in f["citations"]} >= {"P1", "P4"}


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft invested $1 billion in OpenAI in 2019.",
        "Microsoft's first investment in OpenAI was $1 billion.",
        "Microsoft a d'abord investi 1 milliard de dollars dans OpenAI.",
    ],
)
def test_a_dated_figure_placed_in_its_time_is_true(run, text):
    assert only(run, "--as-of", "2025-12-01", text) == ("true", "invest-2019-1b")


def test_before_the_later_figure_was_known_the_dated_one_is_true(run):
    assert only(run, "--as-of", "2024-06-01", "Microsoft has invested $1 billion in OpenAI.") == ("true", "invest-2019-1b")
