"""The model's attribute ruler (tag → part of speech and morphology, a few lemma exceptions), by look-up.

spaCy's ``AttributeRuler`` runs a ``Matcher`` that tries every one of its patterns at every
token: on news text that is a fifth of the small English model's whole time. Nearly all of its
patterns are one token compared for equality on a few attributes ("the tag is NN", "the tag is VBZ
and the word is 's"), which a dictionary answers at once. :class:`IndexedAttributeRuler` takes the
ruler's own patterns, answers those from dictionaries keyed by the attributes they compare, leaves
the rest (several tokens, regular expressions, alternatives) to a ``Matcher`` of their own, and sets
the attributes in the order the ruler does, later patterns over earlier ones: every token gets the
same part of speech, morphology and lemma.
"""
from __future__ import annotations

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
    """An attribute ruler whose one-token equality patterns are dictionary look-ups (see the module)."""

    def __init__(self, vocab, name: str = ATTRIBUTE_INDEX):
        self.vocab = vocab
        self.name = name
        self.patterns: list[dict] = []
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.columns: list[int] = []  # the array attributes the look-ups read
        self.tables: list[tuple[tuple[int, ...], dict[tuple, list[int]]]] = []  # columns -> values -> rules
        self.matcher = Matcher(vocab, validate=False)
        self.matched = False  # whether any rule is left to the matcher
        self.seen: dict[tuple, tuple[int, ...]] = {}  # a token's looked-up values -> the rules they match

    def use(self, patterns: Iterable[dict]) -> "IndexedAttributeRuler":
        """Take an attribute ruler's patterns (``AttributeRuler.patterns``), in its order."""
        strings = self.vocab.strings
        tables: dict[tuple[str, ...], dict[tuple, list[int]]] = {}
        for rule, pattern in enumerate(patterns):
            self.patterns.append(pattern)
            self.attrs.append(normalize_token_attrs(self.vocab, pattern["attrs"]))
            index = pattern.get("index", 0)
            self.indices.append(index)
            keys = _lookup_keys(pattern["patterns"], index)
            if keys is None:
                self.matcher.add(str(rule), pattern["patterns"])
                self.matched = True
                continue
            names, value_sets = keys
            table = tables.setdefault(names, {})
            for values in product(*value_sets):
                hashed = tuple(int(v) if names[k] in FLAG_ATTRS else strings.add(v) for k, v in enumerate(values))
                table.setdefault(hashed, []).append(rule)
        ids = {**STRING_ATTRS, **FLAG_ATTRS}
        columns = sorted({ids[name] for names in tables for name in names})
        self.columns = columns
        self.tables = [(tuple(columns.index(ids[name]) for name in names), table) for names, table in tables.items()]
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.patterns:
            return doc
        found = []  # (rule, start, end), in the order the ruler applies them
        if self.tables:
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
        """The looked-up rules a token with these values of :attr:`columns` matches, in order."""
        rules = []
        for positions, table in self.tables:
            rules.extend(table.get(tuple(row[p] for p in positions), ()))
        return tuple(sorted(rules))


def _lookup_keys(alternatives: list, index: int) -> tuple[tuple[str, ...], list[list]] | None:
    """The attribute names and the values for each that a rule's patterns compare, when the rule is
    one one-token pattern of equalities (a value, or ``IN`` a list of values) on attributes a look-up
    can read; else None: the rule is left to the matcher."""
    if len(alternatives) != 1 or len(alternatives[0]) != 1 or index not in (0, -1):
        return None
    (token,) = alternatives[0]
    if not token or any(key in token for key in ("OP", "_")):
        return None
    names, values = [], []
    for name in sorted(token):
        value = token[name]
        if name in STRING_ATTRS:
            choices = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
            if not all(isinstance(choice, str) for choice in choices):
                return None
        elif name in FLAG_ATTRS:
            if not isinstance(value, bool):
                return None
            choices = [value]
        else:
            return None
        names.append(name)
        values.append(sorted(set(choices)))
    return tuple(names), values
