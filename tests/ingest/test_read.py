import json

import pytest
from support.data import MALI

from kg.errors import InputError
from kg.ingest.published import normalise_published
from kg.ingest.reader import read_articles


def test_front_matter_gives_title_and_month_precision_date():
    article = next(read_articles([MALI]))
    assert article.id == "mali-coup-plot"
    assert article.title == "Mali's Military Faces Internal Turmoil Amid Coup Allegations"
    assert article.published == "2025-08"
    assert article.text.startswith("Sources indicate that dozens of soldiers")
    assert "---" not in article.text


def test_text_is_kept_unchanged():
    seed = MALI.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert next(read_articles([MALI])).text == seed


def test_jsonl_documents_in_order(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Police arrested five men.", "published": "2024-03-02"}) + "\n\n"
        + json.dumps({"id": "b", "text": "Rebels attacked a village."}) + "\n",
        encoding="utf-8",
    )
    articles = list(read_articles([path], published="2024"))
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].published == "2024-03-02"
    assert articles[1].published == "2024"


def test_folder_reads_every_article(tmp_path):
    (tmp_path / "one.txt").write_text("Troops clashed with rebels.", encoding="utf-8")
    (tmp_path / "two.md").write_text("---\ntitle: Two\n---\nProtesters marched.", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["one", "two"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"   \n\t\n", "holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not text"),
        ("Soldats arrêtés à Bamako".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_text_files_are_refused_with_the_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        list(read_articles([path]))
    assert str(path) in str(info.value)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([tmp_path / "nope.txt"]))


def test_jsonl_line_that_is_not_json_names_its_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "fine"}\n{not json}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"docs.jsonl:2: not valid JSON"):
        list(read_articles([path]))


def test_jsonl_without_text_and_duplicate_ids(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r":1: no \"text\""):
        list(read_articles([path]))
    path.write_text('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="duplicate id 'a'"):
        list(read_articles([path]))


@pytest.mark.parametrize("value, expected", [("2025", "2025"), ("2025-08", "2025-08"), ("2025-08-14T10:00:00Z", "2025-08-14")])
def test_published_keeps_its_precision(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["August 2025", "2025-13", "2025-02-30", "yesterday"])
def test_malformed_published_is_refused(value):
    with pytest.raises(InputError):
        normalise_published(value)
