"""The `framing` command: thin commands over :mod:`framing.api`."""

from __future__ import annotations

import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from framing import __version__
from framing.errors import EXIT_DATA, FramingError, UsageError

if TYPE_CHECKING:
    from framing.ingest.corpus import ReadOptions

# The analysis stack (pandas, scikit-learn, NLTK, VADER) is imported inside the commands that use it,
# so `framing --help` and `framing --version` start in a fraction of a second.

app = typer.Typer(
    help="Show how different news outlets frame the same story.\n\n"
    "With no CORPUS, commands use the embedded seed corpus (five articles on the US and NATO "
    "replies to Russia's security demands, Jan-Feb 2022).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_state: dict = {"debug": False, "max_size_mb": 5.0, "clean": "auto", "follow_symlinks": False}
GLOBAL_VALUE_OPTIONS = ("--clean", "--max-size")  # options of every command, accepted before or after its name
GLOBAL_FLAGS = ("--follow-symlinks",)


def _global_options_first(args: list[str]) -> list[str]:
    """Move ``--clean X``, ``--max-size X`` (or ``--clean=X``) and ``--follow-symlinks`` in front
    of the command name, where Typer reads them, so they may be written anywhere on the line."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg in GLOBAL_FLAGS:
            front.append(arg)
            i += 1
            continue
        if arg.split("=", 1)[0] in GLOBAL_VALUE_OPTIONS:
            takes_next = "=" not in arg and i + 1 < len(args)
            front += args[i : i + 2] if takes_next else [arg]
            i += 2 if takes_next else 1
            continue
        rest.append(arg)
        i += 1
    return front + rest


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
StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Read the features from this feature store (framing analyze --store) instead."),
]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")]
MinConfidenceOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        help="Show the learned detector's loaded terms from this probability up (default 0.6; above 1: lexicon "
        "entries only). With --store or --jobs it can only raise the default.",
    ),
]
SidesOpt = Annotated[
    Path | None,
    typer.Option("--sides", help="YAML file grouping this story's actors and speakers into sides (docs/actors.md)."),
]


def _actor_table(features: list, seed: int, n_boot: int, sides: Path | None):  # noqa: ANN202 - a DataFrame
    """Discovered actors by outlet with the sentiment toward them (framing.score.actor_table)."""
    from framing.score.actor_table import actor_table
    from framing.sides import load_sides

    return actor_table(features, seed=seed, n_boot=n_boot, sides=load_sides(sides) if sides else None)


def _with_sides(features: list, sides: Path | None) -> list:
    """The features regrouped by a --sides file (framing.sides), or unchanged without one."""
    if sides is None:
        return features
    from framing.sides import apply_sides, load_sides

    return apply_sides(features, load_sides(sides))


def _show_version(value: bool) -> None:
    """Eager, so `framing --version` answers before Typer asks for a command."""
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show a full traceback on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Show the version and exit.")
    ] = False,
    max_size: Annotated[
        float, typer.Option("--max-size", min=0.001, help="Skip (with a warning) any article over this many MB.")
    ] = 5.0,
    clean: Annotated[
        str,
        typer.Option(
            "--clean",
            help="Boilerplate removal: auto (files cleaned; JSONL text records keep every prose line), yes, or no.",
        ),
    ] = "auto",
    follow_symlinks: Annotated[
        bool,
        typer.Option("--follow-symlinks", help="Read symlinked articles that point outside the corpus folder too."),
    ] = False,
) -> None:
    from framing.ingest.corpus import CLEAN_MODES

    if clean not in CLEAN_MODES:
        raise UsageError("--clean", f"unknown mode '{clean}' (choose {', '.join(CLEAN_MODES)})")
    _state["debug"] = _state["debug"] or debug
    _state["max_size_mb"] = max_size
    _state["clean"] = clean
    _state["follow_symlinks"] = follow_symlinks


def _read_options(encoding: str = "utf-8", skip_bad: bool = False) -> ReadOptions:
    from framing.ingest.corpus import ReadOptions

    return ReadOptions(
        encoding=encoding,
        skip_bad=skip_bad,
        max_bytes=int(_state["max_size_mb"] * 1_000_000),
        clean=str(_state.get("clean", "auto")),
        follow_symlinks=bool(_state.get("follow_symlinks")),
    )


def _report_skipped(options: ReadOptions) -> None:
    for warning in options.warnings:
        typer.echo(f"framing: warning: {warning.source}: {warning.problem}", err=True)
    for skipped in options.skipped:
        typer.echo(f"framing: warning: skipped {skipped.source}: {skipped.problem}", err=True)


def _analysed(corpus: Path | None, lexicon, options: ReadOptions, min_confidence: float | None = None) -> list:
    """Every article's features, with a progress bar on a terminal (nothing when output is redirected)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from framing import api
    from framing.extract.features import analyze_article
    from framing.render import terminal

    lex = api.lexicons(lexicon or ())
    console = terminal.console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("reading and cleaning articles", total=None)
        articles = api.articles(corpus, options)
        progress.update(task, description="analysing articles", total=len(articles))
        features = []
        for article in articles:
            features.append(analyze_article(article, lex, min_confidence=min_confidence))
            progress.advance(task)
    return features


def _features(corpus: Path | None, store: Path | None, lexicon, options: ReadOptions) -> list:
    """Features from a feature store (framing analyze --store) when given, else analysed from the corpus."""

    if store is not None:
        from framing.store import load_features

        return load_features(store)
    features = _analysed(corpus, lexicon, options)
    _report_skipped(options)
    return features


def _emit(data: str, output: Path | None) -> None:
    from framing.output import write_atomic

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
    output: OutputOpt = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Write features to this DuckDB feature store instead of printing them; only articles "
            "new or changed since the last run (or analysed with other lexicons) are analysed.",
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes on this machine.")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (default) or dask (needs --scheduler).")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
    ] = None,
    min_confidence: MinConfidenceOpt = None,
    sides: SidesOpt = None,
) -> None:
    """Extract loaded terms, sentiment, hedges and quoted sources from every article."""
    from framing import api
    from framing.render import terminal

    options = _read_options(encoding, skip_bad)
    if store is not None and sides is not None:
        raise UsageError("--sides", "a feature store keeps the lexicons' sides; give --sides to profile or report")
    if store is not None:
        from framing import run  # the engines and the store load only when asked for

        done = run.analyze_into_store(store, corpus, lexicon or (), options, engine, jobs, scheduler)
        _report_skipped(options)
        typer.echo(f"framing: stored {done.summary()}", err=True)
        if options.skipped:
            typer.echo(f"framing: skipped {len(options.skipped)} unreadable articles", err=True)
        return
    if engine == "local" and jobs == 1 and scheduler is None:
        features = _analysed(corpus, lexicon, options, min_confidence)
    else:
        from framing import run
        from framing.extract.learned import at_confidence

        features = at_confidence(
            run.analyze_corpus(corpus, lexicon or (), options, engine, jobs, scheduler), min_confidence
        )
    _report_skipped(options)
    features = _with_sides(features, sides)
    if format is TableFormat.json:
        _emit(json.dumps([f.to_record() for f in features], ensure_ascii=False, indent=2) + "\n", output)
    elif format is TableFormat.csv:
        from framing.output import frame_csv

        _emit(frame_csv(api.summary_frame(features)), output)
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
    from framing import api
    from framing.errors import DataError
    from framing.extract.features import analyze_article
    from framing.ingest.corpus import clean_result, iter_sources
    from framing.render import terminal

    options = _read_options(encoding)
    path = Path(article)
    if path.is_file():
        found = list(iter_sources(path, options))
    else:
        sources = list(iter_sources(corpus, options))
        candidates = [s for s in sources if s.meta.id == article or s.meta.id.startswith(article)]
        found = [s for s in candidates if s.meta.id == article] or candidates
        if len(found) != 1:
            problem = "matches several articles" if found else "no such article"
            available = ", ".join(s.meta.id for s in sources)
            raise UsageError(None, f"'{article}' {problem} (available: {available})")
    _report_skipped(options)
    if not found:
        raise DataError(article, "could not be read (see the warning above)")
    source = found[0]
    cleaned, _ = clean_result(source)
    if not cleaned.text.strip():  # show every line's verdict: that is what the user came to see
        terminal.console().print(terminal.verdicts_view(source.meta, cleaned.lines))
        raise DataError(source.meta.source, "no article text left after removing boilerplate (verdicts above)")
    from framing.ingest.corpus import clean

    chosen, _ = clean(source)
    features = analyze_article(chosen, api.lexicons(lexicon or ()))
    terminal.console().print(terminal.inspect_view(chosen, features))


@app.command()
def report(
    corpus: CorpusArg = None,
    format: Annotated[str, typer.Option("--format", "-f", help="html, pdf or both.")] = "both",
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write index.html and report.pdf into.")
    ] = Path("reports"),
    pair: Annotated[
        list[str] | None,
        typer.Option(
            "--pair",
            help="Outlets to compare, as A:B (groups: a,b:c). Repeatable. Default: the most and least similar pair.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap intervals.")] = 0,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    store: StoreOpt = None,
    min_confidence: MinConfidenceOpt = None,
    sides: SidesOpt = None,
) -> None:
    """Write the framing report: self-contained HTML and a PDF with charts, tables and highlighted articles."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from framing import api
    from framing.extract.features import analyze_article
    from framing.render import terminal
    from framing.report import FORMATS, write_report

    if format not in FORMATS:
        raise UsageError("--format", f"unknown format '{format}' (choose html, pdf or both)")
    options = _read_options(encoding, skip_bad)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=terminal.console(stderr=True), transient=True) as progress:
        profiles = None
        source: list | Path
        if store is not None:
            from framing.extract.learned import DEFAULT_MIN_CONFIDENCE, at_confidence
            from framing.store import load_features
            from framing.store.aggregate import store_profile
            from framing.store.analysis import store_outlets

            default = min_confidence is None or min_confidence <= DEFAULT_MIN_CONFIDENCE
            if default and sides is None:  # from the store's aggregates: only the shown articles are decoded
                source, n_articles = store, sum(store_outlets(store).values())
            else:
                # A raised threshold or a --sides file changes counts the store summed at the defaults: the
                # features are read and scored in memory, as before (profiles from the store at the default).
                source = _with_sides(at_confidence(load_features(store), min_confidence), sides)
                if default:
                    profiles = store_profile(store, seed)["profiles"]  # summed in the store's engine
        else:
            lex = api.lexicons(lexicon or ())
            articles = api.articles(corpus, options)
            task = progress.add_task("analysing articles", total=len(articles))
            features = []
            for article in articles:
                features.append(analyze_article(article, lex, min_confidence=min_confidence))
                progress.advance(task)
            source = _with_sides(features, sides)
        if not isinstance(source, Path):
            n_articles = len(source)
        stage = progress.add_task("report", total=None)
        written = write_report(
            source,
            output,
            format,
            pair or (),
            seed,
            step=lambda s: progress.update(stage, description=s),
            notice=lambda s: typer.echo(f"framing: {s}", err=True),
            profiles=profiles,
            min_confidence=min_confidence,
        )
    _report_skipped(options)
    typer.echo(f"framing: analysed {n_articles} articles; wrote " + ", ".join(str(p) for p in written))


@app.command()
def exercise(
    corpus: CorpusArg = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="spot, pair, sources, rewrite, classify, or all.")] = "all",
    level: Annotated[
        str, typer.Option("--level", help="basic (fewer items, only high-salience loaded terms) or advanced.")
    ] = "basic",
    count: Annotated[
        int | None, typer.Option("--count", "-n", help="Items per sheet (default: 3 basic, 5 advanced).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same worksheet.")] = 1,
    hide_outlets: Annotated[
        bool, typer.Option("--hide-outlets", help="Label sources Outlet A, B, ... on worksheets; the key names them.")
    ] = False,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for worksheet-KIND and key-KIND (.html and .pdf).")
    ] = Path("reports/exercises"),
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Write media-literacy worksheets with answer keys (HTML and PDF) drawn from the corpus."""
    from framing import api
    from framing.classroom import KINDS, LEVELS, build_exercise
    from framing.classroom.sheets import exercise_files, family
    from framing.errors import DataError
    from framing.output import write_set

    if kind != "all" and kind not in KINDS:
        raise UsageError("--kind", f"unknown exercise kind '{kind}' (choose from {', '.join(KINDS)}, all)")
    if level not in LEVELS:
        raise UsageError("--level", f"unknown level '{level}' (choose from {', '.join(LEVELS)})")
    if count is not None and count < 1:
        raise UsageError("--count", "must be at least 1")
    options = _read_options(encoding, skip_bad)
    features = _analysed(corpus, lexicon, options)
    _report_skipped(options)
    where = str(corpus) if corpus is not None else "seed corpus"
    kinds = list(KINDS) if kind == "all" else [kind]
    lex = api.lexicons(lexicon or ())  # the key check looks entries up in the lexicons the corpus was analysed with
    files: dict[str, str | bytes] = {}
    failed: list[str] = []
    for name in kinds:
        try:
            sheet = build_exercise(name, features, level, count, seed, hide_outlets, where, lex=lex)
            sheet_files = exercise_files(sheet)  # rendered in memory: a failing sheet leaves no partial set
        except FramingError as exc:
            if len(kinds) == 1:
                raise
            failed.append(name)
            typer.echo(f"framing: skipped {name} exercise: {exc.message}", err=True)
            continue
        if sheet.shortfall:
            typer.echo(f"framing: {sheet.shortfall}", err=True)
        files.update(sheet_files)
    if not files:
        raise DataError(where, "no exercise could be built from this corpus (" + ", ".join(failed) + ")")
    result = write_set(output, files, family=family(kinds))
    for path in result.removed:
        typer.echo(f"framing: removed {path} from an earlier run (that exercise was not made this time)", err=True)
    typer.echo("framing: wrote " + ", ".join(str(p) for p in result.written))


class CompareFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _split_outlets(value: str | None) -> list[str]:
    return [s.strip() for s in (value or "").split(",") if s.strip()]


def _write_view(view, output: Path | None) -> None:
    from framing.render import terminal

    if output is None:
        terminal.console().print(view)
    else:
        capture = terminal.Console(record=True, width=160, file=io.StringIO())
        capture.print(view)
        _emit(capture.export_text(), output)


def _one_outlet_before_corpus(outlet: str, corpus: Path) -> None:
    """`compare ledger CORPUS`: the corpus would be read as outlet B; say what was meant instead."""
    from framing.ingest.corpus import ReadOptions, iter_sources

    try:
        found = sorted({s.meta.outlet for s in iter_sources(corpus, ReadOptions(skip_bad=True))})
    except FramingError:
        found = []
    listing = f" (outlets in it: {', '.join(found)})" if found else ""
    raise UsageError(
        None, f"compare needs two outlets before the corpus, got one ('{outlet}') and the corpus {corpus}{listing}"
    )


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
    store: StoreOpt = None,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    output: OutputOpt = None,
) -> None:
    """Compare how two outlets (or groups) frame the story: scores, distinctive words, sources, naming."""
    from framing import api, score
    from framing.render import compare as view

    positional = list(args or [])
    if a is None and b is None and len(positional) == 2 and Path(positional[1]).exists():
        _one_outlet_before_corpus(positional[0], Path(positional[1]))
    side_a = _split_outlets(a) if a is not None else _split_outlets(positional.pop(0) if positional else None)
    side_b = _split_outlets(b) if b is not None else _split_outlets(positional.pop(0) if positional else None)
    if len(positional) > 1:
        raise UsageError(None, f"too many arguments: {' '.join(positional)} (expected OUTLET_A OUTLET_B [CORPUS])")
    corpus = Path(positional[0]) if positional else None
    options = _read_options(encoding, skip_bad)
    lex = api.lexicons(lexicon or ())
    try:
        if store is not None:  # summed in the store's engine, texts streamed once
            from framing.store.compare import store_compare

            result = store_compare(store, side_a, side_b, min_z=min_z, top=top, seed=seed, n_boot=n_boot, lex=lex)
        else:
            features = _features(corpus, store, lexicon, options)
            result = score.compare(features, side_a, side_b, min_z=min_z, top=top, seed=seed, n_boot=n_boot, lex=lex)
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
    store: StoreOpt = None,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    output: OutputOpt = None,
    sides: SidesOpt = None,
) -> None:
    """One row per outlet: every score with its 95% bootstrap interval and a flag when data are thin."""
    from framing import score
    from framing.render import compare as view

    options = _read_options(encoding, skip_bad)
    if store is not None:  # summed in the store's engine, never decoding every article
        from framing.store.aggregate import store_profile

        data = store_profile(store, seed, n_boot, format is TableFormat.json)
        if format is TableFormat.json:  # the discovered actors from the stored mentions, also never decoding
            from framing.sides import load_sides
            from framing.store.actors import store_actor_table

            data["discovered"] = store_actor_table(store, seed, n_boot, sides=load_sides(sides) if sides else None)
        _store_profile(data, format, seed, n_boot, output, f"store {store}")
        return
    features = _with_sides(_features(corpus, store, lexicon, options), sides)
    profiles = score.outlet_profiles(features, seed=seed, n_boot=n_boot)
    if format is TableFormat.csv:
        from framing.output import frame_csv

        _emit(frame_csv(profiles), output)
        return
    actors = score.actor_sentiment(features, seed=seed, n_boot=n_boot)
    if format is TableFormat.json:
        tfidf, similar = score.similarity(features, profiles)
        data = {
            "settings": {"seed": seed, "n_boot": n_boot},
            "profiles": profiles.to_dict("records"),
            "quote_balance": score.quote_balance(features).to_dict("records"),
            "actor_sentiment": actors.to_dict("records"),
            "discovered_actors": _actor_table(features, seed, n_boot, sides).to_dict("records"),
            **_source_frames(features),
            "loaded_by_category": score.loaded_by_category(features).to_dict("records"),
            "similarity": {"tfidf": tfidf.to_dict(), "profile": similar.to_dict()},
            "map": score.outlet_map(features, profiles).to_dict("records"),
        }
        _emit(view.to_json(data), output)
        return
    where = str(corpus) if corpus is not None else "seed corpus"
    heading = f"Outlet profiles: {where}, {len(features)} articles"
    _write_view(view.rich_view(heading, view.profile_sections(profiles, actors)), output)


def _source_frames(features: list) -> dict[str, list[dict]]:
    """`profile -f json`: quotations per outlet by speaker type and by affiliation and side (score.source_types)."""
    from framing.score.source_types import source_affiliations, source_types

    return {
        "source_types": source_types(features).to_dict("records"),
        "source_affiliations": source_affiliations(features).to_dict("records"),
    }


def _store_profile(data: dict, format: TableFormat, seed: int, n_boot: int, output: Path | None, where: str) -> None:
    """`profile --store`: the frames of :func:`framing.store.aggregate.store_profile`, shown as `profile` shows them."""
    from framing.render import compare as view

    if format is TableFormat.csv:
        from framing.output import frame_csv

        _emit(frame_csv(data["profiles"]), output)
    elif format is TableFormat.json:
        frames = {
            "settings": {"seed": seed, "n_boot": n_boot},
            "profiles": data["profiles"].to_dict("records"),
            "quote_balance": data["quote_balance"].to_dict("records"),
            "actor_sentiment": data["actors"].to_dict("records"),
            "discovered_actors": data["discovered"].to_dict("records"),
            **data["sources"],
            "loaded_by_category": data["loaded_by_category"].to_dict("records"),
            "similarity": {"tfidf": data["tfidf"].to_dict(), "profile": data["similar"].to_dict()},
            "map": data["map"].to_dict("records"),
        }
        _emit(view.to_json(frames), output)
    else:
        heading = f"Outlet profiles: {where}, {data['n_articles']} articles"
        _write_view(view.rich_view(heading, view.profile_sections(data["profiles"], data["actors"])), output)


class EvaluateFormat(StrEnum):
    table = "table"
    json = "json"


def _run_benchmarks(
    name: str,
    lex,
    data: Path | None,
    results: Path | None,
    as_json: bool,
    output,
    baseline: Path | None = None,
    record: bool = False,
) -> None:
    """`evaluate --benchmark`: each dataset that is present is measured; an absent one is a one-line skip.

    Each measured benchmark's headline figures are compared with its record in the baseline file
    (default: benchmarks/baseline.json in a checkout), or stored there with `record`."""
    from framing import evaluate as measure
    from framing.evaluation import benchmarks

    names = list(benchmarks.BENCHMARKS) if name == "all" else [name]
    unknown = [n for n in names if n not in benchmarks.BENCHMARKS]
    if unknown:
        raise UsageError(
            "--benchmark", f"unknown benchmark '{unknown[0]}' (choose {', '.join(benchmarks.BENCHMARKS)} or all)"
        )
    if results is None:
        checkout = Path(__file__).resolve().parents[1] / "benchmarks" / "results"
        results = checkout if checkout.is_dir() else None
    path = baseline if baseline is not None else benchmarks.BASELINE
    recorded = measure.read_baseline(path) if not record and (baseline is not None or path.is_file()) else None
    done, lines, problems = [], [], []
    for each in names:
        result = benchmarks.run(each, lex, data)
        if result is None:
            typer.echo(f"framing: skipped benchmark {each}: its data folder is not on this machine", err=True)
            continue
        record_ = result.to_dict()
        lines += [*benchmarks.table_lines(result), ""]
        if results is not None:
            typer.echo(f"framing: wrote {benchmarks.write_result(result, results)}", err=True)
        figures = benchmarks.headline(result)
        if record:
            measure.record_baseline(path, each, figures)
            typer.echo(f"framing: recorded {len(figures)} figures for benchmark '{each}' in {path}", err=True)
        elif recorded is not None:
            if each in recorded and not benchmarks.same_data(figures, recorded[each]):
                note = f"framing: benchmark {each}: not compared with {path}: its gold counts differ (other data)"
                typer.echo(note, err=True)
            elif each in recorded:
                found = measure.regressions(figures, recorded[each])
                if benchmarks.datasets.dataset_dir("lexicons", data) is None:  # its word-list rows cannot be measured
                    found = [p for p in found if not p.endswith("no longer measured")]
                record_["baseline"] = {"file": f"{path} [{each}]", "regressions": found}
                problems += [f"{each}: {p}" for p in found]
                lines.append(f"  baseline {path} [{each}]: " + ("; ".join(found) or "all figures within 0.05"))
                lines.append("")
            else:
                note = f"framing: no recorded figures for benchmark '{each}' in {path} (--record adds them)"
                typer.echo(note, err=True)
        done.append(record_)
    if as_json:
        _emit(json.dumps(done, ensure_ascii=False, indent=1) + "\n", output)
    elif lines:
        _emit("\n".join(lines), output)
    if problems:
        for p in problems:
            typer.echo(f"framing: {p}", err=True)
        typer.echo(f"framing: {len(problems)} benchmark figures dropped more than 0.05 below {path}", err=True)
        raise typer.Exit(1)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path | None,
        typer.Argument(help="Folder of gold annotations (a JSON file per article), e.g. gold/seeds"),
    ] = None,
    corpus: CorpusArg = None,
    benchmark: Annotated[
        str | None,
        typer.Option(
            "--benchmark",
            help="Measure on a public dataset instead of GOLD: babe, ptc, sfu, polnear, newsmtsc or all "
            "(read from ../shared/datasets).",
        ),
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Folder holding the datasets (default: ../shared/datasets).")
    ] = None,
    results: Annotated[
        Path | None,
        typer.Option("--results", help="Write each benchmark's figures as JSON here (default: benchmarks/results/)."),
    ] = None,
    format: Annotated[
        EvaluateFormat, typer.Option("--format", "-f", help="table (scores, misses, false alarms) or json.")
    ] = EvaluateFormat.table,
    lexicon: LexiconOpt = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Recorded figures to compare with (default: baseline.json next to the GOLD folder, or "
            "benchmarks/baseline.json for --benchmark, if present); the command fails when a figure is more than "
            "0.05 below its record.",
        ),
    ] = None,
    record: Annotated[
        bool, typer.Option("--record", help="Store the measured figures in the baseline file instead of comparing.")
    ] = False,
    output: OutputOpt = None,
) -> None:
    """Measure the extractors against hand annotations: precision, recall, F1, speaker accuracy."""
    from framing import api
    from framing import evaluate as measure
    from framing.render import evaluation as view
    from framing.render import terminal

    if benchmark is not None:
        lex = api.lexicons(lexicon or ())
        _run_benchmarks(benchmark, lex, data, results, format is EvaluateFormat.json, output, baseline, record)
        return
    if gold is None:
        raise UsageError(None, "evaluate needs a GOLD folder (e.g. gold/seeds) or --benchmark NAME")
    result = measure.evaluate(gold, corpus, api.lexicons(lexicon or ()))
    figures = result.figures()
    name = gold.resolve().name
    path = baseline if baseline is not None else gold.resolve().parent / "baseline.json"
    problems: list[str] = []
    used: str | None = None
    if record:
        measure.record_baseline(path, name, figures)
        typer.echo(f"recorded {len(figures)} figures for '{name}' in {path}", err=True)
    elif baseline is not None or path.is_file():
        recorded = measure.read_baseline(path)
        if name not in recorded:
            raise UsageError(path, f"no recorded figures for gold set '{name}' (run with --record to add them)")
        problems = measure.regressions(figures, recorded[name])
        used = f"{path} [{name}]"
    if format is EvaluateFormat.json:
        _emit(view.to_json(result, used, problems), output)
    else:
        parts = [view.scores_table(result), view.details(result), view.check_text(used, problems)]
        if output is None:
            for part in parts:
                terminal.console().print(part)
        else:
            capture = terminal.Console(record=True, width=160, file=io.StringIO())
            for part in parts:
                capture.print(part)
            _emit(capture.export_text(), output)
    if problems:
        typer.echo(f"framing: {len(problems)} figures dropped more than 0.05 below {path}", err=True)
        raise typer.Exit(1)


@app.command("train")
def train_command(
    data: Annotated[
        Path | None, typer.Option("--data", help="Folder holding the datasets (default: ../shared/datasets).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Model file to write (default: models/loaded_terms.json).")
    ] = None,
) -> None:
    """Train the loaded-language detector on BABE (seeded) and print its grouped cross-validation figures."""
    from framing.evaluation.datasets import default_root
    from framing.model.train import summary_lines, train

    root = data if data is not None else default_root()
    if not (root / "babe").is_dir():
        typer.echo(f"framing: skipped training: no babe/ folder in {root}", err=True)
        raise typer.Exit(1)
    path = output if output is not None else Path(__file__).resolve().parents[1] / "models" / "loaded_terms.json"
    model = train(root, path, say=lambda line: typer.echo(line, err=True))
    typer.echo("\n".join(summary_lines(model)))
    typer.echo(f"framing: wrote {path}", err=True)


@app.command("claims")
def claims_command(
    corpus: CorpusArg = None,
    format: Annotated[
        TableFormat,
        typer.Option("--format", "-f", help="table (omission map, omissions, exclusives, same fact), json or csv."),
    ] = TableFormat.table,
    min_outlets: Annotated[
        int, typer.Option("--min-outlets", min=1, help="Show claim groups reported by at least this many outlets.")
    ] = 2,
    lexicon: LexiconOpt = None,
    skip_bad: SkipBadOpt = False,
    encoding: EncodingOpt = "utf-8",
    output: OutputOpt = None,
) -> None:
    """Which facts each outlet reports: claims aligned across outlets, omissions and exclusives."""
    from framing import api
    from framing.claims import render as claims_view
    from framing.claims.view import analyse_claims, same_fact
    from framing.errors import DataError

    options = _read_options(encoding, skip_bad)
    features = _analysed(corpus, lexicon, options)
    _report_skipped(options)
    where = str(corpus) if corpus is not None else "seed corpus"
    outlets = sorted({f.outlet for f in features})
    if len(outlets) < 2:
        found = outlets[0] if outlets else "none"
        raise DataError(where, f"claim alignment needs articles from at least two outlets (found one: {found})")
    _, omap = analyse_claims(features, api.lexicons(lexicon or ()))
    if format is TableFormat.csv:
        _emit(claims_view.to_csv(omap, min_outlets), output)
        return
    same = same_fact(omap, features, min_outlets)
    if format is TableFormat.json:
        _emit(claims_view.to_json(omap, same, min_outlets), output)
        return
    heading = f"Claims across outlets: {where}, {len(features)} articles, {len(outlets)} outlets"
    _write_view(claims_view.rich_view(heading, omap, same, min_outlets), output)


def main() -> None:
    """Run the app; Typer reports its own usage errors (exit 2), we report the user's data problems."""
    # Every error message says "rerun with --debug", so --debug is accepted anywhere on the line,
    # after the command name too (Typer only knows it before).
    args = sys.argv[1:]
    if "--debug" in args:
        _state["debug"] = True
        args = [a for a in args if a != "--debug"]
    args = _global_options_first(args)
    try:
        app(args=args, prog_name="framing")
    except FramingError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"framing: error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("framing: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:  # the machine's problem (disk full, permissions), not a bug: one line, exit 3
        if _state["debug"]:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        typer.echo(f"framing: error: {where}{exc.strerror or exc} (rerun with --debug for details)", err=True)
        sys.exit(EXIT_DATA)
    except Exception as exc:  # a bug, not bad input: say so in one line unless --debug
        if _state["debug"]:
            raise
        problem = f"{exc.__class__.__name__}: {exc}"
        typer.echo(f"framing: internal error: {problem} (rerun with --debug for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
