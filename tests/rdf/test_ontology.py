"""The ontology Turtle as the source of truth: documented terms, Python names in sync, alignments."""
import pytest
import rdflib
from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from support.data import ROOT

from kg.rdf.scheme import ONTOLOGY_FILE
from kg.rdf.vocab import KGO, OA, ONTOLOGY_IRI, SEM

NS = ONTOLOGY_IRI + "#"
PLOVER_NS = ONTOLOGY_IRI + "/plover#"
SCHEME = URIRef(NS + "EventTypeScheme")
SDO = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")


@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(ONTOLOGY_FILE)


def own_terms(graph):
    """Every typed subject in the kgo: and plover: namespaces, and the ontology itself."""
    subjects = {s for s in graph.subjects(RDF.type, None) if str(s).startswith((NS, PLOVER_NS))}
    return subjects | {URIRef(ONTOLOGY_IRI)}


def test_every_term_has_an_english_label_and_comment(onto):
    terms = own_terms(onto)
    assert len(terms) > 100
    missing = [
        (str(t), what)
        for t in terms
        for what, prop in (("label", RDFS.label), ("comment", RDFS.comment))
        if not any(getattr(v, "language", None) == "en" and str(v).strip() for v in onto.objects(t, prop))
    ]
    assert missing == []


def test_ontology_header_has_version_and_license(onto):
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in onto
    version = onto.value(ontology, OWL.versionInfo)
    assert version is not None and str(version).count(".") == 2
    assert onto.value(ontology, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    assert str(onto.value(ontology, URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"))) == "kgo"


def test_python_namespace_and_turtle_name_the_same_terms(onto):
    declared = {str(s).removeprefix(NS) for s in onto.subjects(RDF.type, None) if str(s).startswith(NS)}
    event_types = {str(s).removeprefix(NS) for s in onto.subjects(SKOS.inScheme, SCHEME)}
    assert len(event_types) == 45
    assert declared - event_types == set(KGO.__annotations__)
    with pytest.raises(AttributeError):
        KGO.Arest  # noqa: B018 - a typo must fail


def test_python_names_have_the_kind_the_turtle_gives_them(onto):
    kinds = {OWL.Class: [], OWL.ObjectProperty: [], OWL.DatatypeProperty: [], OWL.AnnotationProperty: []}
    for name in KGO.__annotations__:
        term = KGO[name]
        for kind in kinds:
            if (term, RDF.type, kind) in onto:
                kinds[kind].append(name)
    assert {"Event", "Assertion", "Article", "Actor", "Person", "MilitaryGovernment"} <= set(kinds[OWL.Class])
    assert {"eventType", "agent", "target", "asserts", "modality", "attributedToActor"} <= set(kinds[OWL.ObjectProperty])
    assert {"date", "confidence", "sentence", "countryCode", "contentHash"} <= set(kinds[OWL.DatatypeProperty])
    assert {"ploverRoot", "cameoCode", "acledEventType", "goldstein"} <= set(kinds[OWL.AnnotationProperty])
    modalities = set(onto.subjects(RDF.type, KGO.Modality))
    assert {str(m).removeprefix(NS) for m in modalities} == {"Asserted", "Reported", "Alleged", "Denied", "Planned", "Hypothetical"}


def test_alignment_with_sem_prov_schema_oa_and_skos(onto):
    expected = [
        (KGO.Event, RDFS.subClassOf, SEM.Event),
        (KGO.Event, RDFS.subClassOf, SDO.Event),
        (KGO.Actor, RDFS.subClassOf, SEM.Actor),
        (KGO.Actor, RDFS.subClassOf, PROV.Agent),
        (KGO.Place, RDFS.subClassOf, SEM.Place),
        (KGO.Assertion, RDFS.subClassOf, PROV.Entity),
        (KGO.Assertion, RDFS.subClassOf, OA.SpecificResource),
        (KGO.Article, RDFS.subClassOf, SDO.NewsArticle),
        (KGO.Extraction, RDFS.subClassOf, PROV.Activity),
        (KGO.Person, RDFS.subClassOf, SDO.Person),
        (KGO.eventType, RDFS.subPropertyOf, SEM.eventType),
        (KGO.agent, RDFS.subPropertyOf, SEM.hasActor),
        (KGO.target, RDFS.subPropertyOf, SEM.hasActor),
        (KGO.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
        (KGO.attributedToActor, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KGO.EventTypeScheme, RDF.type, SKOS.ConceptScheme),
    ]
    assert [t for t in expected if t not in onto] == []


def test_event_types_are_well_formed_skos_concepts(onto):
    roots = set(onto.subjects(SKOS.inScheme, URIRef(PLOVER_NS + "Scheme")))
    assert len(roots) == 15
    for concept in onto.subjects(SKOS.inScheme, SCHEME):
        name = str(concept).removeprefix(NS)
        assert (concept, RDF.type, SKOS.Concept) in onto, name
        assert [str(n) for n in onto.objects(concept, SKOS.notation)] == [name]
        assert len([l for l in onto.objects(concept, SKOS.prefLabel) if l.language == "en"]) == 1, name
        top = (concept, SKOS.topConceptOf, SCHEME) in onto
        broader = list(onto.objects(concept, SKOS.broader))
        assert top != bool(broader), f"{name}: top concept xor narrower"
        assert all((b, SKOS.inScheme, SCHEME) in onto for b in broader), name
        root = onto.value(concept, SKOS.broadMatch)
        assert root in roots, name
        assert str(onto.value(concept, KGO.ploverRoot)) == str(root).removeprefix(PLOVER_NS), name
        assert str(onto.value(concept, KGO.cameoCode)).isdigit(), name
        acled = onto.value(concept, KGO.acledEventType)
        assert (acled is None) == (onto.value(concept, KGO.acledSubEventType) is None), name


def test_committed_ontology_reference_is_what_the_turtle_gives():

    from kg.rdf.ontology_doc import render

    committed = ROOT / "docs" / "ontology.md"
    assert committed.read_text(encoding="utf-8") == render(), (
        "docs/ontology.md is stale: regenerate it with 'kg ontology-doc' (python -m kg.ontology_doc)")


def test_ontology_reference_lists_every_term_and_event_type(onto):
    from kg.rdf.ontology_doc import render

    text = render()
    for name in KGO.__annotations__:
        assert f"`kgo:{name}`" in text, name
    for concept in onto.subjects(SKOS.inScheme, SCHEME):
        assert f"`{onto.value(concept, SKOS.notation)}` | {onto.value(concept, SKOS.prefLabel)} |" in text
    assert "| `Arrest` | arrest or detention |  | COERCE | 173 | Strategic developments | Arrests |" in text
    assert "`kgsh:AssertionShape` — every `kgo:Assertion`" in text


def test_stale_reference_is_reported(tmp_path):
    from kg.errors import KgError
    from kg.rdf.ontology_doc import write_doc

    target = tmp_path / "ontology.md"
    assert write_doc(target) == f"wrote {target}"
    assert write_doc(target, check=True) == f"{target} is up to date"
    target.write_text(target.read_text(encoding="utf-8").replace("arrest or detention", "arrest"), encoding="utf-8")
    with pytest.raises(KgError, match="is stale"):
        write_doc(target, check=True)
