"""Bad input: every kind of bad file, JSONL line, date, store, query and option gets one line naming
the file (and line) with a documented exit code, no traceback, and nothing half-written; a build
over many files reports the bad ones at the end and still builds the good ones."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.data import MALI

from kg.errors import InputError
from kg.ingest.checks import guess_language
from kg.ingest.intake import Intake
from kg.ingest.limits import Limits
from kg.ingest.reader import read_articles, read_items
from kg.records import Article
from kg.store.local import LocalStore

PAGE = ("<!DOCTYPE html><html><head><title>Arrest in Bamako</title></head><body><article><p>"
        "Malian soldiers arrested the opposition leader in Bamako on Monday, his party said in a statement on Tuesday. "
        "The arrest followed weeks of protests against the junta in the capital and in other towns.</p></article></body></html>")
ENGLISH = "Malian soldiers arrested the opposition leader in Bamako on Monday, his party said in a statement on Tuesday.\n"
FRENCH = ("Des dizaines de soldats ont été arrêtés au Mali ces derniers jours, soupçonnés d'avoir préparé un coup d'État "
          "contre la junte militaire au pouvoir, selon des sources sécuritaires. Les généraux figurent parmi les personnes "
          "interpellées, a indiqué une source proche du dossier.")
SPANISH = ("Decenas de soldados han sido detenidos en Malí en los últimos días, sospechosos de haber preparado un golpe de "
           "Estado contra la junta militar en el poder, según fuentes de seguridad.")
GERMAN = ("Dutzende Soldaten sind in den vergangenen Tagen in Mali festgenommen worden, weil sie einen Staatsstreich gegen "
          "die regierende Militärjunta vorbereitet haben sollen, wie Sicherheitskreise mitteilten.")
ARABIC = "اعتقل عشرات الجنود في مالي خلال الأيام الماضية بتهمة التحضير لانقلاب ضد المجلس العسكري الحاكم، وفقا لمصادر أمنية."
RUSSIAN = "Десятки военных были задержаны в Мали по подозрению в подготовке государственного переворота против правящей хунты."
HTML_PAGE = "<!DOCTYPE html>\n<html lang=en><head><title>News</title></head><body><p>" + ENGLISH + "</p></body></html>\n"
TAG_SOUP = "".join(f'<div class="c{i}"><span><a href="/x/{i}">{w}</a></span></div>\n' for i, w in enumerate(ENGLISH.split() * 3))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
DOCX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml"
# Nine levels of aliases, nine each: 379 bytes that YAML would expand to 9**9 strings (a 700-byte one took 3.1 GB
# and 38 s, then a MemoryError traceback ended the build).
YAML_BOMB = ("---\na: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")) + "---\nSoldiers arrested the mayor.\n").encode()
LATIN1 = "Soldiers arrested the mayor.\nThe army said so.\nThe mayor of Ségou was held overnight.\n".encode("latin-1")

# name, content, the message, the line it names (None: the file as a whole)
BAD_FILES = [
    ("empty.txt", b"", "is empty: no article text to read", None),
    ("blank.txt", b"  \n\t\n   \n", "holds only whitespace: no article text to read", None),
    ("front-matter-only.md", b"---\ntitle: Nothing\n---\n", "is empty: no article text to read", None),
    ("scan.txt", PNG, "is a PNG image, not text", None),
    ("report.txt", PDF, "is a PDF document, not text: extract its text first, e.g. with pdftotext", None),
    ("brief.md", DOCX, "is a ZIP archive (or a Word, Excel, OpenDocument or EPUB file), not text", None),
    ("nul.txt", b"Soldiers\x00arrested\x00", "is a binary file, not text", None),
    ("latin1.txt", LATIN1, "is not UTF-8 text (byte 0xE9 at column 15; Latin-1 or Windows-1252?): convert it to UTF-8 first", 3),
    ("page.txt", HTML_PAGE.encode(), "looks like an HTML page, not article text", None),
    ("tag-soup.md", TAG_SOUP.encode(), "looks like an HTML page, not article text", None),
    ("french.txt", FRENCH.encode(), "looks like French (", None),
    ("spanish.txt", SPANISH.encode(), "looks like Spanish (", None),
    ("german.txt", GERMAN.encode(), "looks like German (", None),
    ("arabic.txt", ARABIC.encode(), "is written in Arabic script (100% of its letters), not English", None),
    ("russian.txt", RUSSIAN.encode(), "is written in Cyrillic script (100% of its letters), not English", None),
    ("bad-yaml.md", b"---\ntitle: [unclosed\npublished: 2025\n---\nSoldiers arrested the mayor.\n",
     "front matter is not valid YAML", 3),
    ("yaml-bomb.md", YAML_BOMB, "front matter uses a YAML anchor (&a): kg reads plain fields only", 2),
    ("yaml-alias.md", b"---\ntitle: *t\n---\nSoldiers arrested the mayor.\n", "front matter uses a YAML alias (*t)", 2),
    ("yaml-tag.md", b"---\ntitle: !!binary aGVsbG8=\n---\nSoldiers arrested the mayor.\n", "front matter uses a YAML tag", 2),
    ("yaml-nested.md", b"---\nx: [[[[[[1]]]]]]\n---\nSoldiers arrested the mayor.\n", "front matter nests fields deeper than a list", 2),
    ("yaml-long.md", b"---\ntitle: " + b"x" * 20_000 + b"\n---\nSoldiers arrested the mayor.\n",
     "front matter is 20,007 characters long; kg reads at most 16,384", 2),
    ("nested.txt", ENGLISH.encode() + b"(" * 10_000 + b"\n",
     "holds a run of 10,000 brackets, quotes or other symbols with no letter, digit or space (at character 110)", None),
    ("bad-date.md", b"---\npublished: August 2025\n---\nSoldiers arrested the mayor.\n",
     "published date 'August 2025' is not YYYY, YYYY-MM or YYYY-MM-DD", None),
    ("not-a-date.md", b"---\npublished: 2025-02-30\n---\nSoldiers arrested the mayor.\n",
     "published date '2025-02-30' is not a real date (day is out of range for month)", None),
    ("future.md", b"---\npublished: 2099-01-01\n---\nSoldiers arrested the mayor.\n",
     "published date '2099-01-01' is in the future (today is ", None),
]


def refusals(inputs, **kwargs) -> tuple[list, list[InputError]]:
    intake = Intake(**kwargs)
    return list(intake.articles(inputs)), intake.refused


@pytest.mark.parametrize("name, content, message, line", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_each_bad_file_is_refused_with_its_file_line_and_reason(tmp_path, name, content, message, line):
    path = tmp_path / name
    path.write_bytes(content)
    articles, refused = refusals([path])
    assert articles == [] and len(refused) == 1
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(refused[0]).startswith(where + message), str(refused[0])
    assert "\n" not in str(refused[0]) and refused[0].exit_code == 2


def test_a_yaml_bomb_is_refused_before_yaml_builds_anything(tmp_path):
    import tracemalloc

    path = tmp_path / "bomb.md"
    path.write_bytes(YAML_BOMB)
    tracemalloc.start()
    started = time.perf_counter()
    items = list(read_items([path]))
    seconds, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [str(i) for i in items] == [f"{path}:2: front matter uses a YAML anchor (&a): kg reads plain fields only "
                                       "(title: ..., published: ...)"]
    assert seconds < 0.5 and peak < 5 << 20


@pytest.mark.parametrize("text", [
    ENGLISH,
    MALI.read_text(encoding="utf-8"),
    "Rebels led by <img src=x onerror=alert(1)> attacked <script>alert(1)</script> the town on 3 May 2025.",
    ENGLISH + "The minister said: « " + FRENCH[:120] + " » before leaving.",
    "Police arrested five men.",  # too short to judge
])
def test_english_articles_pass_the_checks(tmp_path, text):
    path = tmp_path / "ok.md"
    path.write_text(text, encoding="utf-8")
    articles, refused = refusals([path])
    assert refused == [] and len(articles) == 1


@pytest.mark.parametrize("text", ["<!-- -->" * 600 + "x", "<!--" * 1000, "<div " * 50_000, ("<a " + "x" * 1999) * 100,
                                  "<?xml" * 1000, "'" * 100_000, "word's " * 50_000])
def test_the_checks_take_linear_time_on_hostile_text(screen, text):
    started = time.perf_counter()
    try:
        screen.check(Article(id="hostile", text=text))
    except InputError:
        pass
    assert time.perf_counter() - started < 0.5


@pytest.fixture(scope="module")
def screen():
    from kg.ingest.checks import Screen

    return Screen()


def test_language_guess_on_the_bundled_article_and_the_samples():
    assert guess_language(MALI.read_text(encoding="utf-8")).english
    assert guess_language("Soldiers arrested him.") is None
    assert (guess_language(FRENCH).language, guess_language(FRENCH).english) == ("French", False)
    assert guess_language(ARABIC).by_script and guess_language(ARABIC).language == "Arabic"


def test_utf16_with_a_byte_order_mark_is_read_not_refused(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))
    (article,) = read_articles([path])
    assert article.text == ENGLISH


def test_jsonl_bad_lines_are_each_named_and_the_good_lines_still_read(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": ENGLISH, "published": "2025-08-04"}),
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": {"x": 1}, "text": ENGLISH}),
        json.dumps({"id": "a", "text": "Rebels attacked a village."}),
        json.dumps({"id": "d", "text": ENGLISH, "published": "2025-13"}),
        json.dumps({"id": "e", "text": ENGLISH, "published": "2099-05"}),
        '["a", "list"]',
        "",
        json.dumps({"id": "f", "text": FRENCH}),
        json.dumps({"id": "g", "text": "Troops clashed with rebels near Gao on Tuesday, the army said.", "published": "2025"}),
    ]
    data = "\n".join(lines).encode("utf-8") + b'\n{"id": "h", "text": "S\xe9gou"}\n'
    path.write_bytes(data)
    articles, refused = refusals([path])
    assert [(a.id, a.line) for a in articles] == [("a", 1), ("g", 12)]
    assert [str(e).removeprefix(f"{path}:") for e in refused] == [
        "2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        '3: no "text" field with article text',
        '4: "text" holds no article text',
        '5: "id" must be a string or a number, not dict',
        f"6: duplicate id 'a': {path}:1 has it already",
        "7: published date '2025-13' is not a real date (month must be in 1..12)",
        f"8: published date '2099-05' is in the future (today is {time.strftime('%Y-%m-%d')})",
        "9: each line must be a JSON object",
        "11: looks like French (40% of its words are common French words), not English: not extracted, kg's pipeline reads English",
        "13: is not UTF-8 text (byte 0xE9 at column 23; Latin-1 or Windows-1252?): convert it to UTF-8 first",
    ]


def test_files_of_one_name_in_two_folders_get_ids_from_their_paths(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "news" / folder).mkdir(parents=True)
        (tmp_path / "news" / folder / "index.html").write_text(PAGE, encoding="utf-8")
        (tmp_path / "news" / folder / "report.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "news" / "top.md").write_text(ENGLISH, encoding="utf-8")
    articles, refused = refusals([tmp_path / "news"])
    assert refused == []
    assert [a.id for a in articles] == ["a/index", "a/report", "b/index", "b/report", "top"]
    articles, refused = refusals([str(tmp_path / "news" / "**" / "*.html")])  # a pattern: paths below its fixed part
    assert [a.id for a in articles] == ["a/index", "b/index"] and refused == []
    articles, refused = refusals([tmp_path / "news" / "a" / "index.html", tmp_path / "news" / "b" / "index.html",
                                  tmp_path / "news" / "top.md"])  # named one by one: as much path as tells them apart
    assert [a.id for a in articles] == ["a/index", "b/index", "top"] and refused == []


def test_the_same_id_given_twice_is_refused_the_second_time(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.md").write_text("---\nid: report\n---\n" + ENGLISH, encoding="utf-8")
    articles, refused = refusals([tmp_path])
    assert [a.path for a in articles] == [str(tmp_path / "a" / "report.md")]
    assert [str(e) for e in refused] == [f"{tmp_path / 'b' / 'report.md'}: duplicate id 'report': {tmp_path / 'a' / 'report.md'} has it already"]


def test_documents_kg_cannot_read_are_listed_as_skipped_and_page_assets_left_alone(tmp_path):
    (tmp_path / "news" / "page_files").mkdir(parents=True)
    (tmp_path / "news" / ".git").mkdir()
    (tmp_path / "news" / "good.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "news" / "brief.pdf").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "news" / "notes.docx").write_bytes(b"PK\x03\x04...")
    for asset in ("page_files/logo.png", "page_files/site.css", "page_files/app.js", ".DS_Store", ".git/HEAD"):
        (tmp_path / "news" / asset).write_bytes(b"\x89PNG...")
    articles, refused = refusals([tmp_path / "news"])
    assert [a.id for a in articles] == ["good"]
    assert [str(e) for e in refused] == [
        f"{tmp_path / 'news' / 'brief.pdf'}: skipped: a PDF document, which kg cannot read (.txt, .md, .jsonl and .html "
        "files are articles); extract its text first, e.g. with pdftotext",
        f"{tmp_path / 'news' / 'notes.docx'}: skipped: a Word document, which kg cannot read (.txt, .md, .jsonl and .html "
        "files are articles); save it as plain text first",
    ]
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "only.pdf").write_bytes(b"%PDF-1.7 ...")
    articles, refused = refusals([tmp_path / "papers"])
    assert articles == [] and [e.path for e in refused] == [str(tmp_path / "papers" / "only.pdf")]


def test_missing_paths_empty_folders_and_devices_are_named(tmp_path):
    (tmp_path / "empty-folder").mkdir()
    articles, refused = refusals([tmp_path / "nope.txt", tmp_path / "empty-folder", Path("/dev/null")])
    assert [str(e) for e in refused] == [f"{tmp_path / 'nope.txt'}: no such file or folder",
                                         f"{tmp_path / 'empty-folder'}: folder holds no .txt, .md, .jsonl or .html files",
                                         "/dev/null: is not a regular file"]


def test_control_characters_and_broken_surrogates_become_placeholders_of_the_same_length(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "x\\u0007", "text": "Soldiers\\u0000arrested\\u000bthe \\ud800 mayor.", "title": "T\\u001b[31m"}\n',
                    encoding="utf-8")
    (article,) = read_articles([path])
    assert article.text == "Soldiers arrested the \ufffd mayor." and article.id == "x " and article.title == "T [31m"


def test_strict_stops_at_the_first_bad_input(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(ENGLISH, encoding="utf-8")
    intake = Intake(strict=True)
    seen = []
    with pytest.raises(InputError, match="b.txt: is empty"):
        for article in intake.articles([tmp_path]):
            seen.append(article.id)
    assert seen == []  # all inputs are checked before the first article goes out


# Large inputs: refused unread, or parsed in pieces (see test_large_inputs.py for the parse).

def test_a_10_gb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 ** 3)  # sparse: reading it would take minutes and 10 GB
    started = time.perf_counter()
    articles, refused = refusals([path])
    assert time.perf_counter() - started < 1
    assert [str(e) for e in refused] == [f"{path}: is 10,737,418,240 bytes, too long for one article "
                                         "(limit 500,000 characters; --max-chars raises it)"]


def test_a_10_mb_article_and_a_million_character_line_are_refused_with_the_limit(tmp_path):
    ten_mb = tmp_path / "ten-mb.txt"
    ten_mb.write_text((ENGLISH * (10 * 1024 * 1024 // len(ENGLISH) + 1))[:10 * 1024 * 1024], encoding="utf-8")
    line = tmp_path / "one-line.txt"
    line.write_text((ENGLISH.strip() + " ") * (1_000_000 // len(ENGLISH)) + "x" * (1_000_000 % len(ENGLISH)), encoding="utf-8")
    assert len(line.read_text(encoding="utf-8")) == 1_000_000 and "\n" not in line.read_text(encoding="utf-8")
    articles, refused = refusals([ten_mb, line])
    assert [str(e) for e in refused] == [
        f"{ten_mb}: is 10,485,760 bytes, too long for one article (limit 500,000 characters; --max-chars raises it)",
        f"{line}: is 1,000,000 characters long, over the limit of 500,000 for one article (--max-chars raises it)",
    ]
    (article,) = read_articles([line], limits=Limits(max_chars=1_000_000))  # a raised limit lets it in
    assert len(article.text) == 1_000_000


def test_over_long_jsonl_lines_are_refused_and_the_next_line_still_read(tmp_path):
    path = tmp_path / "long.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "huge", "text": "x " * 1_100_000}) + "\n")  # 2.2 MB: never held whole
        handle.write(json.dumps({"id": "long", "text": "word " * 120_000}) + "\n")  # 600,000 characters
        handle.write(json.dumps({"id": "fine", "text": ENGLISH}) + "\n")
    articles, refused = refusals([path])
    assert [a.id for a in articles] == ["fine"]
    assert [str(e) for e in refused] == [
        f"{path}:1: line is longer than 2,000,000 bytes, too long for one article (limit 500,000 characters; --max-chars raises it)",
        f'{path}:2: "text" is 600,000 characters long, over the limit of 500,000 for one article (--max-chars raises it)',
    ]


def test_read_items_keeps_going_where_read_articles_stops(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(read_items([tmp_path]))
    assert isinstance(items[0], InputError) and items[1].id == "b"
    with pytest.raises(InputError, match="a.txt: is empty"):
        list(read_articles([tmp_path]))


# The command line: real processes, one line each, documented exit codes.

def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.mark.model
@pytest.mark.slow
def test_a_build_over_many_files_reports_the_bad_ones_at_the_end_and_builds_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content, _, _ in BAD_FILES:
        (folder / name).write_bytes(content)
    (folder / "a-good.md").write_text("---\npublished: 2025-08\n---\n" + ENGLISH, encoding="utf-8")
    (folder / "z-good.txt").write_text("Rebels attacked an army post near Gao on 3 May 2025, killing four soldiers.\n",
                                       encoding="utf-8")
    store = tmp_path / "store"
    result = kg("build", str(folder), "--store", str(store))
    assert result.returncode == 2
    assert result.stdout.startswith("built: 2 article(s)")
    lines = result.stderr.splitlines()
    assert len(lines) == len(BAD_FILES) + 1 and "Traceback" not in result.stderr
    for (name, _, message, line), printed in zip(sorted(BAD_FILES), lines):
        assert printed.startswith(f"kg: {folder / name}{':' + str(line) if line else ''}: {message}"), printed
    assert lines[-1] == f"kg: {len(BAD_FILES)} inputs refused (listed above); the other 2 article(s) were read and built"
    ids = kg("query", "SELECT ?id WHERE { ?a a <https://w3id.org/kg/ontology#Article> ; <https://schema.org/identifier> ?id } ORDER BY ?id",
             "--format", "csv", "--store", str(store))
    assert ids.stdout.split() == ["id", "a-good", "z-good"]

    strict_store = tmp_path / "strict"
    strict = kg("build", str(folder), "--strict", "--store", str(strict_store))
    assert strict.returncode == 2
    assert strict.stderr == f"kg: {folder / 'arabic.txt'}: is written in Arabic script (100% of its letters), not English: not extracted, kg's pipeline reads English\n"
    assert not strict_store.exists()  # every input is checked before anything is stored: no store, not even an empty one


def _one_line(result: subprocess.CompletedProcess, code: int, message: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stderr.startswith("kg: ") and message in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.model
@pytest.mark.slow
def test_stores_queries_formats_and_options_get_one_line_and_their_exit_code(tmp_path, mali_store):
    store = mali_store.store.path
    damaged = tmp_path / "damaged"
    LocalStore.open(damaged)  # a real store, then its manifest overwritten
    for manifest in damaged.glob("MANIFEST-*"):
        manifest.write_bytes(bytes(range(256)) * 4)
    elsewhere = tmp_path / "papers"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("mine")
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    quads = len(mali_store.store.store)
    cases = [
        (("stats", "--store", str(tmp_path / "none")), 4, f"no store at {tmp_path / 'none'} (nothing there): build one first with 'kg build'"),
        (("stats", "--store", str(damaged)), 4, f"store {damaged} is damaged and cannot be opened"),
        (("build", str(article), "--store", str(elsewhere)), 4, f"{elsewhere} is a folder of other files, not a kg store"),
        (("query", "SELECT ?s WHERE { ?s ?p }", "--store", store), 5, "SPARQL syntax error at line 1, column 26 (at the end)"),
        (("query", "DROP ALL", "--store", store), 5, "SPARQL syntax error"),
        (("query", "--name", "nope", "--store", store), 5, "no named query 'nope'; known: acled-events, actor-network"),
        (("query", "--name", "../../../../etc/passwd", "--store", store), 5, "no named query '../../../../etc/passwd'"),
        (("query", "--name", "who-did-what", "--format", "xml", "--store", store), 5, "unknown result format 'xml'"),
        (("query", "SELECT * WHERE {}", "--name", "who-did-what", "--store", store), 2, "give exactly one of"),
        (("export", "--format", "docx", "--store", store), 2, "unknown export format 'docx'; use one of ttl, trig"),
        (("extract", str(article), "--format", "xml"), 2, "unknown format 'xml'; use jsonl or table"),
        (("extract", str(article), "--published", "2099-01-01"), 2, "--published: published date '2099-01-01' is in the future"),
        (("import", str(tmp_path / "none.ttl"), "--store", str(tmp_path / "s2")), 2, "none.ttl: no such file"),
    ]
    processes = [(subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True), code, message) for args, code, message in cases]
    for process, code, message in processes:
        stdout, stderr = process.communicate(timeout=300)
        _one_line(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr), code, message)
    assert [p.name for p in elsewhere.iterdir()] == ["notes.txt"]  # kg wrote nothing into a folder that is not a store
    assert len(mali_store.store.store) == quads  # DROP ALL did nothing


@pytest.mark.slow
@pytest.mark.model
def test_extract_writes_the_good_documents_and_names_the_bad(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": ENGLISH}) + "\n{oops\n" + json.dumps({"id": "b", "text": FRENCH}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = kg("extract", str(docs), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"kg: {docs}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"kg: {docs}:3: looks like French (40% of its words are common French words), not English: not extracted, kg's pipeline reads English",
        "kg: 2 inputs refused (listed above); the others were extracted",
    ]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a"]
    nothing = kg("extract", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "none.jsonl"))
    _one_line(nothing, 2, "missing.jsonl: no such file or folder")
    assert not (tmp_path / "none.jsonl").exists()  # nothing half-written


def test_the_script_of_a_text_counts_every_letter_by_its_unicode_name():
    import unicodedata
    from collections import Counter

    from kg.ingest.checks import script_of

    def by_name(text: str) -> tuple[str, float]:
        scripts = Counter(unicodedata.name(ch, "UNKNOWN").split(" ")[0] for ch in text if ch.isalpha())
        if not scripts:
            return "NONE", 0.0
        (script, count), = scripts.most_common(1)
        return script, count / scripts.total()

    texts = ["Soldiers arrested the mayor of Gao.", "Le général Goïta a été reçu à Bamako.",
             "Москва заявила, что войска отошли от Харькова (Kharkiv).", "القوات السودانية سيطرت على الفاشر 2024",
             "北京 said 军队 had withdrawn.", "123 !!! ...", "", "Ωμέγα and ǅemal ß ﬁ İstanbul", "ａｂｃ full-width"]
    for text in texts:
        assert script_of(text) == by_name(text), text
