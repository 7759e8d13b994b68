"""The RDF vocabularies kg writes, and the one place their namespaces are spelled.

KGO mirrors ``kg/rdf/ontology/conflict.ttl``; a test fails when the two drift apart. Accessing a
term that is not listed raises AttributeError (``_fail = True``), so a typo cannot mint a new IRI
silently. Code that writes SPARQL names the ontology through :data:`KGO_NS` or :func:`sparql_prefixes`,
never by spelling the namespace again. :data:`PREFIXES` is the one prefix table (exports, messages,
the ontology reference) and :func:`compact` the one way to shorten an IRI with it.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg/ontology"
KGO_NS = ONTOLOGY_IRI + "#"
PLOVER_NS = ONTOLOGY_IRI + "/plover#"
SHAPES_NS = "https://w3id.org/kg/shapes#"
DATA_BASE = "https://w3id.org/kg/id/"


class KGO(DefinedNamespace):
    """kg conflict ontology terms."""

    _NS = Namespace(KGO_NS)
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
    mayBeNamed: URIRef
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


PLOVER = Namespace(PLOVER_NS)
KGR = Namespace(DATA_BASE)


def event_type_iri(name: str) -> URIRef:
    """IRI of an event type of the scheme (names are checked against the ontology when rules load)."""
    return URIRef(KGO_NS + name)


#: Prefix -> namespace, for every serialisation and message kg writes.
PREFIXES = {
    "kgo": KGO_NS,
    "plover": PLOVER_NS,
    "kgsh": SHAPES_NS,
    "kgr": DATA_BASE,
    "actor": DATA_BASE + "actor/",
    "event": DATA_BASE + "event/",
    "issue": DATA_BASE + "issue/",
    "place": DATA_BASE + "place/",
    "article": DATA_BASE + "article/",
    "assertion": DATA_BASE + "assertion/",
    "graph": DATA_BASE + "graph/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}
_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def compact(iri: str) -> str | None:
    """``prefix:rest`` for an IRI in a known namespace, None for any other.

    >>> compact("https://w3id.org/kg/ontology#Arrest")
    'kgo:Arrest'
    """
    for prefix, namespace in _LONGEST_FIRST:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return None


def sparql_prefixes(*names: str) -> str:
    """SPARQL ``PREFIX`` lines for the given prefixes of :data:`PREFIXES` (all of them when none)."""
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in (names or PREFIXES))
