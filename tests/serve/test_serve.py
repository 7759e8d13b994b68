"""``kg serve``: a real SPARQL client (SPARQLWrapper) against the running server, its safety rules
(loopback, read-only, token-guarded updates, no SERVICE, time limit, row cap), 50 clients at once,
and the query page in headless Chromium with hostile article text in the store."""
from __future__ import annotations

import csv
import io
import json
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from support.browser import WAIT
from support.data import MALI
from support.servers import kg_server

pytestmark = pytest.mark.model
KGO = "https://w3id.org/kg/ontology#"
EVENTS = f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a <{KGO}Event> }}"
PROBE = """---
title: "Probe <script>window.__pwned=1</script> <img src=x onerror=window.__pwned=1>"
published: 2025-06
source: "<b onmouseover=window.__pwned=1>wire</b>"
---
Rebels led by <img src=x onerror="window.__pwned=1"> attacked soldiers in the town of <script>window.__pwned=1</script> on 3 May 2025.
"""
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store(tmp_path_factory, extractor):
    import gc

    from kg.api import KnowledgeGraph

    folder = tmp_path_factory.mktemp("serve")
    (folder / "probe.md").write_text(PROBE, encoding="utf-8")
    graph = KnowledgeGraph(str(folder / "store"))
    graph.build([MALI, folder / "probe.md"], extractor=extractor)
    events = graph.store.count(f"?e a <{KGO}Event>")
    del graph
    gc.collect()  # close the store before a server opens it
    return folder / "store", events


@pytest.fixture(scope="module")
def server(store):
    with kg_server("--store", str(store[0]), "--max-rows", "40") as base:
        yield base


def sparql(base: str, query: str, fmt: str, method: str = "GET"):
    from SPARQLWrapper import CSV, GET, JSON, POST, TSV, XML, SPARQLWrapper

    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(query)
    client.setMethod(POST if method == "POST" else GET)
    client.setReturnFormat({"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV}[fmt])
    return client.query().convert()


def test_a_sparql_client_gets_every_result_format(server, store):
    events = store[1]
    assert int(sparql(server, EVENTS, "json")["results"]["bindings"][0]["n"]["value"]) == events
    assert int(sparql(server, EVENTS, "json", "POST")["results"]["bindings"][0]["n"]["value"]) == events
    document = sparql(server, EVENTS, "xml")
    literal = document.getElementsByTagName("literal")[0]
    assert int(literal.firstChild.data) == events
    table = list(csv.reader(io.StringIO(sparql(server, EVENTS, "csv").decode("utf-8"))))
    assert table == [["n"], [str(events)]]
    lines = sparql(server, EVENTS, "tsv").decode("utf-8").splitlines()
    assert lines[0] == "?n" and lines[1].startswith(f"{events}") or lines[1].startswith(f'"{events}"')
    assert sparql(server, f"ASK {{ ?e a <{KGO}Event> }}", "json")["boolean"] is True


def test_rdflib_sparqlstore_reads_the_graph(server):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(SPARQLStore(f"{server}/sparql"))
    labels = {str(o) for o in graph.objects(URIRef("https://w3id.org/kg/id/actor/asimi-goita"),
                                            URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert labels == {"Asimi Goïta"}


def get(url: str, *, data: bytes | None = None, headers: dict | None = None):
    """Status, headers (looked up without regard to case, as HTTP says) and body text."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8")


def post_form(url: str, fields: dict, headers: dict | None = None):
    return get(url, data=urllib.parse.urlencode(fields).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


def test_construct_named_queries_and_the_row_cap(server):
    status, headers, body = get(f"{server}/sparql?" + urllib.parse.urlencode(
        {"query": f"CONSTRUCT {{ ?e a <{KGO}Event> }} WHERE {{ ?e a <{KGO}Event> }}"}), headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle") and "kg/ontology#Event" in body
    status, _, body = get(f"{server}/named/actor-timeline?actor=Asimi%20Go%C3%AFta", headers={"Accept": "application/sparql-results+json"})
    rows = json.loads(body)["results"]["bindings"]
    assert status == 200 and {r["date"]["value"] for r in rows if "date" in r} >= {"2020", "2021"}
    status, _, body = get(f"{server}/named/actor-timeline")
    assert status == 400 and "needs --param actor" in body
    status, headers, body = get(f"{server}/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}),
                                headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 40


def test_federated_queries_and_updates_are_refused_on_a_read_only_server(server, store):
    for query in ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                  "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } } LIMIT 1"):
        status, _, body = post_form(f"{server}/sparql", {"query": query})
        assert status == 400 and "SERVICE" in body
    status, _, body = get(f"{server}/sparql?" + urllib.parse.urlencode({"query": 'SELECT ("SERVICE <x>" AS ?a) WHERE {}'}))
    assert status == 200  # the word inside a string is no federated call
    status, _, body = post_form(f"{server}/sparql", {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"},
                                headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 403 and "read-only" in body
    status, _, body = get(f"{server}/sparql?" + urllib.parse.urlencode({"query": "SELEC nothing"}))
    assert status == 400 and "syntax error" in body.lower()


def test_updates_need_allow_update_and_the_token(store, tmp_path):
    import subprocess
    import sys

    copy = tmp_path / "store"
    shutil.copytree(store[0], copy)
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:kg:a> <urn:kg:b> 'added' } }"
    ask = "ASK { <urn:kg:a> <urn:kg:b> 'added' }"
    with kg_server("--store", str(copy), "--allow-update", "--update-token", TOKEN) as base:
        assert post_form(f"{base}/sparql", {"update": insert})[0] == 403
        assert post_form(f"{base}/sparql", {"update": insert}, {"Authorization": "Bearer wrong"})[0] == 403
        status, _, body = get(f"{base}/sparql", data=b"INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                              headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 400 and "SERVICE" in body
        assert json.loads(get(f"{base}/sparql?query={urllib.parse.quote(ask)}")[2])["boolean"] is False
        status, _, _ = get(f"{base}/sparql", data=insert.encode(), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 204
        assert json.loads(get(f"{base}/sparql?query={urllib.parse.quote(ask)}")[2])["boolean"] is True
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(copy), "--allow-update", "--port", "0"],
                          capture_output=True, text=True, timeout=60, env={k: v for k, v in __import__("os").environ.items()
                                                                          if k != "KG_UPDATE_TOKEN"})
    assert proc.returncode != 0 and proc.stderr.strip() == "kg: --allow-update needs a token: give --update-token or set $KG_UPDATE_TOKEN"


def test_a_query_past_the_time_limit_gets_503(store):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with kg_server("--store", str(store[0]), "--timeout", "0.5") as base:
        status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": slow}))
        assert status == 503 and "time limit of 0.5 s" in body
        # the server still answers, once the process that replaces the killed one has started
        # (on a loaded machine that can take longer than the 0.5 s an answer may take)
        for _ in range(60):
            status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
            if status != 503 or "all busy" not in body:
                break
            time.sleep(0.5)
        assert status == 200, body


def test_binds_loopback_by_default(store):
    from kg.serve.http import make_server
    from kg.serve.service import ServeConfig

    server = make_server(ServeConfig(store=str(store[0]), port=0))
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.service.store.store is not None and not server.service.config.allow_update
    finally:
        server.server_close()
        server.service.close()


@pytest.mark.slow
def test_fifty_clients_at_once(server, store):
    from SPARQLWrapper import JSON, SPARQLWrapper

    def client(i: int) -> list[int]:
        counts = []
        for _ in range(4):
            wrapper = SPARQLWrapper(f"{server}/sparql")
            wrapper.setQuery(EVENTS if i % 2 else "SELECT ?a WHERE { ?a a <https://w3id.org/kg/ontology#Article> }")
            wrapper.setReturnFormat(JSON)
            rows = wrapper.query().convert()["results"]["bindings"]
            counts.append(int(rows[0]["n"]["value"]) if i % 2 else len(rows))
        return counts

    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(client, range(50)))
    assert all(counts == ([store[1]] * 4 if i % 2 else [2] * 4) for i, counts in enumerate(results))


@pytest.mark.browser
def test_the_query_page_shows_hostile_text_as_text(server, browser):
    context = browser.new_context()
    page = context.new_page()
    outside, errors = [], []
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
               else (outside.append(route.request.url), route.abort()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{server}/")
        page.wait_for_selector("#named option[value='who-did-what']", state="attached")
        page.select_option("#named", "who-did-what")
        assert "SELECT" in page.input_value("#query")
        page.click("#run")
        page.wait_for_selector("#results tbody tr")
        assert "Asimi Goïta" in page.inner_text("#results")
        page.select_option("#named", "")
        page.fill("#query", "SELECT ?text WHERE { { ?a <https://schema.org/headline> ?text } UNION "
                            "{ ?a <https://schema.org/publisher> ?text } UNION { ?a <https://w3id.org/kg/ontology#sentence> ?text } }")
        page.click("#run")
        page.wait_for_selector("#status:has-text('row(s)')")
        text = page.inner_text("#results")
        assert "<script>window.__pwned=1</script>" in text and "<img src=x onerror=window.__pwned=1>" in text
        assert "<b onmouseover=window.__pwned=1>wire</b>" in text
        assert page.evaluate("document.querySelectorAll('#results img, #results script, #results b').length") == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.select_option("#named", "actor-timeline")
        page.fill("#param-actor", "Asimi Goïta")
        page.click("#run")
        page.wait_for_selector("#status:has-text('row(s)')")
        assert "2021" in page.inner_text("#results")
        page.fill("#query", "SELEC broken")
        page.click("#run")
        page.wait_for_selector("#status.error")
        assert "syntax error" in page.inner_text("#status").lower()
        view = context.new_page()
        view.goto(f"{server}/view")
        view.evaluate(WAIT, "view")
        assert view.evaluate("kgView.nodes.get().some(n => n.label === 'Asimi Goïta')")
        assert view.evaluate("typeof window.__pwned") == "undefined"
        assert outside == [] and errors == [] and page.evaluate("window.__violations") == []
    finally:
        context.close()

