"""The named queries answer analysts' questions on the Mali graph; parameters are bound, never pasted."""
import json

import pyoxigraph as ox
import pytest
from rdflib.query import Result
from typer.testing import CliRunner

from kg.errors import QueryError
from kg.sparql.binding import bind
from kg.sparql.named import list_queries, load_query
from kg.sparql.results import format_results
from kg.sparql.syntax import undeclared_prefix, where_brace

NAMED = {"who-did-what", "events-of-type", "actor-timeline", "denied-and-alleged", "contradictions",
         "corroboration", "events-by-place", "attribution-sources", "actor-network", "events-in-range"}


def table(graph, name, **params):
    names, rows = graph.named(name, params)
    return [{n: (t.value if t is not None else None) for n, t in zip(names, row)} for row in rows]


def test_every_named_query_has_a_header_and_declared_parameters():
    queries = {q.name: q for q in list_queries()}
    assert NAMED <= set(queries)
    for q in queries.values():
        assert q.description and q.description[0].isupper(), q.name
        assert "# Parameters:" in q.text, q.name
    assert [(p.name, p.required) for p in queries["actor-timeline"].parameters] == [("actor", True)]
    assert [(p.name, p.required) for p in queries["events-in-range"].parameters] == [("since", False), ("until", False)]
    assert [p.name for p in queries["events-by-place"].parameters] == ["country"]


@pytest.mark.model
def test_contradictions_find_the_reported_then_denied_arrests(mali_store):
    rows = table(mali_store, "contradictions")
    found = {(r["target"], r["claim"], r["claimed_by"], r["denied_by"]) for r in rows}
    assert ("Abass Dembele", "reported", "Initial reports", "close sources") in found
    assert ("Nema Sagara", "reported", "Initial reports", "close sources") in found
    assert all(r["action"] == "arrest or detention" for r in rows)
    dembele = next(r for r in rows if r["target"] == "Abass Dembele")
    assert "neither Dembele nor Sagara" in dembele["denial_sentence"]
    assert "Initial reports suggested" in dembele["claim_sentence"]


@pytest.mark.model
def test_corroboration_ranks_events_by_independent_sources(mali_store):
    rows = table(mali_store, "corroboration")
    assert int(rows[0]["sources"]) >= 2
    assert [int(r["sources"]) for r in rows] == sorted((int(r["sources"]) for r in rows), reverse=True)
    soldiers = [r for r in rows if r["action"] == "arrest or detention" and r["target"] == "Malian soldiers"]
    assert soldiers and "Sources" in soldiers[0]["cited"].split("; ")
    dembele = next(r for r in rows if r["target"] == "Abass Dembele")
    assert (dembele["claims"], dembele["denials"], dembele["cited"]) == ("1", "1", "Initial reports")


@pytest.mark.model
def test_actor_timeline_lists_an_actors_events_in_date_order(mali_store):
    rows = table(mali_store, "actor-timeline", actor="asimi goïta")
    dated = [(r["date"], r["role"], r["action"]) for r in rows if r["date"]]
    assert dated[:2] == [("2020", "agent", "coup d'etat"), ("2021", "agent", "coup d'etat")]
    assert rows[-1]["date"] is None or len(dated) == len(rows)  # undated events come last
    assert table(mali_store, "actor-timeline", actor="Goïta") == rows  # another name of the same actor
    targets = table(mali_store, "actor-timeline", actor="Abass Dembele")
    assert {(r["role"], r["modality"], r["source"]) for r in targets} >= {("target", "reported", "Initial reports"),
                                                                          ("target", "denied", "close sources")}


@pytest.mark.model
def test_events_by_place_groups_by_country_and_filters_on_it(mali_store):
    rows = table(mali_store, "events-by-place")
    mali = next(r for r in rows if r["place"] == "Mali")
    assert mali["country"] == "MLI" and float(mali["latitude"]) == pytest.approx(13.484, abs=3)
    assert int(mali["events"]) >= 1 and "Arrest" in mali["types"]
    assert table(mali_store, "events-by-place", country="MLI") == [r for r in rows if r["country"] == "MLI"]
    with pytest.raises(QueryError, match=r"no place in France \(FRA\) in the graph; its places are in MLI"):
        table(mali_store, "events-by-place", country="FRA")  # an answer that could only be empty


@pytest.mark.model
def test_attribution_sources_count_claims_by_modality(mali_store):
    rows = {r["source"]: r for r in table(mali_store, "attribution-sources")}
    assert (rows["close sources"]["denied"], rows["close sources"]["reported"]) == ("2", "0")
    assert rows["Initial reports"]["reported"] == "2"
    afp = rows["AFP"]
    assert int(afp["claims"]) == sum(int(afp[m]) for m in ("asserted", "reported", "alleged", "denied", "planned", "hypothetical"))
    assert int(afp["alleged"]) >= 1


@pytest.mark.model
def test_actor_network_sums_goldstein_scores_of_non_denied_events(mali_store):
    rows = {(r["actor"], r["target"]): r for r in table(mali_store, "actor-network")}
    relations = rows[("Malian government", "France")]
    assert (relations["events"], relations["net_goldstein"], relations["types"]) == ("1", "-5", "ReduceRelations")
    assert float(rows[("Malian military junta", "Malian political parties")]["net_goldstein"]) == -7.5
    assert all(t is not None for pair in rows for t in pair)
    assert not any("Dembele" in target for _, target in rows)  # only a denied arrest, and no agent


@pytest.mark.model
def test_events_in_range_compare_at_each_dates_precision(mali_store):
    def dates(**params):
        return sorted((r["date"], r["action"]) for r in table(mali_store, "events-in-range", **params))

    everything = dates()
    assert ("2020", "coup d'etat") in everything and ("2025-05", "ban or dissolution") in everything
    assert dates(since="2021", until="2025-05") == [d for d in everything if "2021" <= d[0] <= "2025-05"]
    assert dates(until="2020-06-30") == [("2020", "coup d'etat")]  # 2020 overlaps the first half of 2020
    assert ("2025-05", "ban or dissolution") in dates(since="2025-05-20")
    assert dates(since="2026") == []


@pytest.mark.model
def test_events_of_type_needs_its_parameter_and_refuses_unknown_ones(mali_store):
    with pytest.raises(QueryError, match="needs --param type="):
        mali_store.named("events-of-type")
    with pytest.raises(QueryError, match="has no parameter 'actor'"):
        mali_store.named("contradictions", {"actor": "x"})


@pytest.mark.model
def test_a_parameter_value_cannot_change_the_query(mali_store):
    hostile = 'x") } } SELECT * WHERE { ?s ?p ?o } #'
    with pytest.raises(QueryError, match="no actor 'x\"\\) } } SELECT"):
        table(mali_store, "actor-timeline", actor=hostile)
    assert mali_store.query(load_query("actor-timeline").text, {"actor": hostile})[1] == []
    text = bind(load_query("actor-timeline").text, {"actor": ox.Literal(hostile)})
    assert '\\"' in text or "'" in text


def test_bound_values_open_the_where_clause_so_filters_see_them():
    text = "# a { in a comment\nPREFIX x: <http://x/#{>\nSELECT (EXISTS { ?a ?b ?c } AS ?e) ?where WHERE { ?s ?p \"{\" }"
    assert text[where_brace(text):].startswith('{ ?s ?p "{"')
    assert where_brace("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") is None
    store = ox.Store()
    query = 'SELECT ?x WHERE { VALUES ?x { 1 2 3 } FILTER(?x >= ?min) }'
    bound = bind(query, {"min": ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))})
    assert [int(r["x"].value) for r in store.query(bound)] == [2, 3]


def test_undeclared_prefixes_are_found_outside_strings_iris_and_comments():
    assert undeclared_prefix('PREFIX a: <http://x/>\nSELECT * WHERE { ?x b:y "c:d" } # e:f') == ("b", 2, 21)
    assert undeclared_prefix('PREFIX : <http://x/>\nSELECT * WHERE { ?x :y <http://q:r/> FILTER(?z = "12:30") }') is None


@pytest.mark.model
def test_json_results_are_sparql_1_1_results_json(mali_store):
    names, rows = mali_store.named("corroboration")
    text = format_results(names, rows, "json")
    parsed = Result.parse(source=__import__("io").StringIO(text), format="json")
    assert [str(v) for v in parsed.vars] == names
    assert len(parsed.bindings) == len(rows)
    first = json.loads(text)["results"]["bindings"][0]
    assert first["sources"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert first["event"]["type"] == "uri"


runner = CliRunner()


@pytest.fixture(scope="module")
def store_path(mali_store):
    return mali_store.store.path


def test_cli_lists_queries_with_their_parameters():
    from kg.cli import app

    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for name in NAMED:
        assert name in result.output
    assert "--param actor=... (required)" in result.output
    assert "[since, until]" in result.output


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_cli_runs_a_named_query_with_parameters(store_path, fmt):
    from kg.cli import app

    result = runner.invoke(app, ["query", "--name", "actor-timeline", "--param", "actor=Asimi Goïta", "-f", fmt,
                                 "--store", store_path])
    assert result.exit_code == 0, result.output
    assert "coup d'etat" in result.stdout and "2020" in result.stdout


@pytest.mark.model
def test_cli_reports_a_malformed_query_with_line_and_column(store_path, tmp_path):
    from kg.cli import app

    bad = tmp_path / "bad.rq"
    bad.write_text("PREFIX kgo: <https://w3id.org/kg/ontology#>\nSELECT ?e WHERE {\n  ?e a kgx:Event .\n}\n")
    result = runner.invoke(app, ["query", "--file", str(bad), "--store", store_path])
    assert isinstance(result.exception, QueryError)
    assert str(result.exception) == f"{bad}: SPARQL syntax error at line 3, column 8: prefix 'kgx:' is not declared (add PREFIX kgx: <...>)"
    result = runner.invoke(app, ["query", "SELECT ?e WHERE {\n  ?e a ?t\n  FILTER(?t = )\n}", "--store", store_path])
    assert isinstance(result.exception, QueryError)
    assert str(result.exception).startswith("SPARQL syntax error at line ")
    assert ", column " in str(result.exception)


def test_iris_bind_as_iris_and_strings_as_literals():
    from rdflib import URIRef

    assert bind("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://x/a"), "o": "http://x/a"}) == \
        'SELECT * WHERE { VALUES (?s ?o) { (<http://x/a> "http://x/a") }  ?s ?p ?o }'


@pytest.mark.model
def test_a_denial_that_names_no_agent_pairs_with_the_claims_it_denies(tmp_path, extractor):
    from kg.api import KnowledgeGraph

    claim, denial, other = tmp_path / "claim.md", tmp_path / "denial.md", tmp_path / "other.md"
    claim.write_text("---\nsource: Gao Wire\n---\nRebels ambushed soldiers near Gao on 3 May 2025.\n", encoding="utf-8")
    denial.write_text("---\nsource: Army Radio\n---\nThe army denied that soldiers had been ambushed near Gao in May 2025.\n",
                      encoding="utf-8")
    other.write_text("---\nsource: Gao Wire\n---\nRebels ambushed soldiers near Gao on 3 June 2025.\n", encoding="utf-8")
    graph = KnowledgeGraph(":memory:")
    graph.build([claim, denial, other], extractor=extractor)
    rows = table(graph, "contradictions")
    assert [(r["actor"], r["target"], r["date"], r["claimed_by"], r["denied_by"]) for r in rows] == [
        ("insurgents", "soldiers", "2025-05-03", "Gao Wire", "The army")]  # not the June ambush: another date
    assert "denied that soldiers had been ambushed" in rows[0]["denial_sentence"]


def test_a_subquery_that_names_a_parameter_sees_its_value():
    store = ox.Store()
    for n in range(3):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{n}"), ox.NamedNode("http://x/p"), ox.Literal(str(n)), ox.DefaultGraph()))
    query = ('SELECT ?s ?seen WHERE { { SELECT ?s WHERE { ?s <http://x/p> ?o FILTER(STR(?o) = ?wanted) } } '
             'BIND(?wanted AS ?seen) }')
    rows = list(store.query(bind(query, {"wanted": ox.Literal("1")})))
    assert [(r["s"].value, r["seen"].value) for r in rows] == [("http://x/1", "1")]
    untouched = 'SELECT ?s WHERE { { SELECT ?s WHERE { ?s <http://x/p> "{ SELECT ?wanted }" } } FILTER(?s != ?wanted) }'
    assert bind(untouched, {"wanted": ox.Literal("1")}).count("VALUES") == 1  # the subquery never names it
