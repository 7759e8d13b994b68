"""What a SPARQL request must pass before it reaches the engine: a bounded shape, and no federated
``SERVICE`` call (the engine would fetch from other hosts on a caller's behalf).

The shape is checked first, by a linear scan that cannot be slow or crash: the query's size, how
deep its brackets nest, and how many operators and clauses it chains (``UNION``, ``OPTIONAL``,
``BIND``, ``+``, ``||``, path steps...). Oxigraph builds its algebra by recursion, so a 10 KB query
nested 5,000 braces deep, or 10,000 chained ``+``, overflowed its stack and killed the process.

``SERVICE`` is looked for in the parse tree of rdflib's SPARQL 1.1 grammar, so the word inside a
string, an IRI or a comment is no call. A request that grammar cannot read (a syntax error, or an
extension such as ``LATERAL`` or triple terms) is refused: the guard fails closed, since a scan of
the text is what a crafted query fools. Where the engine cannot reach the network anyway (the query
processes of ``kg serve``), :func:`check_request` lets Oxigraph say what is wrong with such a query.
"""
from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass
from typing import Callable, TypeVar

from kg.errors import QueryError
from kg.sparql.syntax import mask, syntax_message

T = TypeVar("T")

#: Defaults for a public endpoint; ``kg query`` checks depth and chains but not size.
MAX_QUERY_CHARS = 262_144
MAX_DEPTH = 64
MAX_CHAIN = 1_000
DEEP_STACK = 256 << 20  # bytes of stack for the parser and the engine: deep but legal queries fit
DEEP_RECURSION = 200_000

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<word>[A-Za-z_][\w\-.:%]*|[A-Za-z_]*:[\w\-.:%]*)
  | (?P<var>[?$]\w*)
  | (?P<number>\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<escape>\\.)
  | (?P<datatype>\^\^)
  | (?P<op>\|\||&&|!=|<=|>=|[=<>+\-*/|^!])
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_NESTING_WORDS = {"UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH", "SERVICE", "EXISTS", "LATERAL", "IN"}


@dataclass(frozen=True)
class Shape:
    """How big a query is: characters, deepest bracket nesting, operators and clauses chained."""

    chars: int
    depth: int
    chain: int


def shape_of(sparql: str) -> Shape:
    """The :class:`Shape` of ``sparql``, in one pass over it (strings, IRIs and comments skipped).

    Values in a ``VALUES`` block are data, not operators: ``VALUES ?n { -1 -2 }`` chains nothing.
    Here ``*``, ``UNION``, ``FILTER``, ``!=`` and ``+`` chain five:

    >>> shape_of('SELECT * WHERE { { ?s ?p "{{{" } UNION { ?s ?q 1 } FILTER(?s != ?o + 2) }')
    Shape(chars=73, depth=2, chain=5)
    """
    depth = deepest = chain = 0
    data_at = None  # the depth of an open VALUES block
    values_pending = False
    for match in _TOKEN.finditer(mask(sparql)):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if values_pending and match.group() == "{":
                data_at, values_pending = depth, False
        elif kind == "close":
            if data_at == depth:
                data_at = None
            depth = max(depth - 1, 0)
        elif kind == "word":
            word = match.group().upper()
            if word == "VALUES":
                values_pending = True
            elif word in _NESTING_WORDS and data_at is None:
                chain += 1
        elif kind == "op" and data_at is None:
            chain += 1
    return Shape(len(sparql), deepest, chain)


def check_shape(sparql: str, *, max_chars: int | None = MAX_QUERY_CHARS, max_depth: int = MAX_DEPTH,
                max_chain: int = MAX_CHAIN) -> Shape:
    """Raise :class:`QueryError` for a query too large, nested too deep or chaining too much for the
    engine to take safely; returns its :class:`Shape` otherwise."""
    if max_chars is not None and len(sparql) > max_chars:
        raise QueryError(f"query is {len(sparql):,} characters long; this endpoint takes at most {max_chars:,}")
    shape = shape_of(sparql)
    if shape.depth > max_depth:
        raise QueryError(f"query nests brackets {shape.depth:,} deep; at most {max_depth} levels are taken")
    if shape.chain > max_chain:
        raise QueryError(f"query chains {shape.chain:,} operators and clauses (UNION, OPTIONAL, BIND, FILTER, "
                         f"+, ||, path steps...); at most {max_chain:,} are taken: split it, or list values in VALUES")
    return shape


def uses_service(sparql: str, *, update: bool = False) -> bool:
    """Whether ``sparql`` (a query, or an update with ``update``) holds a ``SERVICE`` pattern; raises
    :class:`QueryError` when rdflib's SPARQL 1.1 grammar cannot read it (run it on a deep stack,
    :func:`deep_call`, for queries that nest deep)."""
    from rdflib.plugins.sparql import parser

    try:
        tree = parser.parseUpdate(sparql) if update else parser.parseQuery(sparql)
    except RecursionError:
        raise QueryError("query nests too deep for the SERVICE check to read it: refused") from None
    except Exception as exc:  # noqa: BLE001 - any grammar failure: refuse, never guess
        where = " ".join(str(exc).split())[:200]
        raise QueryError(f"the SERVICE check cannot read this query as SPARQL 1.1 ({where}): refused, "
                         "since it cannot tell whether the query calls other hosts") from None
    return _has_service(tree)


def _has_service(node) -> bool:
    stack = [node]
    while stack:  # a loop, not recursion: parse trees of long queries are deep
        item = stack.pop()
        if getattr(item, "name", None) == "ServiceGraphPattern":
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return False


def check_request(sparql: str, *, update: bool = False, offline: bool = False, max_chars: int | None = MAX_QUERY_CHARS,
                  allow_service: bool = False) -> None:
    """Raise :class:`QueryError` for a request that must not run: a shape past the limits, a
    ``SERVICE`` call (unless ``allow_service``), or text the SERVICE check cannot read.

    ``offline`` says the caller's process cannot reach the network (see :mod:`kg.serve.sandbox`):
    then a query the check cannot read is given to Oxigraph on an empty store, so that a plain
    syntax error is reported as one (line, column, what was expected) rather than as a refusal.
    """
    check_shape(sparql, max_chars=max_chars)
    if allow_service:
        return
    try:
        calls = uses_service(sparql, update=update)
    except QueryError:
        if offline and not update:
            _syntax_error_if_any(sparql)
        raise
    if calls:
        raise QueryError("federated queries (SERVICE) are disabled here")


def _syntax_error_if_any(sparql: str) -> None:
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql)
    except SyntaxError as exc:
        raise QueryError(syntax_message(sparql, exc)) from None
    except (OSError, RuntimeError):
        pass  # it parsed: the caller refuses it all the same


def _without_frames(exc: BaseException) -> BaseException:
    """``exc`` with no traceback in its chain: the frames it held (and an Oxigraph result in them,
    which must be dropped on the thread that made it) are freed on this thread."""
    seen = exc
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return exc


def deep_call(function: Callable[..., T], *args, **kwargs) -> T:
    """``function(*args, **kwargs)`` on a thread with a deep stack and a high recursion limit, so
    that parsing and evaluating a query nested as deep as :data:`MAX_DEPTH` cannot overflow."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            outcome["error"] = _without_frames(exc)

    previous_stack = threading.stack_size(DEEP_STACK)
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, DEEP_RECURSION))
    try:
        thread = threading.Thread(target=run, name="kg-deep")
        thread.start()
    finally:
        threading.stack_size(previous_stack)
    thread.join()
    sys.setrecursionlimit(previous_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
