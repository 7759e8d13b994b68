"""The RDF vocabularies kg writes: its own ontology (KGO) and the standard ones it aligns with.

KGO mirrors ``ontology/conflict.ttl``; a test fails when the two drift apart. Accessing a term that
is not listed raises AttributeError (``_fail = True``), so a typo cannot mint a new IRI silently.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg/ontology"
DATA_BASE = "https://w3id.org/kg/id/"


class KGO(DefinedNamespace):
    """kg conflict ontology terms."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # core classes
    Event: URIRef
    Assertion: URIRef
    Article: URIRef
    Extraction: URIRef
    Place: URIRef
    Issue: URIRef
    Modality: URIRef
    # actor classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Government: URIRef
    MilitaryGovernment: URIRef
    MilitaryForce: URIRef
    ArmedGroup: URIRef
    Insurgents: URIRef
    PoliticalParty: URIRef
    Civilians: URIRef
    Protesters: URIRef
    Media: URIRef
    InternationalOrganization: URIRef
    Country: URIRef
    # event properties
    eventType: URIRef
    agent: URIRef
    target: URIRef
    about: URIRef
    date: URIRef
    quantity: URIRef
    # assertion properties
    asserts: URIRef
    modality: URIRef
    attributedTo: URIRef
    attributedToActor: URIRef
    confidence: URIRef
    sentence: URIRef
    actorText: URIRef
    actionText: URIRef
    targetText: URIRef
    timeText: URIRef
    # actor and place properties
    countryCode: URIRef
    sector: URIRef
    title: URIRef
    geonamesId: URIRef
    latitude: URIRef
    longitude: URIRef
    contentHash: URIRef
    # event-type annotations
    ploverRoot: URIRef
    cameoCode: URIRef
    acledEventType: URIRef
    acledSubEventType: URIRef
    quadClass: URIRef
    goldstein: URIRef
    # modalities
    Asserted: URIRef
    Reported: URIRef
    Alleged: URIRef
    Denied: URIRef
    Planned: URIRef
    Hypothetical: URIRef
    # schemes
    EventTypeScheme: URIRef


class SEM(DefinedNamespace):
    """Simple Event Model terms kg uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    EventType: URIRef
    eventType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef


class OA(DefinedNamespace):
    """Web Annotation terms kg uses for character offsets."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    SpecificResource: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    hasTarget: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef


PLOVER = Namespace(ONTOLOGY_IRI + "/plover#")
KGR = Namespace(DATA_BASE)


def event_type_iri(name: str) -> URIRef:
    """IRI of an event type of the scheme (names are checked against the ontology when rules load)."""
    return URIRef(ONTOLOGY_IRI + "#" + name)
