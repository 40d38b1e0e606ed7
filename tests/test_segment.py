"""Sentence splitting: English and French edge cases, exact offsets, layout."""

from __future__ import annotations

import pytest

from dealcheck.segment import split
from segment_cases import CASES, HELDOUT


@pytest.mark.parametrize(("lang", "text", "expected"), CASES + HELDOUT, ids=lambda v: v[:40] if isinstance(v, str) else None)
def test_cases(lang: str, text: str, expected: list[str]):
    assert [text[s:e] for s, e in split(text)] == expected


def test_offsets_are_exact_and_trimmed():
    text = "  # Titre\n\nM. Altman a parlé.\u00a0» Puis il est parti…  Ensuite ?\r\n- item un\n- item deux\n"
    spans = split(text)
    assert [text[s:e] for s, e in spans] == ["Titre", "M. Altman a parlé.\u00a0»", "Puis il est parti…", "Ensuite ?", "item un", "item deux"]


def test_wrapped_lines_are_one_sentence_but_punctuated_lines_are_not():
    text = "Microsoft signed a deal with\nOpenAI in 2019.\nOpenAI agreed.\nShort title\n\nNext paragraph."
    assert [text[s:e] for s, e in split(text)] == [
        "Microsoft signed a deal with\nOpenAI in 2019.", "OpenAI agreed.", "Short title", "Next paragraph."
    ]


def test_paragraph_separator_is_a_boundary():
    text = "Heading without stop\u2029Body text here."
    assert [text[s:e] for s, e in split(text)] == ["Heading without stop", "Body text here."]
