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
class Parameter:
    """A parameter a named query declares in its header: bound to the variable of the same name."""

    name: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``kg/queries``: its header says what it answers and which parameters it takes.

    Header format (comment lines before the query)::

        # What the query answers, in one line.
        # Parameters:
        #   ?name (required): what to give, e.g. name=value
        #   ?other: an optional parameter
    or ``# Parameters: none.``
    """

    name: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = ()

    def check(self, params: dict) -> None:
        """Refuse parameters the query does not declare and missing required ones."""
        known = {p.name for p in self.parameters}
        unknown = sorted(set(params) - known)
        if unknown:
            takes = ", ".join(sorted(known)) or "no parameters"
            raise QueryError(f"query {self.name} has no parameter {unknown[0]!r}; it takes: {takes}")
        missing = [p.name for p in self.parameters if p.required and p.name not in params]
        if missing:
            raise QueryError(f"query {self.name} needs --param {missing[0]}=...: {self._param(missing[0]).description}")

    def _param(self, name: str) -> Parameter:
        return next(p for p in self.parameters if p.name == name)


_PARAM = re.compile(r"^#\s+\?([A-Za-z_][A-Za-z0-9_]*)\s*(\(required\))?\s*:\s*(.*)$")


def list_queries(directory: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query with the first line of its header comment."""
    return [load_query(p.stem, directory) for p in sorted(directory.glob("*.rq"))]


def load_query(name: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """A named query by name; names are plain words, so lookup cannot leave the queries folder."""
    if not _NAME.match(name) or not (directory / f"{name}.rq").is_file():
        known = ", ".join(p.stem for p in sorted(directory.glob("*.rq")))
        raise QueryError(f"no named query {name!r}; known: {known}")
    text = (directory / f"{name}.rq").read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    description = header[0][1:].strip() if header else ""
    parameters = tuple(
        Parameter(m[1], m[3].strip(), bool(m[2])) for m in (_PARAM.match(line) for line in header) if m
    )
    return NamedQuery(name, description, text, parameters)


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
