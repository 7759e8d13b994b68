"""Named-query parameters that can only find nothing because they are misspelled are errors with a
suggestion; event types, PLOVER roots, actors and countries match as the views match them."""
import pytest

from kg.errors import QueryError


def rows(graph, name, **params):
    names, found = graph.named(name, params)
    return [{n: (t.value if t is not None else "") for n, t in zip(names, row)} for row in found]


def test_a_misspelled_event_type_gets_the_nearest_name(sahel):
    with pytest.raises(QueryError, match=r"^query events-of-type: --param type: no event type 'Arest'; did you mean Arrest\?$"):
        rows(sahel, "events-of-type", type="Arest")


def test_event_types_match_in_any_case_and_plover_roots_are_types(sahel):
    assert {r["event_type"] for r in rows(sahel, "events-of-type", type="arrest")} == {"Arrest"}
    assert {r["event_type"] for r in rows(sahel, "events-of-type", type="coerce")} == {"Arrest", "Ban"}
    assert {r["event_type"] for r in rows(sahel, "events-of-type", type="ASSAULT")} == {"Attack", "Killing"}
    assert {r["event_type"] for r in rows(sahel, "events-of-type", type="Attack")} == {"Attack", "Killing"}  # narrower types


def test_a_known_type_no_event_has_says_which_types_there_are(sahel):
    with pytest.raises(QueryError, match=r"no event of type Coup in the graph; its event types: .*Arrest.*Protest"):
        rows(sahel, "events-of-type", type="Coup")


def test_dates_must_be_dates(sahel):
    with pytest.raises(QueryError, match=r"--param since 'May' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"):
        rows(sahel, "events-in-range", since="May")
    with pytest.raises(QueryError, match=r"not a real date \(February 2025 has 28 days\)"):
        rows(sahel, "events-in-range", until="2025-02-30")
    assert [r["date"] for r in rows(sahel, "events-in-range", since="2025-08-05", until="2025-08-06")] == \
        ["2025-08-05", "2025-08-05", "2025-08-06"]


def test_actors_fold_accents_and_case_and_may_be_part_of_a_name(sahel):
    found = rows(sahel, "actor-timeline", actor="moussa MARA")
    assert {r["action"] for r in found} == {"arrest or detention"} and len(found) == 3  # two reports and a denial
    assert rows(sahel, "actor-timeline", actor="mara") == found
    assert rows(sahel, "actor-timeline", actor="Moussa Mará") == found
    with pytest.raises(QueryError, match=r"no actor 'Mousa Mra' in the graph; did you mean Moussa Mara\?"):
        rows(sahel, "actor-timeline", actor="Mousa Mra")
    with pytest.raises(QueryError, match=r"actor 'malian' is ambiguous: Malian military junta, Malian political parties, "
                                         r"Malian soldiers; give the full name"):
        rows(sahel, "actor-timeline", actor="malian")


def test_countries_are_codes_or_names_of_places_in_the_graph(sahel):
    assert {r["place"] for r in rows(sahel, "events-by-place", country="mli")} == {"Bamako", "Gao", "the north (Mali)"}
    assert {r["place"] for r in rows(sahel, "events-by-place", country="Niger")} == {"Niamey"}
    with pytest.raises(QueryError, match=r"no country code 'MLY'; did you mean MLI\?"):
        rows(sahel, "events-by-place", country="MLY")
    with pytest.raises(QueryError, match=r"no place in France \(FRA\) in the graph; its places are in BFA, MLI, NER"):
        rows(sahel, "events-by-place", country="FRA")


def test_an_actor_named_as_written_is_found_and_a_place_is_no_actor(sahel):
    assert {r["role"] for r in rows(sahel, "actor-timeline", actor="Moussa Mara")} == {"target"}
    with pytest.raises(QueryError, match=r"no actor 'Gao' in the graph"):
        rows(sahel, "actor-timeline", actor="Gao")
