"""What ``kg build`` shows while it runs (a rich progress bar: articles, articles/s, ETA) and the
summary it prints at the end."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from kg.errors import KgError
from kg.ingest.paths import count_documents


class RateColumn(ProgressColumn):
    """Articles per second so far."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")


@contextmanager
def build_progress(console: Console, inputs, *, enabled: bool = True) -> Iterator[Callable | None]:
    """A callback for a build (:func:`kg.build.corpus.build_corpus`) that drives a progress bar, or None
    when not ``enabled`` (output is not a terminal, or ``--quiet``)."""
    if not enabled:
        yield None
        return
    try:
        total = count_documents(inputs)
    except KgError:
        total = None  # the build itself reports the bad input
    columns = (TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[events]} events"),
               RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True, refresh_per_second=4) as bar:
        task = bar.add_task("build", total=total, events=0)

        def update(summary) -> None:
            bar.update(task, completed=summary.seen, events=summary.events)

        yield update


def summary_lines(summary) -> list[str]:
    """The end-of-build summary: what was stored, what was skipped and why, how fast."""
    lines = [f"built: {summary.articles} article(s), {summary.events} event assertion(s), {summary.quads} quads; "
             f"{summary.skipped} unchanged article(s) skipped"]
    if summary.merged:
        lines.append(f"merged: {summary.merged} assertion(s) joined an event other articles report")
    if summary.refused:
        lines.append(f"refused: {len(summary.refused)} bad input(s) set aside (listed at the end)")
    if summary.rejected:
        lines.append(f"rejected: {summary.rejected} article(s) whose graphs do not conform to the shapes (listed below)")
    if not summary.articles + summary.skipped + summary.rejected:
        lines.append("nothing built: no input held an article kg could read"
                     + ("; no store was created" if summary.store_removed else ""))
        return lines
    rate = summary.seen / summary.seconds if summary.seconds else 0.0
    words = summary.words / summary.seconds if summary.seconds else 0.0
    lines.append(f"store: {summary.actors} actor(s) in events; {summary.seen} article(s) in {summary.seconds:.1f} s "
                 f"({rate:.1f} articles/s, {words:,.0f} words/s)")
    return lines
