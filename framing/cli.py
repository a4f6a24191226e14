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


class CompareFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _split_outlets(value: str | None) -> list[str]:
    return [s.strip() for s in (value or "").split(",") if s.strip()]


def _write_view(view, output: Path | None) -> None:
    if output is None:
        terminal.console().print(view)
    else:
        capture = terminal.Console(record=True, width=160, file=io.StringIO())
        capture.print(view)
        _emit(capture.export_text(), output)


@app.command()
def compare(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OUTLET_A OUTLET_B [CORPUS]",
            help="Two outlet slugs (a comma list pools outlets: sputnik,aggregator), then an optional corpus. "
            "With --a/--b the only argument is the corpus.",
            show_default=False,
        ),
    ] = None,
    a: Annotated[str | None, typer.Option("--a", help="Outlet(s) on side A, comma-separated.")] = None,
    b: Annotated[str | None, typer.Option("--b", help="Outlet(s) on side B, comma-separated.")] = None,
    format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="table, json (every number) or markdown.")
    ] = CompareFormat.table,
    top: Annotated[int, typer.Option("--top", min=1, help="Terms and speakers shown per side.")] = 15,
    min_z: Annotated[
        float,
        typer.Option("--min-z", min=0.0, help="Keep distinctive terms with |z| at least this (1.96 = the 5% level)."),
    ] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap intervals.")] = 0,
    n_boot: Annotated[int, typer.Option("--n-boot", min=100, help="Bootstrap resamples.")] = 1000,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")
    ] = None,
) -> None:
    """Compare how two outlets (or groups) frame the story: scores, distinctive words, sources, naming."""
    from framing import score
    from framing.render import compare as view

    positional = list(args or [])
    side_a = _split_outlets(a) if a is not None else _split_outlets(positional.pop(0) if positional else None)
    side_b = _split_outlets(b) if b is not None else _split_outlets(positional.pop(0) if positional else None)
    if len(positional) > 1:
        raise UsageError(None, f"too many arguments: {' '.join(positional)} (expected OUTLET_A OUTLET_B [CORPUS])")
    corpus = Path(positional[0]) if positional else None
    options = ReadOptions(encoding=encoding, skip_bad=skip_bad)
    features = api.analyze(corpus, lexicon or (), options)
    _report_skipped(options)
    try:
        result = score.compare(
            features, side_a, side_b, min_z=min_z, top=top, seed=seed, n_boot=n_boot, lex=api.lexicons(lexicon or ())
        )
    except UsageError as exc:
        if not options.skipped:
            raise
        skipped = f"{len(options.skipped)} unreadable article(s) were skipped"
        raise UsageError(exc.where, f"{exc.problem}; {skipped}") from None
    if format is CompareFormat.json:
        _emit(view.to_json(result.to_dict()), output)
    elif format is CompareFormat.markdown:
        _emit(view.markdown(view.comparison_heading(result), view.comparison_sections(result)), output)
    else:
        _write_view(view.rich_view(view.comparison_heading(result), view.comparison_sections(result)), output)


@app.command()
def profile(
    corpus: CorpusArg = None,
    format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="table, json (every frame) or csv (one row per outlet).")
    ] = TableFormat.table,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap intervals.")] = 0,
    n_boot: Annotated[int, typer.Option("--n-boot", min=100, help="Bootstrap resamples.")] = 1000,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")
    ] = None,
) -> None:
    """One row per outlet: every score with its 95% bootstrap interval and a flag when data are thin."""
    from framing import score
    from framing.render import compare as view

    options = ReadOptions(encoding=encoding, skip_bad=skip_bad)
    features = api.analyze(corpus, lexicon or (), options)
    _report_skipped(options)
    profiles = score.outlet_profiles(features, seed=seed, n_boot=n_boot)
    if format is TableFormat.csv:
        buffer = io.StringIO()
        profiles.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
        _emit(buffer.getvalue(), output)
        return
    actors = score.actor_sentiment(features, seed=seed, n_boot=n_boot)
    if format is TableFormat.json:
        tfidf, similar = score.similarity(features, profiles)
        data = {
            "settings": {"seed": seed, "n_boot": n_boot},
            "profiles": profiles.to_dict("records"),
            "quote_balance": score.quote_balance(features).to_dict("records"),
            "actor_sentiment": actors.to_dict("records"),
            "loaded_by_category": score.loaded_by_category(features).to_dict("records"),
            "similarity": {"tfidf": tfidf.to_dict(), "profile": similar.to_dict()},
            "map": score.outlet_map(features, profiles).to_dict("records"),
        }
        _emit(view.to_json(data), output)
        return
    where = str(corpus) if corpus is not None else "seed corpus"
    heading = f"Outlet profiles: {where}, {len(features)} articles"
    _write_view(view.rich_view(heading, view.profile_sections(profiles, actors)), output)


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
