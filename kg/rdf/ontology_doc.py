"""Generate ``docs/ontology.md``, the human-readable reference of the ontology and its shapes.

``python -m kg.rdf.ontology_doc`` (or ``kg ontology-doc``) writes it; ``--check`` fails when the
committed file differs from what the Turtle says now. The Turtle is the source of truth: edit
``kg/rdf/ontology/conflict.ttl`` or ``kg/rdf/ontology/shapes.ttl``, then regenerate.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError
from kg.files import write_text
from kg.rdf.scheme import ONTOLOGY_FILE, SHAPES_FILE
from kg.rdf.vocab import DATA_BASE, KGO_NS, PLOVER_NS, PREFIXES
from kg.rdf.vocab import compact as compact_iri

DOC_FILE = Path("docs") / "ontology.md"
KGO = KGO_NS
PLOVER = PLOVER_NS
PLOVER_ORDER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def render(ontology: Path = ONTOLOGY_FILE, shapes: Path = SHAPES_FILE) -> str:
    """The reference as Markdown, deterministic for a given pair of Turtle files."""
    import rdflib

    graph = rdflib.Graph().parse(ontology, format="turtle")
    shapes_graph = rdflib.Graph().parse(shapes, format="turtle")
    doc = _Doc(graph)
    parts = [
        doc.header(),
        doc.namespaces(),
        doc.alignment(),
        doc.classes(),
        doc.properties(),
        doc.modalities(),
        doc.event_types(),
        doc.plover_roots(),
        _Shapes(shapes_graph).section(),
    ]
    return "\n".join(parts).rstrip() + "\n"


def compact(term) -> str:
    return compact_iri(str(term)) or f"<{term}>"


def cell(text) -> str:
    """Text fit for a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|") if text is not None else ""


def code(term) -> str:
    return f"`{compact(term)}`"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


class _Doc:
    def __init__(self, graph):
        from rdflib import URIRef
        from rdflib.namespace import OWL, RDF, RDFS, SKOS

        self.g, self.OWL, self.RDF, self.RDFS, self.SKOS, self.URIRef = graph, OWL, RDF, RDFS, SKOS, URIRef
        self.ontology = next(graph.subjects(RDF.type, OWL.Ontology))

    def text(self, node, prop) -> str:
        values = sorted(str(v) for v in self.g.objects(node, prop) if getattr(v, "language", "en") in ("en", None))
        return cell(values[0]) if values else ""

    def terms(self, kind) -> list:
        return sorted((s for s in self.g.subjects(self.RDF.type, kind) if str(s).startswith(KGO)), key=str)

    def header(self) -> str:
        o, g = self.ontology, self.g
        value = lambda p: g.value(o, p)  # noqa: E731
        vann = "http://purl.org/vocab/vann/"
        lines = [
            f"# {self.text(o, self.RDFS.label)}",
            "",
            "<!-- Generated from kg/rdf/ontology/conflict.ttl and kg/rdf/ontology/shapes.ttl by `kg ontology-doc`"
            " (python -m kg.rdf.ontology_doc); do not edit by hand. -->",
            "",
            self.text(o, self.RDFS.comment),
            "",
            f"- IRI: `{o}`",
            f"- Version: {value(self.OWL.versionInfo)} (`{value(self.OWL.versionIRI)}`)",
            f"- Preferred prefix: `{value(self.URIRef(vann + 'preferredNamespacePrefix'))}:`"
            f" = `{value(self.URIRef(vann + 'preferredNamespaceUri'))}`",
            f"- License: {value(self.URIRef('http://purl.org/dc/terms/license'))}",
            "",
            "An **Event** is what happened; an **Assertion** is one source's claim about it, with its modality,"
            " attribution, confidence and the sentence and character offsets it was read from. Several assertions"
            " can point at one event, and a denied or alleged claim never becomes a plain fact.",
            "",
        ]
        return "\n".join(lines)

    def namespaces(self) -> str:
        rows = [[f"`{p}:`", f"`{ns}`"] for p, ns in PREFIXES.items() if p != "sh" and not ns.startswith(DATA_BASE)]
        return "## Namespaces\n\n" + table(["prefix", "namespace"], rows)

    def alignment(self) -> str:
        rows = []
        for prop, name in ((self.RDFS.subClassOf, "subclass of"), (self.RDFS.subPropertyOf, "subproperty of"),
                           (self.RDFS.seeAlso, "see also")):
            for s, o in self.g.subject_objects(prop):
                if str(s).startswith(KGO) and not str(o).startswith(KGO) and isinstance(o, self.URIRef):
                    rows.append([code(s), name, code(o)])
        rows.sort()
        intro = ("kg reuses SEM for events, actors, places and time stamps, PROV-O for provenance, schema.org for"
                 " articles and actor kinds, Web Annotation for character offsets and SKOS for the event-type scheme.\n\n")
        return "## Alignment\n\n" + intro + table(["kg term", "relation", "aligned with"], rows)

    def classes(self) -> str:
        actor = self.URIRef(KGO + "Actor")
        core, actors = [], []
        for c in self.terms(self.OWL.Class):
            (actors if (c, self.RDFS.subClassOf, actor) in self.g or c == actor or self._under(c, actor) else core).append(c)
        rows = [self._class_row(c) for c in core]
        ordered = self._tree(actor, 0)
        rows_actors = [self._class_row(c, depth) for c, depth in ordered]
        return ("## Classes\n\n" + table(["class", "label", "subclass of", "description"], rows) +
                "\n### Actor classes\n\n" + table(["class", "label", "subclass of", "description"], rows_actors))

    def _under(self, c, ancestor) -> bool:
        seen, todo = set(), [c]
        while todo:
            node = todo.pop()
            for parent in self.g.objects(node, self.RDFS.subClassOf):
                if parent == ancestor:
                    return True
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return False

    def _tree(self, root, depth) -> list:
        result = [(root, depth)]
        children = sorted((c for c in self.g.subjects(self.RDFS.subClassOf, root) if str(c).startswith(KGO)), key=str)
        for child in children:
            result.extend(self._tree(child, depth + 1))
        return result

    def _class_row(self, c, depth: int = 0) -> list[str]:
        parents = ", ".join(sorted(code(p) for p in self.g.objects(c, self.RDFS.subClassOf)))
        name = ("&nbsp;&nbsp;" * depth) + ("↳ " if depth else "") + code(c)
        return [name, self.text(c, self.RDFS.label), parents, self.text(c, self.RDFS.comment)]

    def properties(self) -> str:
        out = ["## Properties\n"]
        for kind, title in ((self.OWL.ObjectProperty, "Object properties"), (self.OWL.DatatypeProperty, "Datatype properties"),
                            (self.OWL.AnnotationProperty, "Annotation properties")):
            rows = []
            for p in self.terms(kind):
                functional = " (functional)" if (p, self.RDF.type, self.OWL.FunctionalProperty) in self.g else ""
                rows.append([
                    code(p) + functional,
                    self.text(p, self.RDFS.label),
                    ", ".join(code(d) for d in sorted(self.g.objects(p, self.RDFS.domain), key=str)),
                    ", ".join(code(r) for r in sorted(self.g.objects(p, self.RDFS.range), key=str)),
                    ", ".join(code(s) for s in sorted(self.g.objects(p, self.RDFS.subPropertyOf), key=str)),
                    self.text(p, self.RDFS.comment),
                ])
            out.append(f"### {title}\n\n" + table(["property", "label", "domain", "range", "subproperty of", "description"], rows))
        return "\n".join(out)

    def modalities(self) -> str:
        modality = self.URIRef(KGO + "Modality")
        order = [self.URIRef(KGO + n) for n in ("Asserted", "Reported", "Alleged", "Denied", "Planned", "Hypothetical")]
        found = set(self.g.subjects(self.RDF.type, modality))
        rows = [[code(m), self.text(m, self.RDFS.label), self.text(m, self.RDFS.comment)]
                for m in order + sorted(found - set(order), key=str) if m in found]
        return ("## Modalities\n\nThe six individuals of `kgo:Modality`: how certain a source is that an event happened.\n\n" +
                table(["modality", "label", "meaning"], rows))

    def event_types(self) -> str:
        scheme = self.URIRef(KGO + "EventTypeScheme")
        concepts = set(self.g.subjects(self.SKOS.inScheme, scheme))
        tops = [c for c in concepts if self.g.value(c, self.SKOS.broader) is None]

        def plover_rank(c):
            root = str(self.g.value(c, self.URIRef(KGO + "ploverRoot")) or "")
            return (PLOVER_ORDER.index(root) if root in PLOVER_ORDER else len(PLOVER_ORDER), str(c))

        rows = []

        def add(c, depth):
            broader = self.g.value(c, self.SKOS.broader)
            rows.append([
                ("&nbsp;&nbsp;" * depth) + ("↳ " if depth else "") + f"`{self.g.value(c, self.SKOS.notation)}`",
                self.text(c, self.SKOS.prefLabel),
                f"`{self.g.value(broader, self.SKOS.notation)}`" if broader is not None else "",
                cell(self.g.value(c, self.URIRef(KGO + "ploverRoot"))),
                cell(self.g.value(c, self.URIRef(KGO + "cameoCode"))),
                cell(self.g.value(c, self.URIRef(KGO + "acledEventType"))),
                cell(self.g.value(c, self.URIRef(KGO + "acledSubEventType"))),
                self.text(c, self.RDFS.comment),
            ])
            for child in sorted(self.g.subjects(self.SKOS.broader, c), key=plover_rank):
                add(child, depth + 1)

        for top in sorted(tops, key=plover_rank):
            add(top, 0)
        intro = (f"{len(concepts)} SKOS concepts of `kgo:EventTypeScheme` (IRI `kgo:<name>`), grouped under their PLOVER"
                 " root, narrower types after their broader one. Each maps to a PLOVER root (`skos:broadMatch` and"
                 " `kgo:ploverRoot`), a CAMEO code and, where one fits, an ACLED event type and sub-event type.\n\n")
        return "## Event types\n\n" + intro + table(
            ["type", "label", "broader", "PLOVER", "CAMEO", "ACLED event type", "ACLED sub-event type", "description"], rows)

    def plover_roots(self) -> str:
        rows = []
        for name in PLOVER_ORDER:
            root = self.URIRef(PLOVER + name)
            if (root, self.RDF.type, None) not in self.g:
                continue
            rows.append([f"`plover:{name}`", cell(self.g.value(root, self.URIRef(KGO + "quadClass"))),
                         cell(self.g.value(root, self.URIRef(KGO + "goldstein"))), self.text(root, self.RDFS.comment)])
        intro = ("QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."
                 " Goldstein-style score from -10 (most conflictual) to +10 (most cooperative).\n\n")
        return "## PLOVER roots\n\n" + intro + table(["root", "QuadClass", "Goldstein", "description"], rows)


class _Shapes:
    def __init__(self, graph):
        from rdflib import Namespace
        from rdflib.namespace import RDF, RDFS

        self.g, self.SH, self.RDF, self.RDFS = graph, Namespace(PREFIXES["sh"]), RDF, RDFS

    def section(self) -> str:
        out = ["## Shapes (SHACL)\n",
               "`kg/rdf/ontology/shapes.ttl` says what a well-formed graph looks like. `kg build` checks every article"
               " against it before storing it; `kg validate` checks a whole store.\n"]
        shapes = sorted(self.g.subjects(self.RDF.type, self.SH.NodeShape), key=str)
        for shape in shapes:
            target = self.g.value(shape, self.SH.targetClass)
            title = f"### {code(shape)}" + (f" — every {code(target)}" if target is not None else " (used by other shapes)")
            rows = [[self._path(self.g.value(p, self.SH.path)), self._constraint(p), cell(self.g.value(p, self.SH.message))]
                    for p in self.g.objects(shape, self.SH.property)]
            rows.sort(key=lambda row: row[0].replace("`", ""))
            lines = [title, ""]
            for extra, text in ((self.SH["class"], "instance of"), (self.SH.node, "conforms to"), (self.SH.nodeKind, "node kind")):
                value = self.g.value(shape, extra)
                if value is not None:
                    lines.append(f"- {text} {code(value)}")
            if len(lines) > 2:
                lines.append("")
            out.append("\n".join(lines) + "\n" + (table(["path", "constraints", "message"], rows) if rows else ""))
        return "\n".join(out)

    def _path(self, path) -> str:
        from rdflib import BNode
        from rdflib.collection import Collection

        if isinstance(path, BNode):
            alternatives = self.g.value(path, self.SH.alternativePath)
            if alternatives is not None:
                return " \\| ".join(code(p) for p in Collection(self.g, alternatives))
        return code(path)

    def _constraint(self, prop) -> str:
        from rdflib.collection import Collection

        parts = []
        low, high = self.g.value(prop, self.SH.minCount), self.g.value(prop, self.SH.maxCount)
        if low is not None or high is not None:
            parts.append(f"{low if low is not None else 0}..{high if high is not None else '*'}")
        for key in ("datatype", "class", "node", "hasValue", "lessThan"):
            value = self.g.value(prop, self.SH[key])
            if value is not None:
                parts.append(f"{key} {code(value)}")
        either = self.g.value(prop, self.SH["or"])
        if either is not None:
            options = [code(self.g.value(o, self.SH.datatype)) for o in Collection(self.g, either)]
            parts.append("datatype " + " or ".join(options))
        within = self.g.value(prop, self.SH["in"])
        if within is not None:
            parts.append("in " + ", ".join(code(v) for v in Collection(self.g, within)))
        for key, sign in (("minInclusive", "≥"), ("maxInclusive", "≤"), ("minLength", "length ≥")):
            value = self.g.value(prop, self.SH[key])
            if value is not None:
                parts.append(f"{sign} {value}")
        pattern = self.g.value(prop, self.SH.pattern)
        if pattern is not None:
            parts.append(f"pattern `{pattern}`")
        return cell("; ".join(parts))


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.rdf.ontology_doc [-o docs/ontology.md] [--check]``."""
    parser = argparse.ArgumentParser(prog="python -m kg.rdf.ontology_doc", description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DOC_FILE)
    parser.add_argument("--check", action="store_true", help="fail when the file is not what the Turtle gives")
    args = parser.parse_args(argv)
    try:
        print(write_doc(args.output, check=args.check))
    except KgError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


def write_doc(output: Path = DOC_FILE, *, check: bool = False) -> str:
    """Write the reference to ``output`` (atomically), or with ``check`` only compare it (a
    :class:`kg.errors.KgError` when it is stale); returns what was done, in words."""
    text = render()
    if check:
        current = output.read_text(encoding="utf-8") if output.is_file() else None
        if current != text:
            raise KgError(f"{output} is stale: regenerate it with 'kg ontology-doc -o {output}'")
        return f"{output} is up to date"
    write_text(output, text)
    return f"wrote {output}"


if __name__ == "__main__":
    sys.exit(main())
