"""French statements and their English twins, written for this test: same claim, same verdict.

Each pair runs through the real CLI. The pairs listed in KNOWN_GAPS do not agree yet; they
are strict expected failures, so a change that fixes one fails here until it is moved out
of the list, and a change that breaks another pair fails too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PAIRS = yaml.safe_load((Path(__file__).parent / "data" / "twins.yaml").read_text(encoding="utf-8"))

# 1-based pair numbers: French and English disagree, or agree on the wrong answer.
KNOWN_GAPS: set[int] = set()


def _params():
    for n, pair in enumerate(PAIRS, 1):
        marks = [pytest.mark.xfail(strict=True, reason="known matcher gap")] if n in KNOWN_GAPS else []
        yield pytest.param(pair, id=f"{n}-{pair['claim']}", marks=marks)


@pytest.mark.parametrize("pair", list(_params()))
def test_twins_get_the_same_claim_and_verdict(run, pair):
    as_of = ["--as-of", str(pair["as_of"])] if pair.get("as_of") else []
    got = []
    for side in ("fr", "en"):
        # A sentence may make several claims (one finding each); the pair is about the one it makes best.
        f = max(run("--format", "json", *as_of, pair[side]).json(), key=lambda f: f["score"])
        got.append((f["claim"]["id"] if f["claim"] else None, f["verdict"]))
    assert got[0] == got[1] == (pair["claim"], str(pair["verdict"]))


def test_enough_twins():
    assert len(PAIRS) >= 40
    assert all(pair["fr"] != pair["en"] for pair in PAIRS)


@pytest.mark.parametrize(
    "text", ["Selon des sources, Microsoft n'aurait jamais investi dans OpenAI.", "Reportedly, Microsoft never invested in OpenAI."]
)
def test_a_hedge_is_flagged_but_does_not_weaken_the_match(run, text):
    [f] = run("--format", "json", text).json()
    assert (f["claim"]["id"], f["verdict"], f["hedged"]) == ("invest-2019-1b", "false", True)
