"""Exports load anywhere and come back whole: RDF round-trips through kg import, the actor network
reads back in networkx, the events table reads back with the csv module."""
import csv
import io
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.api import KnowledgeGraph
from kg.errors import InputError, KgError
from kg.export.events_csv import COLUMNS
from kg.files import atomic_write
from kg.network.graphs import actor_multigraph, dyads
from kg.rdf.iris import ONTOLOGY_GRAPH, import_graph_iri

ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))


def data_quads(graph):
    return {q for q in graph.store.store if q.graph_name != ONTOLOGY}


@pytest.mark.model
def test_the_store_holds_no_blank_nodes(mali_store):
    assert not any(isinstance(t, ox.BlankNode) for q in data_quads(mali_store) for t in (q.subject, q.object))


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_dataset_exports_round_trip_quad_for_quad(mali_store, tmp_path, fmt):
    path = mali_store.export(fmt, tmp_path / f"mali.{fmt}")
    fresh = KnowledgeGraph(":memory:")
    summary = fresh.import_rdf(path)
    assert data_quads(fresh) == data_quads(mali_store)
    assert summary.quads == len(data_quads(mali_store))
    assert summary.default_graph not in summary.graphs  # every quad had its own graph


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_triple_exports_round_trip_into_the_import_graph(mali_store, tmp_path, fmt):
    path = mali_store.export(fmt, tmp_path / f"mali.{fmt}")
    fresh = KnowledgeGraph(":memory:")
    summary = fresh.import_rdf(path)
    assert summary.graphs == [str(import_graph_iri(f"mali.{fmt}"))] == [summary.default_graph]
    assert {q.triple for q in data_quads(fresh)} == {q.triple for q in data_quads(mali_store)}


@pytest.mark.model
def test_turtle_export_is_isomorphic_to_the_store_for_rdflib(mali_store, tmp_path):
    path = mali_store.export("ttl", tmp_path / "mali.ttl")
    exported = rdflib.Graph().parse(path, format="turtle")
    nt = mali_store.export("nt", tmp_path / "mali.nt")
    assert isomorphic(exported, rdflib.Graph().parse(nt, format="nt"))
    fresh = KnowledgeGraph(":memory:")
    fresh.import_rdf(path)
    again = fresh.export("ttl", tmp_path / "again.ttl")
    assert isomorphic(exported, rdflib.Graph().parse(again, format="turtle"))


@pytest.mark.model
def test_reimporting_a_file_replaces_its_graph_and_graph_can_be_chosen(mali_store, tmp_path):
    path = mali_store.export("nt", tmp_path / "mali.nt")
    fresh = KnowledgeGraph(":memory:")
    fresh.import_rdf(path)
    count = len(data_quads(fresh))
    fresh.import_rdf(path)
    assert len(data_quads(fresh)) == count
    fresh.import_rdf(path, graph="https://example.org/graph/mine")
    assert len(data_quads(fresh)) == 2 * count
    graphs = {q.graph_name.value for q in data_quads(fresh)}
    assert graphs == {str(import_graph_iri("mali.nt")), "https://example.org/graph/mine"}


def test_bad_rdf_is_one_line_with_position_and_loads_nothing(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e ex:f ;\n  ex:g \"unterminated .\n")
    store = str(tmp_path / "store")
    result = CliRunner().invoke(__import__("kg.cli", fromlist=["app"]).app, ["import", str(good), "--store", store])
    assert result.exit_code == 0 and "imported 1 quads" in result.stdout
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "import", str(bad), "--store", store],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"kg: {bad}:4:8: not valid Turtle: Unexpected end of file"]
    graph = KnowledgeGraph(store, read_only=True)
    assert {(q.subject.value, q.graph_name.value) for q in data_quads(graph)} == {
        ("http://example.org/a", str(import_graph_iri("good.ttl")))}


@pytest.mark.parametrize("name, content, message", [
    ("x.csv", "a,b\n", "cannot tell the RDF format from the extension '.csv'"),
    ("missing.ttl", None, "no such file"),
    ("bad.nq", "<http://a> <http://b> <http://c> <http://g> extra .\n", "bad.nq:1:"),
    ("bad.jsonld", '{"@id": "http://a", "http://b": [1, }', "bad.jsonld:1:37: not valid JSON-LD"),
])
def test_import_errors_say_what_and_where(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    graph = KnowledgeGraph(":memory:")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        graph.import_rdf(path)
    assert data_quads(graph) == set()


@pytest.mark.model
def test_graphml_holds_one_edge_per_claim_with_its_sentence(mali_store, tmp_path):
    path = mali_store.export("graphml", tmp_path / "mali.graphml")
    read = nx.read_graphml(path, force_multigraph=True)
    expected = actor_multigraph(mali_store.store)
    assert read.is_directed() and read.is_multigraph()
    assert (read.number_of_nodes(), read.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    labels = {data["label"] for _, data in read.nodes(data=True)}
    assert {"Asimi Goïta", "Malian military junta", "Malian political parties"} <= labels
    junta = next(n for n, d in read.nodes(data=True) if d["label"] == "Malian military junta")
    assert (read.nodes[junta]["type"], read.nodes[junta]["country"]) == ("MilitaryGovernment", "MLI")
    bans = [d for _, _, d in read.edges(data=True) if d["type"] == "Ban"]
    assert bans and bans[0]["date"] == "2025-05" and "disbanded all political parties" in bans[0]["sentence"]
    assert bans[0]["goldstein"] == -7.5


@pytest.mark.model
def test_gexf_holds_weighted_dyads_with_date_spells(mali_store, tmp_path):
    path = mali_store.export("gexf", tmp_path / "mali.gexf")
    read = nx.read_gexf(path)
    claims = actor_multigraph(mali_store.store)
    assert read.number_of_nodes() == claims.number_of_nodes()
    assert read.number_of_edges() == dyads(claims).number_of_edges()
    assert read.graph["mode"] == "dynamic"
    labels = {n: d["label"] for n, d in read.nodes(data=True)}
    ban = next(d for u, v, d in read.edges(data=True)
               if (labels[u], labels[v]) == ("Malian military junta", "Malian political parties"))
    assert ban["spells"] == [("2025-05-01", "2025-05-31")]
    assert (ban["weight"], ban["score"], ban["types"]) == (1.0, -7.5, "Ban")


@pytest.mark.model
def test_csv_has_acled_columns_and_only_events_said_to_have_happened(mali_store, tmp_path):
    path = mali_store.export("csv", tmp_path / "mali.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        rows = list(reader)
    assert COLUMNS[:12] == ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
                            "location", "latitude", "longitude", "notes", "source"]
    ban = next(r for r in rows if r["kg_event_type"] == "Ban")
    assert (ban["event_date"], ban["event_type"], ban["sub_event_type"], ban["actor1"], ban["actor2"]) == (
        "2025-05", "Strategic developments", "Change to group/activity", "Malian military junta", "Malian political parties")
    assert "disbanded all political parties" in ban["notes"]
    placed = [r for r in rows if r["location"] == "Mali"]
    assert placed and placed[0]["country"] == "Mali" and float(placed[0]["latitude"]) and float(placed[0]["longitude"])
    dembele = next(r for r in rows if r["actor2"] == "Abass Dembele")
    assert set(dembele["modality"].split(", ")) == {"reported", "denied"}
    assert "Initial reports" in dembele["source"]
    assert all(set(r["modality"].split(", ")) & {"asserted", "reported", "alleged"} for r in rows)
    assert len({r["event"] for r in rows}) == len(rows)
    assert [r["event_date"] for r in rows if r["event_date"]] == sorted(r["event_date"] for r in rows if r["event_date"])


def test_export_replaces_a_file_whole_or_not_at_all(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old", encoding="utf-8")

    def failing(handle):
        handle.write(b"half of a new file")
        raise OSError("disk full")

    with pytest.raises(KgError, match="cannot write .*out.ttl: disk full"):
        atomic_write(target, failing)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
    atomic_write(target, lambda handle: handle.write(b"new"))
    assert target.read_text(encoding="utf-8") == "new"


@pytest.mark.model
def test_cli_exports_every_format(mali_store, tmp_path):
    from kg.cli import app

    runner = CliRunner()
    for fmt in ("ttl", "trig", "nt", "nq", "jsonld", "graphml", "gexf", "csv"):
        out = tmp_path / f"g.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--store", mali_store.store.path])
        assert result.exit_code == 0, (fmt, result.output)
        assert out.stat().st_size > 1000, fmt
    result = runner.invoke(app, ["export", "--format", "xls", "--store", mali_store.store.path])
    assert "unknown export format 'xls'" in str(result.exception)
    result = runner.invoke(app, ["export", "--format", "csv", "--store", mali_store.store.path])
    assert next(csv.reader(io.StringIO(result.stdout))) == COLUMNS


def _csv_rows(graph, tmp_path, **options) -> list[dict]:
    path = graph.export("csv", tmp_path / "events.csv", **options)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_country_comes_from_the_place_else_the_actors_else_the_article(sahel, tmp_path):
    rows = {(r["kg_event_type"], r["actor1"], r["actor2"], r["event_date"]): r for r in _csv_rows(sahel, tmp_path)}
    assert rows[("Arrest", "Malian soldiers", "Moussa Mara", "2025-08-03")]["country"] == "Mali"  # Bamako's
    assert rows[("Attack", "JNIM", "Burkinabe army", "2025-08-05")]["country"] == "Burkina Faso"  # Djibo's
    assert rows[("Ban", "Malian military junta", "Malian political parties", "2025-08-05")]["country"] == "Mali"  # no place: the actors'
    assert rows[("ProvideAid", "Russia", "Malian military junta", "")]["country"] == "Russia"  # the agent's first
    assert rows[("Threaten", "JNIM", "ECOWAS", "")]["country"] == "Burkina Faso"  # neither has one: the article's
    assert ("Sanction", "ECOWAS", "Nigerien military junta", "") not in rows  # only planned


def test_csv_time_precision_and_the_publication_date_only_when_asked(sahel, tmp_path):
    rows = _csv_rows(sahel, tmp_path)
    threat = next(r for r in rows if r["kg_event_type"] == "Threaten")
    assert [(r["event_date"], r["time_precision"], r["kg_date_source"]) for r in rows if r["event_date"]] == \
        [(r["event_date"], "1", "text") for r in rows if r["event_date"]]
    assert (threat["event_date"], threat["time_precision"], threat["kg_date_source"]) == ("", "", "")
    fallback = _csv_rows(sahel, tmp_path, date_fallback="published")
    threat = next(r for r in fallback if r["kg_event_type"] == "Threaten")
    assert (threat["event_date"], threat["time_precision"], threat["kg_date_source"]) == ("2025-08-07", "3", "published")
    assert next(r for r in fallback if r["kg_event_type"] == "ProvideAid")["event_date"] == ""  # its article has no date either
    dated = [r["event_date"] for r in fallback if r["event_date"]]
    assert dated == sorted(dated) and len(dated) == len(fallback) - 1


def test_csv_precision_follows_the_date_the_text_gives():
    from kg.export.events_csv import PRECISION

    assert [PRECISION[len(d)] for d in ("2025-08-03", "2025-08", "2025")] == ["1", "2", "3"]


def test_date_fallback_is_checked(sahel, tmp_path):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="unknown --date-fallback 'today'; use published"):
        sahel.export("csv", tmp_path / "x.csv", date_fallback="today")
    with pytest.raises(UsageError, match="--date-fallback is for --format csv, not ttl"):
        sahel.export("ttl", tmp_path / "x.ttl", date_fallback="published")
    assert not (tmp_path / "x.csv").exists()
