"""Named SPARQL queries (``kg/queries/*.rq``) and result formatting (table, CSV, JSON, TSV)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


def list_queries(directory: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query with the first line of its header comment."""
    return [load_query(p.stem, directory) for p in sorted(directory.glob("*.rq"))]


def load_query(name: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """A named query by name; names are plain words, so lookup cannot leave the queries folder."""
    if not _NAME.match(name) or not (directory / f"{name}.rq").is_file():
        known = ", ".join(p.stem for p in sorted(directory.glob("*.rq")))
        raise QueryError(f"no named query {name!r}; known: {known}")
    text = (directory / f"{name}.rq").read_text(encoding="utf-8")
    comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    return NamedQuery(name, comments[0] if comments else "", text)


def parse_params(params: list[str]) -> dict[str, ox.Literal]:
    """``k=v`` pairs as literals to bind to ``?k``."""
    bound = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
            raise QueryError(f"parameter {item!r} is not name=value")
        bound[key] = ox.Literal(value)
    return bound


def term_text(term) -> str:
    if term is None:
        return ""
    return term.value


def rows_of(solutions) -> tuple[list[str], list[list]]:
    """Variable names and rows of raw terms from a SELECT result."""
    names = [v.value for v in solutions.variables]
    return names, [[row[name] for name in names] for row in solutions]


def format_results(names: list[str], rows: list[list], fmt: str) -> str:
    """Results as csv, tsv, json (SPARQL 1.1 Query Results JSON) or plain text for non-terminals."""
    if fmt == "csv" or fmt == "tsv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([term_text(t) for t in row])
        return out.getvalue()
    if fmt == "json":
        bindings = []
        for row in rows:
            binding = {}
            for name, term in zip(names, row):
                if term is None:
                    continue
                if isinstance(term, ox.NamedNode):
                    binding[name] = {"type": "uri", "value": term.value}
                elif isinstance(term, ox.Literal):
                    item = {"type": "literal", "value": term.value}
                    if term.language:
                        item["xml:lang"] = term.language
                    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                        item["datatype"] = term.datatype.value
                    binding[name] = item
                else:
                    binding[name] = {"type": "bnode", "value": term.value}
            bindings.append(binding)
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    raise QueryError(f"unknown result format {fmt!r}; use table, csv, tsv or json")
