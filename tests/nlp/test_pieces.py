"""Long articles are parsed in pieces: cuts fall at paragraph, line, sentence or word breaks, the
pieces cover the text exactly, evidence offsets point into the whole article, and a long single
line is parsed in bounded memory."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from support.data import MALI

from kg.ingest.checks import SYMBOL_RUN
from kg.nlp.pieces import batches, cut_points, pieces_of, spans
from kg.records import Article


def pieces(text: str, size: int) -> list[str]:
    starts = cut_points(text, size)
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


def test_cuts_prefer_paragraphs_then_lines_then_sentences_then_spaces():
    assert pieces("a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 20, 100) == ["a" * 60 + "\n\n", "b" * 30 + "\n" + "c" * 20]
    assert pieces("a" * 60 + "\n" + "b" * 30 + ". " + "c" * 20, 100) == ["a" * 60 + "\n", "b" * 30 + ". " + "c" * 20]
    assert pieces("a a. " * 12 + "b" * 50, 100) == ["a a. " * 12, "b" * 50]
    assert pieces("word " * 30, 100) == ["word " * 20, "word " * 10]
    assert pieces("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]  # one endless token: hard cuts
    assert pieces("short", 100) == ["short"]


@pytest.mark.parametrize("size", [7, 50, 333, 5000])
def test_pieces_cover_the_text_exactly_and_keep_their_size(size):
    text = MALI.read_text(encoding="utf-8") * 3
    parts = pieces(text, size)
    assert "".join(parts) == text and all(0 < len(p) <= size for p in parts)


def test_batches_never_put_two_long_pieces_together():
    article = Article(id="long", text="word " * 10_000)
    pairs = list(pieces_of([article, Article(id="a", text="x"), Article(id="b", text="y")], 10_000))
    grouped = list(batches(pairs, 10_000, 32))
    assert [len(b) for b in grouped] == [1, 1, 1, 1, 1, 2]
    assert [p.last for _, p in pairs] == [False, False, False, False, True, True, True]


@pytest.mark.model
def test_events_of_a_piecewise_parse_point_into_the_whole_article(rules, extractor):
    from kg.extraction.extractor import Extractor
    from kg.ingest.reader import read_articles

    article = next(read_articles([MALI]))
    whole = extractor.events(article)
    for size in (1500, 400):
        events = Extractor(rules=rules, nlp=extractor.nlp, piece_chars=size).events(article)
        assert all(article.text[e.start:e.end] == e.sentence for e in events)
        assert all(article.text[r.start:r.end] == r.text for e in events for r in (e.actor, e.target) if r and not r.pronoun)
        assert {e.action.type for e in events} == {e.action.type for e in whole}


PEAK = """
import resource, runpy, sys
sys.argv = ["kg", *sys.argv[1:]]
try:
    runpy.run_module("kg.cli", run_name="__main__")
except SystemExit as exit:
    code = exit.code
else:
    code = 0
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.model
@pytest.mark.slow
def test_a_300000_character_line_is_parsed_in_pieces_in_bounded_memory(tmp_path):
    sentences = MALI.read_text(encoding="utf-8").split("---\n", 2)[2].replace("\n", " ")
    text = (sentences * (300_000 // len(sentences) + 1))[:300_000]
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, "extract", str(path)], capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    peak_mb = int(result.stderr.split()[-1])
    (document,) = [json.loads(line) for line in result.stdout.splitlines()]
    ends = [e["end"] for e in document["events"]]
    assert max(ends) > 290_000  # the end of the line was parsed too
    assert all(text[e["start"]:e["end"]] == e["sentence"] for e in document["events"])
    assert peak_mb < 800  # parsed whole, this line takes over 1,000 MB (in pieces: 370 MB alone, 740 on a busy machine)
    print(f"\nfigures: 300,000-character line: {len(document['events'])} events, {seconds:.1f} s, peak {peak_mb} MB")


def test_runs_of_symbols_are_left_out_of_the_pieces():
    text = "Soldiers arrested him (" + "(" * 5000 + ") on Monday.\n" + "=" * 80 + "\nRebels fled."
    parts = [text[a:b] for a, b in spans(text, 1000)]
    assert parts == ["Soldiers arrested him ", " on Monday.\n" + "=" * 80 + "\nRebels fled."]  # a separator line stays
    pairs = list(pieces_of([Article(id="a", text=text)], 1000))
    assert [(p.offset, p.last) for _, p in pairs] == [(0, False), (5024, True)]
    assert [text[p.offset:p.offset + len(t)] for t, p in pairs] == [t for t, _ in pairs]  # offsets point into the article
    only = list(pieces_of([Article(id="b", text='("' * 3000)], 100))
    assert [(t, p.offset, p.last) for t, p in only] == [("", 0, True)]  # the article still comes through, with nothing to parse


SHAPES = ["(", '("', "'", "!?", "=", ":)", "🔥", "( ", "(a "]


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("unit", SHAPES)
def test_parsing_takes_linear_time_on_nested_brackets_and_runs_of_symbols(extractor, unit):
    """Four times the text takes about four times as long, not sixteen (10,000 parentheses took
    9.4 s where 5,000 took 2.5 s, and 8,000 '("' 11 s, all in the tokenizer)."""
    from kg.nlp.pieces import parse_in_pieces

    def seconds(n: int) -> float:
        article = Article(id="nested", text="Soldiers arrested the mayor " + unit * n + " in Bamako on Monday.")
        started = time.perf_counter()
        for _ in parse_in_pieces(extractor.nlp, [article], 50_000):
            pass
        return time.perf_counter() - started

    seconds(100)  # warm up
    small, large = seconds(1_500), seconds(6_000)
    print(f"\nfigures: {unit!r} x 1,500: {small:.2f} s, x 6,000: {large:.2f} s")
    assert large < 8 * max(small, 0.1)  # linear: 4 times; quadratic: 16
