"""Errors kg reports to its users: one clear line each, with a documented exit code.

The CLI catches :class:`KgError` and prints ``kg: <message>``; anything else is a bug.
"""
from __future__ import annotations


class KgError(Exception):
    """A problem with the user's input or environment, reported without a traceback."""

    exit_code = 1

    def one_line(self) -> str:
        """The message as one line: line breaks (from a parser, a file name) become spaces."""
        return " ".join(str(self).split())


class InputError(KgError):
    """An input file or document that cannot be read (missing, empty, malformed)."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(" ".join(f"{where}{message}".split()))
        self.path = path
        self.line = line


class UsageError(KgError):
    """A command used with an option value it does not know (an unknown format, a missing argument)."""

    exit_code = 2


class ModelError(KgError):
    """The spaCy pipeline is missing or cannot be loaded."""

    exit_code = 3


class StoreError(KgError):
    """The store cannot be opened, is in use, or rejected an update."""

    exit_code = 4


class QueryError(KgError):
    """A SPARQL query that does not parse, or a named query that does not exist."""

    exit_code = 5


class RulesError(KgError):
    """Extraction rules that name unknown ontology terms or do not parse."""

    exit_code = 6


class ValidationError(KgError):
    """A graph that does not conform to the SHACL shapes of ``kg/rdf/ontology/shapes.ttl``."""

    exit_code = 7


class NothingToShow(KgError):
    """Options that are valid but match nothing in the store: the message says which one emptied the answer."""

    exit_code = 8
