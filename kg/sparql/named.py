"""Named SPARQL queries (``kg/sparql/queries/*.rq``): what each answers, the parameters it takes, and
parameters given on the command line as ``name=value``."""
from __future__ import annotations

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

        # What the query answers, on one line or several.
        # Parameters:
        #   ?name (required): what to give, e.g. name=value
        #   ?other: an optional parameter
    or ``# Parameters: none.``; comment lines after the parameters are notes on the answer.
    """

    name: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = ()
    notes: str = ""

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
    lines = [line[1:].strip() for line in header]
    at = next((i for i, line in enumerate(lines) if line.startswith("Parameters:")), len(lines))
    description = " ".join(line for line in lines[:at] if line)
    parameters = tuple(
        Parameter(m[1], m[3].strip(), bool(m[2])) for m in (_PARAM.match(line) for line in header[at:]) if m
    )
    notes = " ".join(line for line, raw in zip(lines[at + 1:], header[at + 1:]) if line and not _PARAM.match(raw))
    return NamedQuery(name, description, text, parameters, notes)


def parse_params(params: list[str]) -> dict[str, ox.Literal]:
    """``k=v`` pairs as literals to bind to ``?k``."""
    bound = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
            raise QueryError(f"parameter {item!r} is not name=value")
        bound[key] = ox.Literal(value)
    return bound
