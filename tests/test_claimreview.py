"""ClaimReview export and import, merged bases, atomic output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from conftest import MINI

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/2024/acme",
    "claimReviewed": "Acme doubled its sales in 2023.",
    "author": {"@type": "Organization", "name": "Example Checks"},
    "datePublished": "2024-02-03",
    "headline": "No, Acme did not double its sales",
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "Faux"},
}


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _import(run, *files: Path, extra: tuple[str, ...] = ()):
    return run("claims", "import", *map(str, files), *extra)


def test_export_claimreview_fields(run):
    r = run("claims", "export", "--claims", str(MINI))
    reviews = json.loads(r.out)
    first = reviews[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["claimReviewed"] == "Microsoft holds about 27% of OpenAI."
    assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1, "alternateName": "True"}
    assert first["url"] == "urn:dealcheck:stake-27"
    assert first["author"] == {"@type": "Organization", "name": "dealcheck"}
    assert first["datePublished"] == dt.date.today().isoformat()
    item = first["itemReviewed"]
    assert item["@type"] == "Claim"
    # The evidence is the review's citation; the Claim has no claimant (author) and no appearance.
    assert "appearance" not in item and "author" not in item
    assert first["citation"][0]["url"] == "https://example.org/10q"
    assert first["citation"][0]["text"] == "Microsoft holds approximately 27 percent in the PBC."
    assert "expires" not in first
    assert {t["identifier"] for t in item["about"]} == {"microsoft", "openai"}
    variant = next(x for x in reviews if x["identifier"] == "stake-27#variant-1")
    assert variant["reviewRating"]["alternateName"] == "False" and variant["reviewRating"]["ratingValue"] == 1
    outdated = next(x for x in reviews if x["identifier"] == "azure-exclusive")
    assert outdated["itemReviewed"]["temporalCoverage"] == "2019-07-22/2025-01-20"
    assert outdated["expires"] == "2025-01-20"


def test_export_base_url_and_own_formats(run):
    reviews = json.loads(run("claims", "export", "--claims", str(MINI), "--base-url", "https://news.example/checks").out)
    assert reviews[0]["url"] == "https://news.example/checks#stake-27"
    data = json.loads(run("claims", "export", "--claims", str(MINI), "--format", "json").out)
    assert [c["id"] for c in data["claims"]] == ["stake-27", "commitments-13b", "azure-exclusive", "rofr"]
    assert run("claims", "export", "--claims", str(MINI), "--format", "yaml").out.startswith("version: 1\n")


def test_round_trip_keeps_every_example_verdict(run, tmp_path: Path):
    """Export the bundled base, import it back, and run the original examples on the result."""
    from dealcheck import claimbase
    from dealcheck.checker import Options, check_sentence

    exported = tmp_path / "reviews.json"
    assert run("claims", "export", "-o", str(exported)).code == 0
    imported = tmp_path / "back.yaml"
    r = _import(run, exported, extra=("-o", str(imported)))
    assert r.code == 0, r.err
    original = claimbase.load()
    back = claimbase.load(imported)
    assert len(back.claims) == len(original.claims)
    failures = []
    for claim in original.claims:
        for example in claim.examples:
            f = check_sentence(example.text, back, Options(as_of=example.as_of or dt.date.today()))
            if (f.verdict, f.claim.id if f.claim else None) != (example.verdict, claim.id):
                failures.append(example.text)
    assert failures == []


def test_import_shapes(run, tmp_path: Path):
    single = _write(tmp_path, "one.json", REVIEW)
    array = _write(tmp_path, "many.json", [REVIEW, {**REVIEW, "claimReviewed": "Acme is based in Ohio.", "reviewRating": {"alternateName": "True"}}])
    graph = _write(tmp_path, "graph.jsonld", {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {**REVIEW, "claimReviewed": "Acme has 500 staff.", "reviewRating": {"alternateName": "Mostly false"}}]})
    page = _write(
        tmp_path, "page.html",
        "<html><head><script type=\"application/ld+json\">"
        + json.dumps({**REVIEW, "claimReviewed": "Acme &amp; Co sold 3 plants.", "reviewRating": {"alternateName": "Trompeur"}})
        + "</script></head><body>x</body></html>",
    )
    api = _write(tmp_path, "api.json", {"claims": [{
        "text": "Acme hired 1,000 people.", "claimant": "A post", "claimDate": "2024-01-01",
        "claimReview": [{"publisher": {"name": "Verif", "site": "verif.example"}, "url": "https://verif.example/acme",
                         "title": "Acme did not hire 1,000 people", "reviewDate": "2024-01-05",
                         "textualRating": "Sin evidencia", "languageCode": "es"}],
    }]})
    out = tmp_path / "claims.yaml"
    r = _import(run, single, array, graph, page, api, extra=("-o", str(out)))
    assert r.code == 0, r.err
    assert r.err == "imported 6 of 6 reviews\n"
    from dealcheck import claimbase

    base = claimbase.load(out)
    got = {c.text: c.verdict for c in base.claims}
    assert got == {
        "Acme doubled its sales in 2023.": "false",
        "Acme is based in Ohio.": "true",
        "Acme has 500 staff.": "false",
        "Acme & Co sold 3 plants.": "misleading",
        "Acme hired 1,000 people.": "unverified",
    } and len(base.claims) == 6
    sources = {s.url for s in base.sources.values()}
    assert {"https://factcheck.example/2024/acme", "https://verif.example/acme"} <= sources
    [f] = run("--claims", str(out), "--format", "json", "Acme doubled its sales in 2023.").json()
    assert f["verdict"] == "false"
    assert f["citations"][0]["url"] == "https://factcheck.example/2024/acme"


def test_unmapped_ratings_are_reported_not_guessed(run, tmp_path: Path):
    odd = _write(tmp_path, "odd.json", [REVIEW, {**REVIEW, "claimReviewed": "Acme is green.", "reviewRating": {"alternateName": "Spicy"}}])
    r = _import(run, odd)
    assert r.code == 1
    assert "imported 1 of 2 reviews" in r.err
    assert "1 reviews skipped, rating not mapped: 'Spicy' (1)" in r.err
    table = _write(tmp_path, "map.yaml", "Spicy: misleading\n")
    r = _import(run, odd, extra=("--rating-map", str(table)))
    assert r.code == 0 and "Acme is green." in r.out
    bad = _write(tmp_path, "bad.yaml", "Spicy: maybe\n")
    r = _import(run, odd, extra=("--rating-map", str(bad)))
    assert r.code == 2 and "'Spicy' maps to 'maybe'" in r.err


def test_malformed_input_is_an_error(run, tmp_path: Path):
    broken = _write(tmp_path, "broken.json", '{"@type": "ClaimReview",\n "claimReviewed": }')
    r = _import(run, broken)
    assert r.code == 2
    assert r.err == f"dealcheck: error: {broken}:2: not valid JSON: Expecting value\n"
    page = _write(tmp_path, "plain.html", "<html><body>no data</body></html>")
    assert "no <script type=\"application/ld+json\"> block" in _import(run, page).err
    assert _import(run, tmp_path / "missing.json").code == 2


def test_output_is_never_overwritten_without_force(run, tmp_path: Path):
    src = _write(tmp_path, "one.json", REVIEW)
    out = tmp_path / "claims.yaml"
    out.write_text("keep me", encoding="utf-8")
    r = _import(run, src, extra=("-o", str(out)))
    assert r.code == 2 and "already exists (use --force to overwrite)" in r.err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _import(run, src, extra=("-o", str(out), "--force")).code == 0
    assert out.read_text(encoding="utf-8").startswith("version: 1")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".claims.yaml")] == []  # no temp file left


def test_merged_bases_namespace_clashing_ids(run, tmp_path: Path):
    other = tmp_path / "news.yaml"
    other.write_text(MINI.read_text(encoding="utf-8").replace("Microsoft holds about 27% of OpenAI.", "Microsoft holds 27% of OpenAI, says the filing."), encoding="utf-8")
    r = run("claims", "list", "--claims", str(MINI), "--claims", str(other))
    ids = [line.split()[0] for line in r.out.splitlines()]
    assert ids[:4] == ["stake-27", "commitments-13b", "azure-exclusive", "rofr"]
    assert ids[4:] == ["news.stake-27", "news.commitments-13b", "news.azure-exclusive", "news.rofr"]
    [f] = run("--claims", str(MINI), "--claims", str(other), "--format", "json", "Azure is OpenAI's exclusive cloud provider.").json()
    assert f["verdict"] == "outdated"


def test_merged_bases_from_environment(run, monkeypatch, tmp_path: Path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "version: 1\nsources:\n  - {id: X, title: T, publisher: P, quotes: [\"Globex sells 10 widgets.\"]}\n"
        "claims:\n  - {id: g1, text: Globex sells 10 widgets., verdict: \"true\", citations: [{source: X, quote: \"Globex sells 10 widgets.\"}]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DEALCHECK_CLAIMS", f"{MINI}:{extra}")
    ids = [line.split()[0] for line in run("claims", "list").out.splitlines()]
    assert ids[-1] == "g1" and ids[0] == "stake-27"


def test_merged_names_follow_the_file_names(run, tmp_path: Path):
    text = MINI.read_text(encoding="utf-8")
    (tmp_path / "news.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "blog.yaml").write_text(text, encoding="utf-8")
    first = run("claims", "list", "--claims", str(MINI), "--claims", str(tmp_path / "news.yaml")).out
    second = run("claims", "list", "--claims", str(MINI), "--claims", str(tmp_path / "blog.yaml")).out
    assert "news.stake-27" in first and "blog.stake-27" in second


def test_a_debunked_figure_is_not_what_the_sources_give(run, tmp_path: Path):
    false_review = _write(tmp_path, "f.json", {**REVIEW, "claimReviewed": "Acme paid $5 billion for Globex."})
    out = tmp_path / "fc.yaml"
    assert _import(run, false_review, extra=("-o", str(out))).code == 0
    [f] = run("--claims", str(out), "--format", "json", "Acme paid $2 billion for Globex.").json()
    assert "sources give" not in f["explanation"]
    [f] = run("--claims", str(out), "--format", "json", "Acme paid $5 billion for Globex.").json()
    assert f["verdict"] == "false"


def test_single_values_where_lists_are_usual(run, tmp_path: Path):
    one = _write(tmp_path, "one.json", {**REVIEW, "itemReviewed": {"@type": "Claim", "alternateName": "Acme's sales doubled last year."}})
    table = _write(tmp_path, "map.yaml", "Faux: true\n")  # YAML reads it as a boolean
    r = _import(run, one, extra=("--rating-map", str(table)))
    assert r.code == 0
    assert "- Acme's sales doubled last year." in r.out and "verdict: 'true'" in r.out


def test_damaged_cache_is_rebuilt(run, monkeypatch, tmp_path: Path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("DEALCHECK_CACHE_DIR", str(cache))
    assert run("--claims", str(MINI), "x").code == 0
    for pickled in cache.glob("*.pickle"):
        pickled.write_bytes(b"\x80\x09garbage")
    [f] = run("--claims", str(MINI), "--format", "json", "Microsoft owns 49% of OpenAI.").json()
    assert f["verdict"] == "false"


def test_the_bundled_base_is_named_for_merging(run, monkeypatch, tmp_path: Path):
    """After `pip install` the bundled base has no path a user knows: `@bundled` names it."""
    r = run("claims", "list", "--claims", str(MINI), "--claims", "@bundled")
    ids = [line.split()[0] for line in r.out.splitlines()]
    assert r.code == 0 and ids[0] == "stake-27" and "ms-stake-27pct" in ids
    [f] = run("--claims", str(MINI), "--claims", "@bundled", "--format", "json", "Microsoft owns half of OpenAI.").json()
    assert f["verdict"] == "false"
    monkeypatch.setenv("DEALCHECK_CLAIMS", f"{MINI}:@bundled")
    assert "ms-stake-27pct" in run("claims", "list").out
    assert run("--claims", "@nothing", "x").code == 2


def test_the_bundled_base_round_trips_field_by_field(run, tmp_path: Path):
    from dealcheck import claimbase, serialise

    exported = tmp_path / "reviews.json"
    exported.write_text(run("claims", "export").out, encoding="utf-8")
    back = tmp_path / "back.yaml"
    r = run("claims", "import", str(exported), "-o", str(back))
    assert r.code == 0, r.err
    before, after = serialise.to_data(claimbase.load()), serialise.to_data(claimbase.load(back))
    assert after["topic"] == before["topic"] and after["claims"] == before["claims"]
    assert {r["id"]: r for r in after["relations"]} == {r["id"]: r for r in before["relations"]}
    # Entities travel as the claims' `about` and `mentions`: each comes back whole.
    known = {e["id"]: e for e in before["entities"]}
    assert all(e == known[e["id"]] for e in after["entities"])
    assert {p for c in before["claims"] for p in c.get("subject", [])} <= {e["id"] for e in after["entities"]}
    # Sources keep their id, title, publisher, date and url; their quotes are the ones the claims cite.
    cited = {c["source"] for claim in before["claims"] for c in claim["citations"]}
    assert {s["id"]: (s["title"], s["publisher"], s.get("date"), s.get("url")) for s in after["sources"]} == {
        s["id"]: (s["title"], s["publisher"], s.get("date"), s.get("url")) for s in before["sources"] if s["id"] in cited}


def _review(rating: dict, **more: object) -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Microsoft holds about 27% of OpenAI.",
            "url": "https://factcheck.example/27", "author": {"@type": "Organization", "name": "Example Checks"},
            "reviewRating": {"@type": "Rating", **rating}, **more}


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ({"ratingValue": 5, "bestRating": 5, "worstRating": 1}, "true"),
        ({"ratingValue": 1}, "false"),  # schema.org's default scale is 1–5
        ({"ratingValue": "2", "bestRating": "5", "worstRating": "1"}, "misleading"),
        ({"ratingValue": 10, "bestRating": 10, "worstRating": 0}, "true"),
        ({"ratingValue": 0, "bestRating": 10, "worstRating": 0}, "false"),
        ({"ratingValue": 9, "bestRating": 10, "worstRating": 0}, "true"),
    ],
)
def test_a_numeric_rating_is_read_on_its_scale(run, tmp_path: Path, rating: dict, verdict: str):
    f = tmp_path / "r.json"
    f.write_text(json.dumps(_review(rating)), encoding="utf-8")
    out = tmp_path / "b.yaml"
    assert run("claims", "import", str(f), "-o", str(out)).code == 0
    [claim] = yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
    assert claim["verdict"] == verdict


def test_a_numeric_rating_outside_its_scale_is_not_guessed(run, tmp_path: Path):
    f = tmp_path / "r.json"
    reviews = [_review({"ratingValue": 7, "bestRating": 5, "worstRating": 1}), _review({"alternateName": "True"}, claimReviewed="OpenAI is a nonprofit.")]
    f.write_text(json.dumps(reviews), encoding="utf-8")
    r = run("claims", "import", str(f), "-o", str(tmp_path / "b.yaml"))
    assert r.code == 1 and "1 reviews skipped, rating not mapped" in r.err


def test_expires_is_when_the_claim_stops_holding(run, tmp_path: Path):
    f = tmp_path / "r.json"
    f.write_text(json.dumps(_review({"alternateName": "True"}, expires="2025-10-27")), encoding="utf-8")
    out = tmp_path / "b.yaml"
    assert run("claims", "import", str(f), "-o", str(out)).code == 0
    [claim] = yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
    assert str(claim["valid_until"]) == "2025-10-27"
    r = run("--claims", str(out), "--as-of", "2026-01-01", "-f", "json", "Microsoft holds about 27% of OpenAI.")
    assert r.json()[0]["verdict"] == "outdated"


def test_a_fact_checkers_appearance_is_not_evidence(run, tmp_path: Path):
    review = _review({"alternateName": "False"}, itemReviewed={
        "@type": "Claim", "author": {"@type": "Person", "name": "A poster"},
        "appearance": [{"@type": "CreativeWork", "url": "https://social.example/post/1"}]})
    f = tmp_path / "r.json"
    f.write_text(json.dumps(review), encoding="utf-8")
    out = tmp_path / "b.yaml"
    assert run("claims", "import", str(f), "-o", str(out)).code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [s.get("url") for s in data["sources"]] == ["https://factcheck.example/27"]


REAL = Path(__file__).parent / "data" / "claimreview"


def test_real_fact_check_pages_import_with_claimant_and_appearance(run, tmp_path: Path):
    # Pages as AFP Factuel and Africa Check published them (cut to their ClaimReview blocks; see each file).
    out = tmp_path / "checks.yaml"
    r = run("claims", "import", str(REAL / "afp-factuel-mali.html"), str(REAL / "africa-check-interferon.html"), "-o", str(out))
    assert r.code == 0, r.err
    assert "imported 2 of 2 reviews" in r.err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    mali, interferon = data["claims"]
    assert (mali["text"], mali["verdict"], mali["claimant"]) == ("Le Mali a rompu ses relations diplomatiques avec la France", "false", "Sources multiples")
    assert mali["appearance"] == ["https://www.facebook.com/101888178896970/photos/a.101895338896254/143921044693683/"]
    assert (interferon["verdict"], interferon["claimant"], interferon["appearance"]) == ("false", "Mzwandile Masina", ["https://youtu.be/jA8iEODBe5Q?t=1368"])
    # Africa Check's summary is its `description`, with the page's <br /> in it: the explanation is its text.
    assert interferon["explanation"].startswith("Mzwandile Masina, mayor of the City of Ekurhuleni, said") and "<br" not in interferon["explanation"]
    [f] = run("--claims", str(out), "-f", "json", "Le Mali a rompu ses relations diplomatiques avec la France.").json()
    assert f["verdict"] == "false"
    assert f["citations"][0]["url"] == "https://factuel.afp.com/doc.afp.com.9XC9W4"
    # Back out, the claimant is the Claim's `author` and the post its `appearance`, as schema.org means them.
    exported = json.loads(run("claims", "export", "--claims", str(out)).out)
    item = next(e["itemReviewed"] for e in exported if e["claimReviewed"].startswith("Le Mali"))
    assert item["author"]["name"] == "Sources multiples"
    assert [a["url"] for a in item["appearance"]] == mali["appearance"]
    again = tmp_path / "again.json"
    again.write_text(json.dumps(exported), encoding="utf-8")
    back = tmp_path / "back.yaml"
    assert run("claims", "import", str(again), "-o", str(back)).code == 0
    assert [(c["claimant"], c["appearance"]) for c in yaml.safe_load(back.read_text(encoding="utf-8"))["claims"]] == [
        (c["claimant"], c["appearance"]) for c in data["claims"]]


def test_a_real_page_with_an_unknown_rating_says_why_nothing_was_imported(run, tmp_path: Path):
    page = REAL / "20minutes-urss.html"  # 20 Minutes rates on a scale of one point, -1 to -1, as "really_false"
    r = run("claims", "import", str(page))
    assert r.code == 2
    assert r.err.strip() == "dealcheck: error: no claim imported: 1 reviews skipped, rating not mapped: 'really_false' (1) (see --rating-map)"
    table = _write(tmp_path, "map.yaml", "really_false: false\n")
    r = run("claims", "import", str(page), "--rating-map", str(table))
    assert r.code == 0
    [claim] = yaml.safe_load(r.out)["claims"]
    assert claim["verdict"] == "false" and claim["claimant"] == "Réseaux sociaux"
