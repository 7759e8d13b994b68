"""Real servers for the tests, on loopback ports the OS picks: Oxigraph's own SPARQL server and
``kg serve``. Each runs as a subprocess and is stopped (by its own pid) when the test is done."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


@contextmanager
def running(args: list[str], probe: str, address_space: int | None = None):
    limit = None
    if address_space is not None:
        def limit():  # runs in the child before exec: cap the server's address space
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit)
    try:
        wait_for(probe, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is not installed: pip install oxigraph (a dev dependency)")
    return found


@contextmanager
def oxigraph_server(location: Path):
    """``oxigraph serve`` on a loopback port, its queries over the union of its named graphs."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    with running(args, f"{base}/query?query=ASK%7B%7D"):
        yield base


@contextmanager
def kg_server(*options: str):
    """``kg serve`` on a loopback port with ``options``; yields its base URL."""
    with kg_serving(*options) as (base, _):
        yield base


@contextmanager
def kg_serving(*options: str, address_space: int | None = None):
    """``kg serve`` on a loopback port with ``options``, each of its processes capped at
    ``address_space`` bytes; yields its base URL and its process."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), *options]
    with running(args, f"{base}/sparql?query=ASK%7B%7D", address_space) as process:
        yield base, process


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (the fork server and the query processes of kg serve)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(parents.get(current, []))
    return tree


def resident_mb(pids: list[int]) -> int:
    """Resident memory of these processes together, in MB (pages they share counted in each)."""
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * 4096
        except OSError:
            continue
    return total >> 20


@contextmanager
def listener():
    """A TCP listener on loopback that counts the connections made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    seen: list[int] = []

    def accept():
        while True:
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            seen.append(1)
            connection.close()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server.getsockname()[1], seen
    finally:
        server.close()
