from rdflib import URIRef

from kg.rdf.iris import actor_iri, article_iri, event_iri, slug


def test_accents_and_case_do_not_split_an_actor():
    assert actor_iri("Asimi Goïta") == actor_iri("asimi goita")


def test_hostile_names_give_safe_iris():
    iri = actor_iri('Evil "> <script>alert(1)</script>\n name')
    assert set(str(iri).rsplit("/", 1)[1]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug("???") .startswith("x")


def test_event_iri_is_deterministic_and_content_based():
    a = event_iri("Arrest", "x", "y", "2025")
    assert a == event_iri("Arrest", "x", "y", "2025")
    assert a != event_iri("Arrest", "x", "y", "2024")


def test_article_ids_are_percent_encoded():
    assert str(article_iri("a b/c")).endswith("a%20b%2Fc")
    assert isinstance(article_iri("x"), URIRef)
