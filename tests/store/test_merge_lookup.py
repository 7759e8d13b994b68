"""The embedded store's merge lookup (read off its indexes) finds exactly the events the SPARQL
lookup any store answers finds, whichever article asks."""
from itertools import product

from kg.rdf.iris import actor_iri, graph_iri
from kg.rdf.quads import article_graph
from kg.rdf.vocab import event_type_iri
from kg.records import ActionRef, ActorRef, Article, EventRecord, TimeRef
from kg.rdf.iris import event_iri
from kg.resolve.merge import identities, merge_events, sparql_candidates
from kg.store.local import LocalStore

ARREST = ActionRef("arrested", "arrest", "Arrest", "COERCE", "173", "Strategic developments", "Arrests")
ATTACK = ActionRef("attacked", "attack", "Attack", "ASSAULT", "190", "Battles", "Armed clash")


def actor(label: str, kind: str = "MilitaryForce") -> ActorRef:
    return ActorRef(label, label, kind, iri=str(actor_iri(label)))


SOLDIERS, MARA, POLICE, TALKS = actor("Malian soldiers"), actor("Moussa Mara", "Person"), actor("police"), actor("talks", "Issue")


def event(i: int, action, agent, target, date=None) -> EventRecord:
    record = EventRecord(action, agent, target, "asserted", f"Sentence {i}.", i * 20, i * 20 + 10, 0.8,
                         time=TimeRef(date or "then", date))
    record.iri = f"https://w3id.org/kg/id/event/e{i}"
    return record


def stored() -> tuple[LocalStore, list[list[EventRecord]]]:
    """A store of three articles with events of every shape a lookup meets: agent and target, agent
    alone, target alone, an issue, the same identity at several dates, one event in two articles."""
    store = LocalStore.open(":memory:")
    shared = event(9, ARREST, SOLDIERS, MARA, "2025-08")
    articles = [
        [event(1, ARREST, SOLDIERS, MARA, "2025-08-01"), event(2, ARREST, SOLDIERS, None), shared,
         event(3, ATTACK, None, POLICE, "2025")],
        [event(4, ARREST, SOLDIERS, MARA), event(5, ATTACK, POLICE, TALKS, "2024-02"), shared],
        [event(6, ATTACK, None, TALKS), event(7, ATTACK, SOLDIERS, POLICE, "2025-01-02"),
         event(8, ARREST, POLICE, MARA, "2025-08-01")],
    ]
    for n, events in enumerate(articles):
        article = Article(f"a{n}", " ".join(e.sentence for e in events))
        store.replace_article(article.id, article_graph(article, events))
    return store, articles


def test_the_index_lookup_finds_what_the_sparql_lookup_finds():
    store, articles = stored()
    everyone = (SOLDIERS, MARA, POLICE, TALKS, None)
    asked = [event(20 + i, action, a, b) for i, (action, a, b) in enumerate(product((ARREST, ATTACK), everyone, everyone))]
    wanted = identities(asked + [e for events in articles for e in events])
    assert len(wanted) > 20
    for own in ("a0", "a1", "a2", "new"):
        graph = str(graph_iri(own))
        expected = {key: sorted(set(rows)) for key, rows in sparql_candidates(store, wanted, graph).items()}
        found = {key: sorted(set(rows)) for key, rows in store.merge_candidates(wanted, graph).items()}
        assert found == expected
        assert found, own


def test_an_event_only_the_asking_article_asserts_is_no_candidate():
    store, _ = stored()
    key = (str(event_type_iri("Attack")), str(SOLDIERS.iri), str(POLICE.iri))
    assert store.merge_candidates([key], str(graph_iri("a2"))) == {}
    assert [row[0] for row in store.merge_candidates([key], str(graph_iri("a0")))[key]] == ["https://w3id.org/kg/id/event/e7"]


def minted(i: int, action, agent, target, date=None) -> EventRecord:
    record = event(i, action, agent, target, date)
    record.time = TimeRef(date, date) if date else None
    record.iri = str(event_iri(action.type, agent.iri if agent else None, target.iri if target else None, date))
    return record


def test_the_look_up_by_iri_merges_exactly_as_the_identity_scan_does():
    """Events of every identity shape at every precision of date, stored by three articles (one
    event told by two of them), asked for by events at dates that contain, lie in, equal or miss the
    stored ones, from each of the storing articles and from a new one."""
    store = LocalStore.open(":memory:")
    dates = ("2025", "2025-08", "2025-08-01", "2025-08-02", "2024-02-29", "2025-09", None)
    shapes = [(ARREST, SOLDIERS, MARA), (ARREST, SOLDIERS, None), (ATTACK, None, POLICE), (ATTACK, POLICE, TALKS)]
    stored_events = [minted(i, action, a, b, date) for i, ((action, a, b), date)
                     in enumerate(product(shapes, ("2025-08", "2025-08-01", "2024", None)))]
    for n in range(3):
        events = stored_events[n::3] + ([stored_events[0]] if n else [])
        article = Article(f"a{n}", " ".join(e.sentence for e in events))
        store.replace_article(article.id, article_graph(article, events))
    for own in ("a0", "a1", "a2", "new"):
        asked = [minted(100 + i, action, a, b, date) for i, ((action, a, b), date) in enumerate(product(shapes, dates))]
        twins = [minted(200 + i, e.action, e.actor, e.target, e.time.value if e.time else None) for i, e in enumerate(asked)]
        article = Article(own, "Asked.")
        by_iri = merge_events(store, article, asked)
        by_scan = merge_events(store, article, twins, by_iri=False)
        assert by_iri == by_scan
        assert [e.iri for e in asked] == [e.iri for e in twins]
        assert len(by_iri) >= 8, own  # many merge: the test says something
