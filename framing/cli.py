"""The `framing` command: thin commands over :mod:`framing.api`."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import click
import typer

from framing import __version__, api
from framing.errors import EXIT_USAGE, FramingError, UsageError
from framing.extract.features import analyze_article
from framing.ingest.corpus import ReadOptions, iter_articles
from framing.output import write_atomic
from framing.render import terminal

app = typer.Typer(
    help="Show how different news outlets frame the same story.\n\n"
    "With no CORPUS, commands use the embedded seed corpus (five articles on the US and NATO "
    "replies to Russia's security demands, Jan-Feb 2022).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_state = {"debug": False}


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


CorpusArg = Annotated[
    Path | None,
    typer.Argument(help="Folder of articles (with optional manifest.csv/yaml), a .jsonl file, or one article file."),
]
LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon", help="Extra loaded-terms lexicon (CSV or YAML, columns as lexicons/loaded_terms.csv). Repeatable."
    ),
]
SkipBadOpt = Annotated[
    bool, typer.Option("--skip-bad", help="Skip unreadable articles (and list them) instead of stopping.")
]
EncodingOpt = Annotated[
    str,
    typer.Option("--encoding", help="Text encoding of the articles: utf-8 (default), auto (detect), or a codec name."),
]


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show a full traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    _state["debug"] = debug
    if version:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


def _report_skipped(options: ReadOptions) -> None:
    for skipped in options.skipped:
        typer.echo(f"framing: skipped {skipped.source}: {skipped.problem}", err=True)


def _emit(data: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(data)
    else:
        write_atomic(output, data)
        typer.echo(f"wrote {output}", err=True)


@app.command()
def analyze(
    corpus: CorpusArg = None,
    format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="table, json (one record per article) or csv.")
    ] = TableFormat.table,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Write features to this SQLite feature store instead of printing them; only articles "
            "new or changed since the last run (or analysed with other lexicons) are analysed.",
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes on this machine.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (default) or dask (needs --scheduler).")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
    ] = None,
) -> None:
    """Extract loaded terms, sentiment, hedges and quoted sources from every article."""
    from framing import run  # the engines and the store load only when asked for

    options = ReadOptions(encoding=encoding, skip_bad=skip_bad)
    if store is not None:
        done = run.analyze_into_store(store, corpus, lexicon or (), options, engine, jobs, scheduler)
        _report_skipped(options)
        typer.echo(f"framing: stored {done.summary()}", err=True)
        if options.skipped:
            typer.echo(f"framing: skipped {len(options.skipped)} unreadable articles", err=True)
        return
    if engine == "local" and jobs == 1 and scheduler is None:
        features = api.analyze(corpus, lexicon or (), options)
    else:
        features = run.analyze_corpus(corpus, lexicon or (), options, engine, jobs, scheduler)
    _report_skipped(options)
    if format is TableFormat.json:
        _emit(json.dumps([f.to_record() for f in features], ensure_ascii=False, indent=2) + "\n", output)
    elif format is TableFormat.csv:
        frame = api.summary_frame(features)
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
        _emit(buffer.getvalue(), output)
    else:
        table = terminal.features_table(features)
        if output is None:
            terminal.console().print(table)
        else:
            capture = terminal.Console(record=True, width=160, file=io.StringIO())
            capture.print(table)
            _emit(capture.export_text(), output)
    if options.skipped:
        typer.echo(f"framing: analysed {len(features)} articles, skipped {len(options.skipped)}", err=True)


@app.command()
def inspect(
    article: Annotated[
        str, typer.Argument(help="Article id (or unique prefix, e.g. 003) in the corpus, or a path to an article file.")
    ],
    corpus: CorpusArg = None,
    lexicon: LexiconOpt = None,
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Show one article's cleaned text with findings marked, and the boilerplate removed."""
    options = ReadOptions(encoding=encoding)
    path = Path(article)
    if path.is_file():
        found = list(iter_articles(path, options))
    else:
        candidates = [a for a in iter_articles(corpus, options) if a.id == article or a.id.startswith(article)]
        exact = [a for a in candidates if a.id == article]
        found = exact or candidates
        if len(found) != 1:
            everything = [a.id for a in iter_articles(corpus, options)]
            problem = "matches several articles" if found else "no such article"
            raise UsageError(None, f"'{article}' {problem} (available: {', '.join(everything)})")
    chosen = found[0]
    features = analyze_article(chosen, api.lexicons(lexicon or ()))
    terminal.console().print(terminal.inspect_view(chosen, features))


def main() -> None:
    try:
        app(standalone_mode=False)
    except FramingError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"framing: error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        typer.echo("framing: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        typer.echo("framing: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so in one line unless --debug
        if _state["debug"]:
            raise
        typer.echo(
            f"framing: internal error: {exc.__class__.__name__}: {exc} (rerun with --debug for details)", err=True
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
