"""Stores that cannot be used as they are, in real ``kg`` processes: a store with 4 KB overwritten
inside its table files gives every command one line and exit code 4 within a bounded memory (it
made ``kg stats`` allocate 24 GB); a store that is only read-only (permissions) is said to be
read-only, never damaged (the advice to rebuild it would destroy a good store)."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
LIMIT_MB = 1200
COMMANDS = [
    ("stats",),
    ("validate",),
    ("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("query", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 1"),
    ("export", "--format", "nt", "-o", "{out}/g.nt"),
    ("view", "-o", "{out}/v.html"),
]


def kg(*args: str, env: dict | None = None, run_as: list[str] = (), **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*run_as, sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, **kwargs)


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("damaged")
    kgo = "https://w3id.org/kg/ontology#"
    with (folder / "big.nt").open("w", encoding="utf-8") as handle:
        for i in range(70_000):  # kg-shaped, so that kg stats has as much to read as the others
            handle.write(f'<urn:kg:e{i}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kgo}Event> .\n'
                         f'<urn:kg:e{i}> <{kgo}eventType> <{kgo}{"Arrest" if i % 2 else "Attack"}> .\n'
                         f'<urn:kg:a{i}> <{kgo}modality> <{kgo}Asserted> .\n'
                         f'<urn:kg:e{i}> <urn:kg:note> "value {i} of a store that gets damaged" .\n')
    assert kg("import", str(folder / "big.nt"), "--store", str(folder / "store")).returncode == 0
    return folder / "store"


def test_a_damaged_store_gives_one_line_and_exit_4_within_bounded_memory(whole, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(whole, store)
    tables = [t for t in store.glob("*.sst") if t.stat().st_size > 100_000]
    assert tables
    for table in tables:  # 4 KB of noise at five places inside each table file, so that every command reads some
        with table.open("r+b") as handle:
            for tenth in (1, 3, 5, 7, 9):
                handle.seek(table.stat().st_size * tenth // 10)
                handle.write(os.urandom(4096))
    peaks = []
    for command in COMMANDS:
        args = [a.replace("{out}", str(tmp_path)) for a in command]
        done = kg(*args, "--store", str(store), env={"KG_MEMORY_MB": str(LIMIT_MB)},
                  preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30)))
        peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss >> 10)
        assert done.returncode == 4, (args, done.returncode, done.stderr[-500:])
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr[-500:]
        assert "is damaged and cannot be read (Corruption: block checksum mismatch" in done.stderr, done.stderr
        assert done.stderr.rstrip().endswith("; restore a copy or build it again")
    print(f"\nfigures: damaged store, peak memory of the commands: {max(peaks)} MB (limit {LIMIT_MB} MB)")
    assert max(peaks) < LIMIT_MB + 400


def test_a_read_only_store_is_said_to_be_read_only_not_damaged(whole):
    """The store's folder cannot be written by the user running kg: commands that write say so and
    touch nothing; commands that read work."""
    folder = Path(tempfile.mkdtemp(prefix="kg-read-only-"))
    try:
        store = folder / "store"
        shutil.copytree(whole, store)
        if os.geteuid() == 0:  # root writes anywhere: run kg as nobody, who may read the store but not write it
            os.chmod(folder, 0o755)
            for path in [store, *store.iterdir()]:
                os.chmod(path, 0o755 if path.is_dir() else 0o644)
            assert shutil.which("setpriv"), "util-linux's setpriv runs kg as another user"
            drop = {"run_as": ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]}
        else:
            os.chmod(store, 0o555)
            drop = {}
        before = sorted((p.name, p.stat().st_size) for p in store.iterdir())
        (folder / "more.nt").write_text("<urn:kg:x> <urn:kg:y> <urn:kg:z> .\n", encoding="utf-8")
        os.chmod(folder / "more.nt", 0o644)
        written = kg("import", str(folder / "more.nt"), "--store", str(store), cwd=folder, **drop)
        assert written.returncode == 4 and len(written.stderr.splitlines()) == 1, written.stderr
        assert written.stderr.startswith(f"kg: store {store} cannot be written (")
        assert "damaged" not in written.stderr and "rebuild" not in written.stderr
        assert "commands that only read it (query, stats, export, view) still work" in written.stderr
        read = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv",
                  "--store", str(store), cwd=folder, **drop)
        assert read.returncode == 0 and int(read.stdout.split()[1]) >= 280_000, read.stderr
        assert sorted((p.name, p.stat().st_size) for p in store.iterdir()) == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder, ignore_errors=True)
