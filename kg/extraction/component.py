"""The event finder as a spaCy pipeline component: ``nlp.add_pipe("kg_events")``.

It runs after the parser, the lemmatizer and the entity recogniser, and sets ``doc._.kg_events``:
for each sentence, the events it tells (:class:`~kg.records.EventRecord` s whose names and IRIs
the article-level step settles). Triggers come from the matchers of :mod:`kg.extraction.triggers`,
the phrases of the predicate classes from a ``PhraseMatcher``; everything else is the general code
of the extraction modules. A Doc's publication date (``doc._.published``, set before the pipeline
runs) anchors relative dates.

The component needs the rules: :func:`add_event_finder` adds it and hands them over.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extraction.events import sentence_events
from kg.extraction.factuality import phrase_classes
from kg.extraction.memo import reading
from kg.extraction.mentions import DocContext, main_country, person_words
from kg.extraction.repair import repair
from kg.extraction.triggers import TriggerMatcher
from kg.rules.loader import Rules

NAME = "kg_events"


class EventFinder:
    """Finds the events of each sentence of a Doc (see the module docstring)."""

    def __init__(self, vocab, name: str = NAME):
        self.vocab = vocab
        self.name = name
        self.rules: Rules | None = None
        self.triggers: TriggerMatcher | None = None
        self.phrases: PhraseMatcher | None = None

    def use(self, rules: Rules) -> "EventFinder":
        """Build the matchers from ``rules``; the component finds nothing before."""
        self.rules = rules
        self.triggers = TriggerMatcher(self.vocab, rules)
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        for name, predicate in rules.predicates.items():
            if predicate.phrases:
                self.phrases.add(name, [Doc(self.vocab, words=p.split()) for p in predicate.phrases])
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise ValueError(f"the {self.name} component has no rules: add it with kg.extraction.component.add_event_finder")
        rules = self.rules
        repair(doc, rules)  # parses mended before anything reads them
        with reading(doc):
            persons, full_names = person_words(doc)
            ctx = DocContext(country=main_country(doc, rules), person_words=persons, full_name_words=full_names,
                             sentences=tuple(doc.sents))
            candidates = self.triggers.candidates(doc)
            phrases = phrase_classes(doc, ((self.vocab.strings[m], s, e) for m, s, e in self.phrases(doc)))
            found, seen = [], set()
            told_before: list[tuple] = []  # the events told so far, for the sentences that restate them
            for sentence in ctx.sentences:
                key = " ".join(ctx.text(sentence).split())
                if not key or key in seen:
                    found.append([])  # repeated headlines and boilerplate lines
                    continue
                seen.add(key)
                triggers = self.triggers.find(sentence, candidates)
                found.append(sentence_events(sentence, rules, ctx, triggers, phrases, doc._.published, told_before))
        doc._.kg_events = found
        return doc


def register() -> None:
    """Make the component and the Doc attributes it uses known to spaCy (once per process)."""
    if not Language.has_factory(NAME):
        Language.factory(NAME, requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
                         assigns=["doc._.kg_events"])(lambda nlp, name: EventFinder(nlp.vocab, name))
    for attribute in ("kg_events",):
        if not Doc.has_extension(attribute):
            Doc.set_extension(attribute, default=None)


def add_event_finder(nlp: Language, rules: Rules) -> EventFinder:
    """Add the event finder at the end of ``nlp`` and give it ``rules``."""
    register()
    finder = nlp.add_pipe(NAME, last=True)
    return finder.use(rules)
