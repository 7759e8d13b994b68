"""What a public SPARQL endpoint refuses before running a request: federated ``SERVICE`` calls
(the server would fetch from other hosts on a caller's behalf) and updates sent as queries.

The request is parsed with rdflib's SPARQL 1.1 grammar and its parse tree searched for a
``ServiceGraphPattern``; text that grammar cannot read is scanned token by token instead (strings,
IRIs and comments skipped), where the keyword ``SERVICE`` can mean nothing but a federated call.
"""
from __future__ import annotations

import re

from kg.errors import QueryError
from kg.sparql.syntax import mask

_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def uses_service(sparql: str, *, update: bool = False) -> bool:
    """Whether ``sparql`` (a query, or an update with ``update``) holds a ``SERVICE`` pattern."""
    from rdflib.plugins.sparql import parser

    try:
        tree = parser.parseUpdate(sparql) if update else parser.parseQuery(sparql)
    except Exception:  # noqa: BLE001 - any grammar failure: fall back to the token scan
        return bool(_SERVICE.search(mask(sparql)))
    return _has_service(tree)


def _has_service(node) -> bool:
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_service(v) for v in node)
    return False


def check_request(sparql: str, *, update: bool = False) -> None:
    """Raise :class:`QueryError` for a request the endpoint does not run."""
    if uses_service(sparql, update=update):
        raise QueryError("federated queries (SERVICE) are disabled on this endpoint")
