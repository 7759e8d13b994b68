"""The per-Doc memo the event finder keeps while it reads a Doc: answers worked out once per word
inside the reading, nothing kept after it, and a Doc read twice gives the same events."""
from __future__ import annotations

import pytest
import spacy

from kg.extraction.component import NAME
from kg.extraction.memo import KEY, reading, remembered, remembered_of_doc


def counting():
    calls = []

    def compute(token):
        calls.append(token.i)
        return token.text.upper()

    return calls, compute


def test_a_word_is_worked_out_once_while_its_doc_is_read_and_each_time_outside():
    doc = spacy.blank("en")("Rebels seized the town")
    calls, compute = counting()
    with reading(doc):
        assert [remembered("upper", doc[1], compute) for _ in range(3)] == ["SEIZED"] * 3
        assert remembered("upper", doc[3], compute) == "TOWN"
        assert calls == [1, 3]
        assert remembered("other", doc[1], compute) == "SEIZED"  # a question of another name is asked anew
        assert calls == [1, 3, 1]
    assert KEY not in doc.user_data
    remembered("upper", doc[1], compute)
    remembered("upper", doc[1], compute)
    assert calls == [1, 3, 1, 1, 1]


def test_a_doc_level_answer_is_kept_apart_from_the_words():
    doc = spacy.blank("en")("Rebels seized the town")
    seen = []
    with reading(doc):
        for _ in range(2):
            assert remembered_of_doc("length", doc, lambda d: seen.append(1) or len(d)) == 4
    assert seen == [1]


def test_the_memo_is_dropped_even_when_reading_fails():
    doc = spacy.blank("en")("Rebels seized the town")
    with pytest.raises(RuntimeError):
        with reading(doc):
            raise RuntimeError("the block failed")
    assert KEY not in doc.user_data


@pytest.mark.model
def test_a_doc_read_twice_gives_the_same_events_and_keeps_no_memo(extractor):
    text = ("BAMAKO, Mali (AP) - Malian soldiers arrested two generals on Monday, the army said. "
            "The junta said it had foiled a plot. It denied that the generals had been detained.")
    doc = extractor.nlp(text)
    first = [repr(record) for sentence in doc._.kg_events for record in sentence]
    extractor.nlp.get_pipe(NAME)(doc)
    again = [repr(record) for sentence in doc._.kg_events for record in sentence]
    assert first and first == again
    assert KEY not in doc.user_data
