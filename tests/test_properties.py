"""Property-based tests (hypothesis): whatever bytes a file holds, the reader yields articles or
one-line input errors and nothing else; whatever a name is, the IRIs minted from it are valid; and
whatever text an article holds, extraction does not crash, yields contract-valid JSON, and its
graph goes into the store."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest.reader import read_items
from kg.rdf.iris import actor_iri, article_iri, assertion_iri, event_iri, graph_iri, issue_iri, place_iri, slug
from kg.records import Article

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
          "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "reported", "alleged", "denied", "planned", "hypothetical"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
FUZZ = settings(max_examples=150)

# Text that looks enough like news to reach the extraction rules, with hostile characters mixed in.
WORDS = ["Soldiers", "rebels", "the junta", "Police", "Malian", "arrested", "attacked", "denied", "allegedly", "killed",
         "protesters", "in", "Bamako", "on", "Monday", "3", "May", "2025", "according", "to", "AFP", "said", "he", "it",
         "Gen", "Asimi", "Goïta", "France", "Russia", "sanctions", "talks", "with", "and", "not", "never", "will",
         ",", ".", "\n", "\n\n", '"', "'", "<script>", "</script>", "&amp;", "\u202e", "\u200b", "🔥", "—", "\t", "(", ")",
         "Nema Sagara", "had been", "were", "by", "of", "the", "a", "dozens", "50", "%", "$", "{", "}", "\\", "/"]
newsy = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), newsy, st.text(alphabet=st.characters(codec="utf-8"), max_size=200))


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def only_articles_or_input_errors(items: list) -> list[Article]:
    articles = []
    for item in items:
        assert isinstance(item, (Article, InputError)), item
        if isinstance(item, InputError):
            assert "\n" not in str(item) and item.exit_code == 2
        else:
            assert item.text.strip() and not UNSAFE.search(item.text) and not UNSAFE.search(item.id)
            articles.append(item)
    return articles


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_reader_on_any_bytes_yields_articles_or_one_line_errors(folder, data, suffix):
    path = folder / f"doc{suffix}"
    path.write_bytes(data)
    only_articles_or_input_errors(list(read_items([path])))


@FUZZ
@given(meta=st.dictionaries(st.sampled_from(["id", "title", "published", "source", "url", "x"]),
                            st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans(), st.none(),
                                      st.lists(st.integers(), max_size=3))),
       body=st.text(max_size=200), raw_front=st.text(max_size=80))
def test_reader_on_any_front_matter(folder, meta, body, raw_front):
    path = folder / "front.md"
    path.write_text("---\n" + json.dumps(meta) + "\n---\n" + body, encoding="utf-8", errors="surrogatepass")
    only_articles_or_input_errors(list(read_items([path])))
    path.write_text("---\n" + raw_front + "\n---\n" + body, encoding="utf-8", errors="surrogatepass")
    only_articles_or_input_errors(list(read_items([path])))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=10)
json_docs = st.fixed_dictionaries({}, optional={"id": json_values, "text": st.one_of(st.text(max_size=200), json_values),
                                                "published": st.one_of(st.text(max_size=12), json_values),
                                                "title": json_values, "url": json_values})


@FUZZ
@given(lines=st.lists(st.one_of(json_docs.map(json.dumps), json_values.map(json.dumps), st.text(max_size=50)), max_size=8))
def test_jsonl_contract_on_any_lines(folder, lines):
    path = folder / "docs.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8", errors="surrogatepass")
    articles = only_articles_or_input_errors(list(read_items([path])))
    ids = [a.id for a in articles]
    assert len(ids) == len(set(ids))  # an id is never read twice


@FUZZ
@given(text=any_text)
def test_the_checks_on_any_text_pass_it_or_name_the_reason(text):
    from kg.ingest.checks import Screen

    try:
        Screen().check(Article(id="doc", text=text, path="doc.txt"))
    except InputError as error:
        assert str(error).startswith("doc.txt: ") and "\n" not in str(error)


# The shapes spaCy's tokenizer takes quadratic time over: long runs of symbols with no space.
RUNS = ["(", '("', "((a", "!?", "'", "=", "🔥", "( ", ":)", "_", "…"]
hostile_runs = st.tuples(newsy, st.sampled_from(RUNS), st.integers(1, 3000), newsy).map(lambda t: t[0] + t[1] * t[2] + t[3])


@FUZZ
@given(text=st.one_of(any_text, hostile_runs), size=st.sampled_from([50, 500, 50_000]))
def test_the_parser_is_given_no_run_it_would_take_quadratic_time_over(text, size):
    """Whatever the text, the pieces the parser sees are in order, inside the text, at most ``size``
    long and hold no run of more than SYMBOL_RUN symbols; only such runs are left out."""
    from kg.ingest.checks import SYMBOL_RUN, symbol_runs
    from kg.nlp.pieces import spans

    parts = spans(text, size)
    assert parts == sorted(parts) and all(0 <= a <= b <= len(text) and b - a <= size for a, b in parts)
    assert all(not symbol_runs(text[a:b]) for a, b in parts)
    kept = {i for a, b in parts for i in range(a, b)}
    left_out = "".join(ch for i, ch in enumerate(text) if i not in kept)
    assert len(left_out) == sum(b - a for a, b in symbol_runs(text)) and all(len(r) > SYMBOL_RUN for r in [left_out] if r)


@FUZZ
@given(name=st.text(max_size=300))
def test_iris_from_any_name_are_valid_and_deterministic(name):
    for make in (actor_iri, issue_iri, place_iri, article_iri, graph_iri):
        iri = str(make(name))
        assert iri == str(make(name)) and iri.isascii()
        ox.NamedNode(iri)  # raises on an invalid IRI
        parsed = list(ox.parse(f"<{iri}> <http://x/p> {ox.Literal(name)} .", format=ox.RdfFormat.N_TRIPLES))
        assert parsed[0].subject.value == iri and parsed[0].object.value == name
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(name))
    event = event_iri(name, name, None, "2025", name)
    ox.NamedNode(str(event))
    ox.NamedNode(str(assertion_iri(name, 0, 1, str(event))))


def check_contract(document: dict, text: str) -> None:
    assert set(document) == {"id", "events"} and isinstance(document["events"], list)
    for e in document["events"]:
        assert set(e) == {"actor", "action", "target", "quantity", "modality", "attributed_to", "time", "place",
                          "sentence", "start", "end", "confidence", "iri"}
        for role in ("actor", "target"):
            ref = e[role]
            if ref is not None:
                assert {"text", "label", "type", "country", "sector", "iri"} <= set(ref)
                assert isinstance(ref["label"], str) and ref["label"] and isinstance(ref["type"], str)
                assert ref["country"] is None or re.fullmatch(r"[A-Z]{3}", ref["country"])
                assert ref["iri"] is None or ox.NamedNode(ref["iri"])
        action = e["action"]
        assert {"text", "lemma", "type", "plover", "cameo", "acled", "acled_sub"} <= set(action)
        assert action["plover"] in PLOVER and re.fullmatch(r"\d{2,4}", action["cameo"])
        assert e["modality"] in MODALITIES
        assert e["time"] is None or (set(e["time"]) >= {"text", "value"} and (e["time"]["value"] is None or DATE.match(e["time"]["value"])))
        assert e["place"] is None or (e["place"]["country"] is None or re.fullmatch(r"[A-Z]{3}", e["place"]["country"]))
        assert isinstance(e["start"], int) and isinstance(e["end"], int) and 0 <= e["start"] < e["end"] <= len(text)
        # the offsets hold the sentence; they may take in whitespace before it (spaCy's first token)
        assert text[e["start"]:e["end"]].strip() == e["sentence"]
        assert 0 <= e["confidence"] <= 1 and ox.NamedNode(e["iri"])


@pytest.mark.slow
@pytest.mark.model
@settings(FUZZ, max_examples=300)
@given(text=any_text, published=st.sampled_from([None, "2025", "2025-08", "2025-08-04"]))
def test_extraction_of_any_text_is_contract_valid_json_and_stores(extractor, text, published):
    from kg.ingest.decode import clean_text
    from kg.rdf.quads import article_graph
    from kg.store.local import LocalStore

    article = Article(id="doc", text=clean_text(text), published=published)  # what the reader hands on
    events = extractor.events(article)
    document = {"id": article.id, "events": [e.contract() for e in events]}
    line = json.dumps(document, ensure_ascii=False)
    assert "\n" not in line and json.loads(line) == document
    check_contract(document, article.text)
    store = LocalStore.open(":memory:")
    quads = article_graph(article, events)
    assert store.replace_article(article.id, quads) == len(quads)
