"""Read SPARQL text without parsing it: where the WHERE clause opens, which prefixes are undeclared,
and a syntax error as one line a user can act on.

A small scanner that skips comments, strings, IRIs and variables, so that a ``{``, ``#`` or ``:``
inside them is never taken for syntax.
"""
from __future__ import annotations

import re

import pyoxigraph as ox

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_:.\-]*")
_VAR = re.compile(r"[?$][A-Za-z0-9_]*")
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_USED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\])")


def where_brace(sparql: str) -> int | None:
    """Index of the ``{`` opening the WHERE clause of a SELECT or ASK query, else None.

    A small scanner: it skips comments, strings, IRIs and variables, so a ``{`` or ``#`` inside
    them, or a ``{`` inside a parenthesised SELECT expression, is never taken for the clause.
    """
    i, n, depth, form = 0, len(sparql), 0, None
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "\"'":
            i = _skip_string(sparql, i)
            continue
        if c == "<":
            match = _IRI.match(sparql, i)
            if match:
                i = match.end()
                continue
        if c in "?$":
            i = _VAR.match(sparql, i).end()
            continue
        if c == "\\":  # an escape in a prefixed name (ex:a\#b): the character after it is a name's
            i += 2
            continue
        if c.isalpha() or c == "_":
            match = _WORD.match(sparql, i)
            word = match.group().upper()
            if form is None and word in _FORMS:
                form = word
                if form not in ("SELECT", "ASK"):
                    return None
            i = match.end()
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "{" and depth == 0:
            return i if form is not None else None
        i += 1
    return None


def subquery_braces(sparql: str) -> list[tuple[int, int]]:
    """``(open, close)`` indexes of the braces around the WHERE clause of each subquery (a SELECT
    inside the query's WHERE clause), in the order they open; comments, strings and IRIs are skipped.

    >>> subquery_braces('SELECT * { { SELECT ?s WHERE { ?s ?p "}" } } }')
    [(29, 41)]
    """
    top = where_brace(sparql)
    if top is None:
        return []
    text = mask(sparql)
    found = []
    for match in re.finditer(r"(?<=[{\s])SELECT(?![\w:.-])", text[top:], re.I):
        i, depth = top + match.end(), 0
        while i < len(text) and not (text[i] == "{" and depth == 0):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        if i < len(text):
            found.append((i, _closing(text, i)))
    return found


def _closing(text: str, at: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``at`` in masked text (its length when unclosed)."""
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        while end > 0 and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        return len(text) if end < 0 else end + 3
    j = i + 1
    while j < len(text) and text[j] != quote and text[j] != "\n":
        j += 2 if text[j] == "\\" else 1
    return j + 1


def _escaped(text: str, i: int) -> bool:
    backslashes = 0
    while i - backslashes - 1 >= 0 and text[i - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def mask(sparql: str) -> str:
    """``sparql`` with comments, strings and IRIs blanked out (same length, newlines kept).

    A backslash outside strings escapes the character after it (``ex:a\\#b`` is one name), so an
    escaped ``#`` or quote starts no comment or string that would hide the text after it.

    >>> mask('SELECT * { ?s ex:a\\\\#b "x#y" } # note')
    'SELECT * { ?s ex:a\\\\#b       }       '
    """
    out, i, n = [], 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            end = n if end < 0 else end
        elif c in "\"'":
            end = min(_skip_string(sparql, i), n)
        elif c == "<" and _IRI.match(sparql, i):
            end = _IRI.match(sparql, i).end()
        elif c == "\\":  # an escape in a prefixed name (ex:a\#b, ex:it\'s): no comment, no string
            out.append(sparql[i:i + 2])
            i += 2
            continue
        else:
            out.append(c)
            i += 1
            continue
        out.append(re.sub(r"[^\n]", " ", sparql[i:end]))
        i = end
    return "".join(out)


def undeclared_prefix(sparql: str) -> tuple[str, int, int] | None:
    """The first prefixed name whose prefix no PREFIX declares: ``(prefix, line, column)``."""
    text = mask(sparql)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    for match in _USED.finditer(text):
        prefix = match.group(1) or ""
        if prefix.upper() == "PREFIX" or prefix in declared:
            continue
        if text[max(0, match.start() - 7):match.start()].strip().upper().endswith("PREFIX"):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        return prefix, line, column
    return None


def syntax_message(sparql: str, error: SyntaxError) -> str:
    """Oxigraph's syntax error as one line, its position in the query as written (without bound
    parameters) and the text found there: ``SPARQL syntax error at line 2, column 7 (at "..."): ...``."""
    try:
        ox.Store().query(sparql)  # the query as written: positions the user can find
    except SyntaxError as exc:
        error = exc
    except (OSError, RuntimeError):
        pass
    undeclared = undeclared_prefix(sparql)
    if undeclared:
        prefix, line, column = undeclared
        return f"SPARQL syntax error at line {line}, column {column}: prefix '{prefix}:' is not declared (add PREFIX {prefix}: <...>)"
    text = str(error)
    match = re.match(r"error at (\d+):(\d+): (.*)", text, re.S)
    if not match:
        return f"SPARQL syntax error: {text}"
    line, column, message = int(match[1]), int(match[2]), " ".join(match[3].split())
    lines = sparql.splitlines() or [""]
    near = lines[line - 1][column - 1:].strip() if 0 < line <= len(lines) else ""
    near = f' (at "{near[:30]}{"…" if len(near) > 30 else ""}")' if near else " (at the end)"
    return f"SPARQL syntax error at line {line}, column {column}{near}: {message}"
