"""The model's attribute ruler (tag → part of speech and morphology, a few lemma exceptions), by look-up.

spaCy's ``AttributeRuler`` runs a ``Matcher`` that tries every one of its patterns at every
token: on news text that is a fifth of the small English model's whole time. Nearly all of its
patterns are one token compared for equality on a few attributes ("the tag is NN", "the tag is VBZ
and the word is 's"), which a dictionary answers at once. :class:`IndexedAttributeRuler` takes the
ruler's own patterns and answers those from dictionaries keyed by the attributes they compare; the
other one-token patterns (``NOT_IN``, ``REGEX``, alternatives) it tests once per distinct token
(word, tag, dependency), remembered; patterns of several tokens it leaves to a ``Matcher`` of
their own. It sets the attributes in the order the ruler does, later patterns over earlier ones:
every token gets the same part of speech, morphology and lemma.
"""
from __future__ import annotations

import re
from itertools import product
from typing import Iterable

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

ATTRIBUTE_INDEX = "kg_attribute_index"
# attributes a one-token pattern may compare by equality and still be looked up: their array
# values are string hashes, or 0/1 for the flag
STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP}
FLAG_ATTRS = {"IS_SPACE": IS_SPACE}
SEEN_AT_MOST = 1 << 18  # distinct tokens (word, tag, dependency) whose rules are remembered


class IndexedAttributeRuler:
    """An attribute ruler whose one-token patterns are look-ups and tests (see the module)."""

    def __init__(self, vocab, name: str = ATTRIBUTE_INDEX):
        self.vocab = vocab
        self.name = name
        self.patterns: list[dict] = []
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.columns: list[int] = []  # the array attributes the one-token patterns read
        self.tables: list[tuple[tuple[int, ...], dict[tuple, list[int]]]] = []  # columns -> values -> rules
        self.tested: list[tuple[int, list[list[tuple[int, str, object]]]]] = []  # rule, its alternatives' tests
        self.matcher = Matcher(vocab, validate=False)
        self.matched = False  # whether any rule is left to the matcher
        self.seen: dict[tuple, tuple[int, ...]] = {}  # a token's values of the columns -> the rules they match

    def use(self, patterns: Iterable[dict]) -> "IndexedAttributeRuler":
        """Take an attribute ruler's patterns (``AttributeRuler.patterns``), in its order."""
        tables: dict[tuple[str, ...], dict[tuple, list[int]]] = {}
        tested: list[tuple[int, list]] = []
        for rule, pattern in enumerate(patterns):
            self.patterns.append(pattern)
            self.attrs.append(normalize_token_attrs(self.vocab, pattern["attrs"]))
            index = pattern.get("index", 0)
            self.indices.append(index)
            alternatives = _one_token_tests(pattern["patterns"], index)
            if alternatives is None:
                self.matcher.add(str(rule), pattern["patterns"])
                self.matched = True
            elif len(alternatives) == 1 and all(op == "IN" for _, op, _ in alternatives[0]):
                names = tuple(name for name, _, _ in alternatives[0])
                table = tables.setdefault(names, {})
                for values in product(*(values for _, _, values in alternatives[0])):
                    table.setdefault(tuple(self._hash(n, v) for n, v in zip(names, values)), []).append(rule)
            else:
                tested.append((rule, alternatives))
        ids = {**STRING_ATTRS, **FLAG_ATTRS}
        names = {name for key in tables for name in key} | {t[0] for _, alts in tested for alt in alts for t in alt}
        self.columns = columns = sorted({ids[name] for name in names})
        self.tables = [(tuple(columns.index(ids[name]) for name in key), table) for key, table in tables.items()]
        self.tested = [(rule, [[(columns.index(ids[name]), op, self._operand(name, op, values)) for name, op, values in alt]
                               for alt in alts]) for rule, alts in tested]
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.patterns:
            return doc
        found = []  # (rule, start, end), in the order the ruler applies them
        if self.columns:
            seen = self.seen
            if len(seen) > SEEN_AT_MOST:
                seen.clear()
            for i, row in enumerate(map(tuple, doc.to_array(self.columns).reshape(len(doc), -1).tolist())):
                rules = seen.get(row)
                if rules is None:
                    rules = seen[row] = self._rules_of(row)
                found.extend((rule, i, i + 1) for rule in rules)
        if self.matched:
            strings = self.vocab.strings
            found.extend((int(strings[key]), start, end) for key, start, end in self.matcher(doc, allow_missing=True))
        found.sort()
        for rule, start, end in found:
            index = self.indices[rule]
            if end - start == 1 and index in (0, -1):
                set_token_attrs(doc[start], self.attrs[rule])
            else:
                set_token_attrs(Span(doc, start, end)[index], self.attrs[rule])
        return doc

    def _rules_of(self, row: tuple) -> tuple[int, ...]:
        """The one-token rules a token with these values of :attr:`columns` matches, in order."""
        rules = []
        for positions, table in self.tables:
            rules.extend(table.get(tuple(row[p] for p in positions), ()))
        strings = self.vocab.strings
        for rule, alternatives in self.tested:
            if any(all(_passes(row[position], op, operand, strings) for position, op, operand in tests)
                   for tests in alternatives):
                rules.append(rule)
        return tuple(sorted(rules))

    def _hash(self, name: str, value) -> int:
        """A pattern's value as the token array holds it: a string's hash, a flag's 0 or 1."""
        return int(value) if name in FLAG_ATTRS else self.vocab.strings.add(value)

    def _operand(self, name: str, op: str, values: list):
        if op == "REGEX":
            return re.compile(values[0])
        return frozenset(self._hash(name, value) for value in values)


def _passes(value: int, op: str, operand, strings) -> bool:
    """Whether a token's array value passes one test of a pattern, as the matcher tests it."""
    if op == "IN":
        return value in operand
    if op == "NOT_IN":
        return value not in operand
    return operand.search(strings[value]) is not None  # REGEX, on the attribute's string


def _one_token_tests(alternatives: list, index: int) -> list[list[tuple[str, str, list]]] | None:
    """The tests of a rule whose patterns are each one token, per pattern: (attribute, ``IN``,
    ``NOT_IN`` or ``REGEX``, values), an equality being ``IN`` one value; None for a rule the
    matcher must match (several tokens, operators, attributes a token array cannot answer)."""
    if index not in (0, -1) or not alternatives or any(len(pattern) != 1 for pattern in alternatives):
        return None
    found = []
    for (token,) in alternatives:
        if not token:
            return None
        tests = []
        for name in sorted(token):
            value = token[name]
            if name in STRING_ATTRS:
                if isinstance(value, str):
                    op, values = "IN", [value]
                elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN", "REGEX"}:
                    ((op, values),) = value.items()
                    values = [values] if op == "REGEX" else values
                    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                        return None
                else:
                    return None
            elif name in FLAG_ATTRS and isinstance(value, bool):
                op, values = "IN", [value]
            else:
                return None
            tests.append((name, op, sorted(set(values), key=str)))
        found.append(tests)
    return found
