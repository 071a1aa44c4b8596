"""gpt4o-tui's command line: the app, `check`, `cost`, `tokens`, `screenshots` and `serve`.

Textual is imported only by the commands that draw a screen, so `--version`,
`--help` and `check` stay quick."""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from gpt4o_tui import __version__
from gpt4o_tui.core import cached
from gpt4o_tui.core.catalog import Catalog, DataError, load
from gpt4o_tui.core.counts import (
    CACHED_BOUNDS,
    IMAGES_BOUNDS,
    INPUT_BOUNDS,
    OUTPUT_BOUNDS,
    REQUESTS_BOUNDS,
    TURNS_BOUNDS,
    Bounds,
    CountError,
    check_bounds,
    parse_count,
)
from gpt4o_tui.core.images import DEFAULT_SIZE, DETAILS, MAX_SIDE, ImageSize, parse_size
from gpt4o_tui.core.settings import path as settings_path
from gpt4o_tui.text import i18n
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui import themes
from gpt4o_tui.tui.panes import TABS

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gpt4o_tui.core.costs import ModelCost, Workload
    from gpt4o_tui.core.scenario import Scenario

EXIT_DATA_ERROR = 2
EXIT_USAGE = 2  # as argparse
EXIT_OUTPUT_ERROR = 1
EXIT_CRASH = 1
SCREENSHOT_SIZE = (120, 40)
# `tokens --sample` with no id: list the samples instead of counting one.
LIST_SAMPLES = object()
# `tokens -` and `tokens --file -` read the text from standard input.
STDIN = "-"
# The calculator's workload flags, each a Workload field of the same name.
WORKLOAD_FLAGS = (
    "input_tokens",
    "output_tokens",
    "requests_per_day",
    "images",
    "image_size",
    "detail",
    "cached_input_tokens",
)


def main(argv: list[str] | None = None) -> int:
    lang = i18n.language(_language(sys.argv[1:] if argv is None else argv))
    if sys.stdout is None:  # started with its output closed (`gpt4o-tui check >&-`)
        print(lang("cli.output_failed", reason=lang("cli.stdout_closed")), file=sys.stderr)
        return EXIT_OUTPUT_ERROR
    try:
        code = _run(argv, lang)
        sys.stdout.flush()  # a failed write of buffered output is reported here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (`gpt4o-tui cost ... | head -1`): nothing is wrong.
        _drop_stdout()
        return 0
    except OSError as error:
        if error.filename is not None:  # a named file: not the output going wrong
            raise
        # The output itself failed (`> /dev/full`, a full disk): say it once, and do
        # not let the interpreter fail again flushing what is left at exit.
        _drop_stdout()
        print(lang("cli.output_failed", reason=error.strerror or error), file=sys.stderr)
        return EXIT_OUTPUT_ERROR


def _language(argv: list[str]) -> str:
    """--lang, looked for before parsing so that --help and parse errors are already
    in the language; else the locale's. A bad --lang is left for the parser to refuse."""
    for index, arg in enumerate(argv):
        value = (
            arg.removeprefix("--lang=")
            if arg.startswith("--lang=")
            else (argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        )
        if value in i18n.LANGS:
            return value
    return i18n.from_environment()


def _drop_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# Spaces at the end of a line, before any style codes that close it.
_TRAILING_SPACES = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def _print(renderable: RenderableType) -> None:
    """Print a table or text as Rich draws it, less the spaces it pads each line
    with: a line of output never ends in a space."""
    from rich.console import Console

    console = Console()
    with console.capture() as captured:
        console.print(renderable)
    sys.stdout.write(_TRAILING_SPACES.sub(r"\1", captured.get()))


def _run(argv: list[str] | None, lang: Language) -> int:
    args = _parser(lang).parse_args(argv)
    try:
        # `check` validates the files whatever the cache holds; the rest start from it.
        data = getattr(args, "data", None)
        catalog = load(data) if args.command == "check" else cached.catalog(data)
    except DataError as error:
        print(lang("cli.data_error", error=error), file=sys.stderr)
        return EXIT_DATA_ERROR
    if args.command == "check":
        return _check(catalog, lang)
    if args.command == "cost":
        return _cost(catalog, args, lang)
    if args.command == "tokens":
        return _tokens(catalog, args, lang)
    if args.command == "screenshots":
        return _screenshots(catalog, args.directory, args.overwrite, lang)
    if args.command == "serve":
        return _serve(args, lang)
    if sys.stdin is None:  # started with its input closed (`gpt4o-tui <&-`): no keys to read
        print(lang("cli.stdin_closed"), file=sys.stderr)
        return EXIT_DATA_ERROR
    return _app(catalog, args, lang)


def _app(catalog: Catalog, args: argparse.Namespace, lang: Language) -> int:
    """The app, on the settings file's theme, language and pane unless a flag says
    otherwise; what a person changes in it is remembered for next time."""
    from gpt4o_tui.core import settings
    from gpt4o_tui.tui.app import Gpt4oTui

    scenario = _scenario(args, lang)
    if isinstance(scenario, int):
        return scenario
    file = settings.path()
    choices = {"theme": themes.NAMES, "lang": i18n.LANGS, "tab": tuple(TABS)}
    saved = settings.Settings()
    if not args.no_config:
        try:
            saved = settings.read(file, choices)
        except settings.SettingsError as error:
            print(lang("cli.settings_ignored", path=file, problem=lang.say(error.said)), file=sys.stderr)
    chosen = settings.Settings(
        theme=args.theme,
        lang=getattr(args, "lang", None),
        tab=args.tab or ("pricing" if scenario is not None else None),
    )
    started = chosen.over(saved).over(settings.Settings(themes.DEFAULT, lang.code, next(iter(TABS))))
    present = args.present or args.interval is not None  # an interval only makes sense for the deck
    app = Gpt4oTui(
        catalog,
        theme=started.theme,
        tab=started.tab,
        present=present,
        interval=args.interval,
        lang=started.lang,
        scenario=scenario,
        output_dir=args.output_dir,
        animation=args.animation,
    )
    # What exists now (modules, the catalog, the settings) lives as long as the
    # process: moved out of the collector's sight, it is not walked by every full
    # collection while the app runs (one took 37 ms in the middle of a pane's first frame).
    gc.freeze()
    app.run()
    # Textual sets 1 after an exception in the app, and leaves None when it panics
    # (its input thread failing): either way the app did not end as asked.
    code = EXIT_CRASH if app.return_code is None else app.return_code
    if not args.no_config and code == 0:  # a crash is not a choice to remember
        try:
            settings.remember(file, started, app.settings, choices)
        except OSError as error:
            print(lang("cli.settings_not_saved", path=file, reason=error.strerror or error), file=sys.stderr)
    return code


def _scenario(args: argparse.Namespace, lang: Language) -> Scenario | int | None:
    """The workload the calculator opens on: --scenario's file, with any workload flag
    over it; None for the calculator's own; an exit status for a file that cannot be had."""
    from gpt4o_tui.core import scenario
    from gpt4o_tui.core.costs import Workload

    found = None
    if args.scenario is not None:
        try:
            found = scenario.parse(args.scenario.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            reason = lang("cli.not_utf8") if isinstance(error, UnicodeDecodeError) else error.strerror or str(error)
            print(
                lang("cli.scenario_error", file=args.scenario, problem=lang("settings.cannot_read", reason=reason)),
                file=sys.stderr,
            )
            return EXIT_DATA_ERROR
        except scenario.ScenarioError as error:
            print(lang("cli.scenario_error", file=args.scenario, problem=lang.say(error.said)), file=sys.stderr)
            return EXIT_DATA_ERROR
    flags = {name: getattr(args, name) for name in WORKLOAD_FLAGS if getattr(args, name) is not None}
    if found is None and not flags and not args.batch and args.turns is None:
        return None
    found = found or scenario.Scenario(Workload())
    size = flags.pop("image_size", None)
    workload = replace(found.workload, **flags, **({"image_size": size} if size else {}))
    if workload.cached_input_tokens > workload.input_tokens:
        print(
            lang("cli.cached_over_input", cached=workload.cached_input_tokens, input=workload.input_tokens),
            file=sys.stderr,
        )
        return EXIT_USAGE
    return replace(
        found,
        workload=workload,
        batch=found.batch or args.batch,
        turns=found.turns if args.turns is None else args.turns,
    )


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, wrapped between words only: a name like genai-prices or
    --cached-input-tokens is never split at its hyphen."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class OneLineParser(argparse.ArgumentParser):
    """A mistake on the command line is said in one line, with exit status 2, and
    argparse's own words (usage, options, errors) in the chosen language."""

    lang: Language = i18n.ENGLISH

    def __init__(self, *args: object, **kwargs: object) -> None:
        # No abbreviations: `tokens --image` must not be read as the app's --images.
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_DATA_ERROR, self.lang("cli.parse_error", prog=self.prog, message=message) + "\n")

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        """--help and errors are worded during the parse, so it is done in the language."""
        with _argparse_words(self.lang):
            return super().parse_known_args(args, namespace)


class _argparse_words:
    """argparse says its own words through the module's gettext functions; for the
    time of a parse or a help text, they come from the message catalog instead.
    A phrase the catalog does not have stays in argparse's English."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def _say(self, message: str) -> str:
        key = f"argparse.{message}"
        return self.lang(key) if key in i18n.catalog() else message

    def _say_n(self, singular: str, plural: str, count: int) -> str:
        return self._say(singular if count == 1 else plural)

    def __enter__(self) -> None:
        self.saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
        argparse._, argparse.ngettext = self._say, self._say_n  # type: ignore[attr-defined]

    def __exit__(self, *exc: object) -> None:
        argparse._, argparse.ngettext = self.saved  # type: ignore[attr-defined]


def _count_type(lang: Language):  # type: ignore[no-untyped-def]
    return _said_type(lang, parse_count)


def _calculator_type(lang: Language, bounds: Bounds, base=None):  # type: ignore[no-untyped-def]
    """A count within the calculator's range for it."""

    def calculator_count(text: str) -> int:
        value = (base or _count_type(lang))(text)
        try:
            return check_bounds(value, bounds)
        except CountError as error:
            raise argparse.ArgumentTypeError(lang.say(error.said)) from None

    return calculator_count


def _folder_type(lang: Language):  # type: ignore[no-untyped-def]
    def folder(text: str) -> Path:
        path = Path(text).expanduser().absolute()
        if not path.is_dir():
            raise argparse.ArgumentTypeError(lang("cli.not_a_folder", path=text))
        return path

    return folder


def _positive_count_type(lang: Language):  # type: ignore[no-untyped-def]
    def positive_count(text: str) -> int:
        value = _count_type(lang)(text)
        if value < 1:
            raise argparse.ArgumentTypeError(lang("cli.at_least_one", text=text.strip()))
        return value

    return positive_count


def _said_type(lang: Language, parse):  # type: ignore[no-untyped-def]
    """An argparse type from a core parser: its CountError worded in the language."""

    def typed(text: str):  # type: ignore[no-untyped-def]
        try:
            return parse(text)
        except CountError as error:
            raise argparse.ArgumentTypeError(lang.say(error.said)) from None

    return typed


def _images_type(lang: Language):  # type: ignore[no-untyped-def]
    return _said_type(lang, lambda text: check_bounds(parse_count(text), IMAGES_BOUNDS))


def _size_type(lang: Language):  # type: ignore[no-untyped-def]
    return _said_type(lang, parse_size)


def _seconds_type(lang: Language):  # type: ignore[no-untyped-def]
    def seconds(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(lang("cli.not_seconds", text=text)) from None
        if not 1 <= value <= 3600:
            raise argparse.ArgumentTypeError(lang("cli.seconds_range", text=text))
        return value

    return seconds


def _port_type(lang: Language):  # type: ignore[no-untyped-def]
    def port(text: str) -> int:
        if not text.isdigit() or not 1 <= int(text) <= 65535:
            raise argparse.ArgumentTypeError(lang("cli.not_port", text=text))
        return int(text)

    return port


def _defaulted(lang: Language, key: str) -> str:
    """An option's help, with the default argparse gives it said after."""
    return lang("cli.default", help=lang(key))


def _parser(lang: Language = i18n.ENGLISH) -> argparse.ArgumentParser:
    with _argparse_words(lang):  # argparse words its "options" and -h as a parser is made
        return _build_parser(lang)


def _build_parser(lang: Language) -> argparse.ArgumentParser:
    parser_class = type("Parser", (OneLineParser,), {"lang": lang})
    count, positive_count = _count_type(lang), _positive_count_type(lang)
    # --data and --lang are accepted before or after a command; SUPPRESS keeps a
    # command's parser from overwriting one given before it. (--lang has been read
    # already, by _language; the parser checks it and lists it in --help.)
    data = parser_class(add_help=False)
    data.add_argument("--data", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=lang("cli.data"))
    data.add_argument("--lang", choices=i18n.LANGS, default=argparse.SUPPRESS, help=lang("cli.lang"))
    parser = parser_class(
        prog="gpt4o-tui",
        description=lang("cli.description"),
        epilog=lang("cli.epilog"),
        parents=[data],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=lang("cli.version"))
    parser.add_argument("--theme", choices=themes.NAMES, help=lang("cli.theme"))
    parser.add_argument("--tab", choices=TABS, help=lang("cli.tab"))
    parser.add_argument("--present", action="store_true", help=lang("cli.present"))
    parser.add_argument("--interval", type=_seconds_type(lang), metavar="SECONDS", help=lang("cli.interval"))
    parser.add_argument("--no-config", action="store_true", help=lang("cli.no_config", path=settings_path()))
    parser.add_argument("--animation", action=argparse.BooleanOptionalAction, help=lang("cli.animation"))
    parser.add_argument(
        "--output-dir", type=_folder_type(lang), default=Path.cwd(), metavar="DIR", help=lang("cli.output_dir")
    )
    calculator = parser.add_argument_group(lang("cli.workload_group"))
    calculator.add_argument("--scenario", type=Path, metavar="FILE", help=lang("cli.scenario"))
    calculator.add_argument(
        "--input-tokens", type=_calculator_type(lang, INPUT_BOUNDS), metavar="N", help=lang("cli.input_tokens")
    )
    calculator.add_argument(
        "--output-tokens", type=_calculator_type(lang, OUTPUT_BOUNDS), metavar="N", help=lang("cli.output_tokens")
    )
    calculator.add_argument(
        "--requests-per-day",
        type=_calculator_type(lang, REQUESTS_BOUNDS, positive_count),
        metavar="N",
        help=lang("cli.requests_per_day"),
    )
    calculator.add_argument(
        "--cached-input-tokens",
        type=_calculator_type(lang, CACHED_BOUNDS),
        metavar="N",
        help=lang("cli.cached_app"),
    )
    calculator.add_argument("--images", type=_images_type(lang), metavar="N", help=lang("cli.images"))
    calculator.add_argument("--image-size", type=_size_type(lang), metavar="WxH", help=lang("cli.image_size"))
    calculator.add_argument("--detail", choices=DETAILS, help=lang("cli.detail"))
    calculator.add_argument("--batch", action="store_true", help=lang("cli.batch"))
    calculator.add_argument(
        "--turns", type=_calculator_type(lang, TURNS_BOUNDS, positive_count), metavar="N", help=lang("cli.turns")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    commands.add_parser("check", parents=[data], help=lang("cli.check"))
    cost = commands.add_parser("cost", parents=[data], help=lang("cli.cost"), description=lang("cli.cost_description"))
    cost.add_argument("--input-tokens", type=count, required=True, metavar="N", help=lang("cli.input_tokens"))
    cost.add_argument("--output-tokens", type=count, required=True, metavar="N", help=lang("cli.output_tokens"))
    cost.add_argument(
        "--requests-per-day", type=positive_count, required=True, metavar="N", help=lang("cli.requests_per_day")
    )
    cost.add_argument("--days", type=positive_count, default=30, metavar="N", help=_defaulted(lang, "cli.days"))
    cost.add_argument("--images", type=_images_type(lang), default=0, metavar="N", help=_defaulted(lang, "cli.images"))
    cost.add_argument("--image-size", type=_size_type(lang), default=None, metavar="WxH", help=lang("cli.image_size"))
    cost.add_argument("--detail", choices=DETAILS, default="high", help=_defaulted(lang, "cli.detail"))
    cost.add_argument("--cached-input-tokens", type=count, default=0, metavar="N", help=_defaulted(lang, "cli.cached"))
    cost.add_argument(
        "--prices", choices=("launch", "latest", "today"), default="launch", help=_defaulted(lang, "cli.prices")
    )
    cost.add_argument("--batch", action="store_true", help=lang("cli.default_off", help=lang("cli.batch")))
    cost.add_argument("--model", action="append", metavar="ID", help=lang("cli.model"))
    cost.add_argument("--format", choices=("table", "json", "csv"), default="table", help=lang("cli.cost_format"))
    tokens = commands.add_parser(
        "tokens", parents=[data], help=lang("cli.tokens"), description=lang("cli.tokens_description")
    )
    source = tokens.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", help=lang("cli.text"))
    source.add_argument("--file", type=Path, metavar="F", help=lang("cli.file"))
    source.add_argument("--sample", metavar="ID", nargs="?", const=LIST_SAMPLES, help=lang("cli.sample"))
    source.add_argument("--image", type=Path, metavar="FILE", help=lang("cli.image"))
    tokens.add_argument("--detail", choices=DETAILS, default="high", help=_defaulted(lang, "cli.detail"))
    tokens.add_argument("--format", choices=("table", "json"), default="table", help=lang("cli.tokens_format"))
    shots = commands.add_parser("screenshots", parents=[data], help=lang("cli.screenshots"))
    shots.add_argument(
        "directory", type=Path, metavar="DIR", nargs="?", default=Path("screenshots"), help=lang("cli.directory")
    )
    shots.add_argument("--overwrite", action="store_true", help=lang("cli.overwrite"))
    serve = commands.add_parser(
        "serve", parents=[data], help=lang("cli.serve"), description=lang("cli.serve_description")
    )
    serve.add_argument("--host", default="127.0.0.1", help=lang("cli.host"))
    serve.add_argument("--port", type=_port_type(lang), default=8000, help=lang("cli.port"))
    serve.add_argument("--public-url", metavar="URL", help=lang("cli.public_url"))
    serve.add_argument("--theme", choices=themes.NAMES, default=themes.DEFAULT, help=lang("cli.serve_theme"))
    serve.add_argument("--max-sessions", type=positive_count, default=8, metavar="N", help=lang("cli.max_sessions"))
    return parser


def _cost(catalog: Catalog, args: argparse.Namespace, lang: Language) -> int:
    from gpt4o_tui.core.costs import Workload
    from gpt4o_tui.text import report

    if args.cached_input_tokens > args.input_tokens:
        print(lang("cli.cached_too_many", cached=args.cached_input_tokens, input=args.input_tokens), file=sys.stderr)
        return EXIT_DATA_ERROR
    size = args.image_size or DEFAULT_SIZE
    workload = Workload(
        args.input_tokens,
        args.output_tokens,
        args.requests_per_day,
        args.days,
        images=args.images,
        image_size=size,
        detail=args.detail,
        cached_input_tokens=args.cached_input_tokens,
    )
    results = _priced(catalog, workload, args, lang)
    if results is None:
        return EXIT_DATA_ERROR
    if args.format == "json":
        print(report.as_json(catalog, workload, args.batch, results))
    elif args.format == "csv":
        print(report.as_csv(catalog, results), end="")
    else:
        prices = "latest known" if args.prices == "latest" else args.prices
        _print(report.as_table(catalog, workload, args.batch, results, lang, prices))
    return 0


def _priced(catalog: Catalog, workload: Workload, args: argparse.Namespace, lang: Language) -> list[ModelCost] | None:
    """Each asked-for model priced as --prices says: gpt4o-tui's own models from data/
    (at launch or the latest known prices) or today; any other model genai-prices knows,
    today. None, with the line said, where a model is unknown or ambiguous."""
    from gpt4o_tui.core import costs

    known = {m.id: m for m in catalog.models}
    refs = list(dict.fromkeys(args.model)) if args.model else [m.id for m in catalog.compared]
    priced = catalog.latest() if args.prices == "latest" else catalog
    results = []
    for ref in refs:
        ours = known.get(ref)
        if ours is not None and args.prices != "today":
            results.append(costs.model_cost(priced, ours, workload, args.batch))
            continue
        from gpt4o_tui.core import today

        try:
            model = today.for_catalog_model(ours) if ours is not None else today.find(ref)
        except today.ModelNotFound as error:
            print(lang("cli.model_problem", problem=lang.say(error.said)), file=sys.stderr)
            return None
        if model is None:
            print(lang("cli.not_priced_today", model=ref), file=sys.stderr)
            return None
        images = (
            costs.request_image_tokens(catalog, ours, workload)
            if ours is not None
            else (None if workload.images else 0)
        )
        results.append(today.model_cost(model, workload, image_tokens=images, batch=args.batch, limits=ours))
    return results


def _tokens(catalog: Catalog, args: argparse.Namespace, lang: Language) -> int:
    import json

    from gpt4o_tui.core import tokens
    from gpt4o_tui.text.money import column_places, money_string

    if args.image is not None:
        return _image_tokens(catalog, args, lang)
    if args.sample is LIST_SAMPLES:
        width = max(len(s.id) for s in catalog.samples)
        for sample in catalog.samples:
            print(f"{sample.id:<{width}}  {lang.of(sample, 'name')}")
        return 0
    if args.text == STDIN or args.file == Path(STDIN):
        text = _read_stdin(lang)
        if text is None:
            return EXIT_DATA_ERROR
    elif args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = lang("cli.not_utf8") if isinstance(error, UnicodeDecodeError) else error.strerror or str(error)
            print(lang("cli.cannot_read", file=args.file, reason=reason), file=sys.stderr)
            return EXIT_DATA_ERROR
    elif args.sample is not None:
        samples = {s.id: s for s in catalog.samples}
        if args.sample not in samples:
            print(lang("cli.unknown_sample", sample=args.sample, known=", ".join(samples)), file=sys.stderr)
            return EXIT_DATA_ERROR
        text = samples[args.sample].text
    else:
        text = args.text
    counts = tokens.count(text)
    costs = tokens.input_costs(catalog, counts)
    if args.format == "json":
        document = {
            **counts,
            "characters": len(text),
            "input_cost": [{"model": c.model.id, "tokens": c.tokens, "usd": money_string(c.usd)} for c in costs],
        }
        print(json.dumps(document, indent=2))
        return 0
    from rich.table import Table

    table = Table(title=lang("cli.characters", count=len(text)), title_justify="left", show_edge=False)
    table.add_column(lang("report.model"))
    table.add_column(lang("cli.encoding"))
    table.add_column(lang("cli.tokens_column"), justify="right")
    table.add_column(lang("cli.as_input"), justify="right")
    places = column_places(c.usd for c in costs)
    for cost in costs:
        table.add_row(cost.model.name, cost.model.tokenizer, f"{cost.tokens:,}", lang.usd(cost.usd, places))
    _print(table)
    others = [m.name for m in catalog.compared if m.tokenizer is None]
    print(lang("tokens.not_counted", models=lang.join(others)))
    return 0


def _read_stdin(lang: Language) -> str | None:
    """Standard input to its end, as UTF-8, as a file is read; None, with the line
    said, where it is closed or not UTF-8."""
    stdin = lang("cli.stdin_name")
    if sys.stdin is None:
        print(lang("cli.cannot_read", file=stdin, reason=lang("cli.closed")), file=sys.stderr)
        return None
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        print(lang("cli.cannot_read", file=stdin, reason=lang("cli.not_utf8")), file=sys.stderr)
        return None


# An image file past this is refused before its header is read: no camera makes one.
MAX_IMAGE_BYTES = 512 * 1024 * 1024


def _image_size(path: Path, lang: Language) -> ImageSize | str:
    """The file's width and height from its header, or why they cannot be had."""
    import imagesize

    try:
        if not path.is_file():
            return lang("cli.image_not_file")
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return lang("cli.image_too_big", limit=MAX_IMAGE_BYTES // (1024 * 1024))
        width, height = imagesize.get(path)
    except OSError as error:
        return error.strerror or str(error)
    except ValueError:
        width, height = -1, -1
    if width <= 0 or height <= 0:
        return lang("cli.not_an_image")
    if width > MAX_SIDE or height > MAX_SIDE:
        return lang("cli.image_too_large", width=width, height=height, limit=MAX_SIDE)
    return ImageSize(width, height)


def _image_tokens(catalog: Catalog, args: argparse.Namespace, lang: Language) -> int:
    import json

    from gpt4o_tui.core import costs
    from gpt4o_tui.core.costs import Workload
    from gpt4o_tui.text import report
    from gpt4o_tui.text.money import column_places, money_string

    size = _image_size(args.image, lang)
    if isinstance(size, str):
        print(lang("cli.cannot_read", file=args.image, reason=size), file=sys.stderr)
        return EXIT_DATA_ERROR
    # One image as a request's whole input, priced at each model's launch input rate.
    workload = Workload(
        input_tokens=0, output_tokens=0, requests_per_day=1, days=1, images=1, image_size=size, detail=args.detail
    )
    results = [costs.model_cost(catalog, model, workload) for model in catalog.compared]
    if args.format == "json":
        document = {
            "image": {"file": str(args.image), "width": size.width, "height": size.height, "detail": args.detail},
            "input_cost": [
                {
                    "model": r.model.id,
                    "tokens": r.image_tokens,
                    "usd": None if r.image_tokens is None else money_string(r.image_usd),
                }
                for r in results
            ],
        }
        print(json.dumps(document, indent=2))
        return 0
    from rich.table import Table

    table = Table(title=report.images_said(workload, lang), title_justify="left", show_edge=False)
    table.add_column(lang("report.model"))
    table.add_column(lang("cli.tokens_column"), justify="right")
    table.add_column(lang("cli.as_input"), justify="right")
    places = column_places(r.image_usd for r in results if r.image_tokens is not None)
    for result in results:
        priced = result.image_tokens is not None
        table.add_row(
            result.model.name,
            report.image_tokens_cell(catalog, result, lang),
            lang.usd(result.image_usd, places) if priced else lang.say(result.problem) if result.problem else "—",
        )
    _print(table)
    return 0


def _check(catalog: Catalog, lang: Language) -> int:
    from rich.table import Table

    table = Table(title=lang("check.title", path=catalog.data_dir), show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    roles = {role: [m.name for m in catalog.models if m.role == role] for role in ("subject", "peer", "historical")}
    cells = len(catalog.benchmarks) * len(catalog.compared)
    not_scored = sum(len(b.not_scored) for b in catalog.benchmarks)
    chart_only = sum(len(b.chart_only) for b in catalog.benchmarks)
    reported = sum(len(b.reported) for b in catalog.benchmarks)
    cited = {source for _, _, ids in catalog.citations() for source in ids}
    table.add_row(
        lang("check.models"),
        lang(
            "check.models_value",
            count=len(catalog.models),
            subject=lang.join(roles["subject"]),
            peers=lang.join(roles["peer"]),
            historical=lang.join(roles["historical"]) or lang("common.none"),
        ),
    )
    table.add_row(
        lang("check.facts"),
        lang("check.facts_value", count=len(catalog.facts), caveats=sum(1 for f in catalog.facts if f.caveat)),
    )
    table.add_row(
        lang("check.benchmarks"),
        lang(
            "check.benchmarks_value",
            benchmarks=len(catalog.benchmarks),
            models=len(catalog.compared),
            cells=cells,
            scored=cells - not_scored,
            na=not_scored,
            chart_only=chart_only,
            reported=reported,
        ),
    )
    table.add_row(
        lang("check.prices"),
        lang(
            "check.prices_value",
            models=len(catalog.prices),
            batch=sum(1 for p in catalog.prices if p.batch_input is not None),
            notes=sum(1 for p in catalog.prices if p.note),
            changes=len(catalog.price_changes),
            change_caveats=sum(1 for c in catalog.price_changes if c.caveat),
        ),
    )
    table.add_row(
        lang("check.claims"),
        lang(
            "check.claims_value",
            claims=len(catalog.claims),
            checkable=sum(1 for c in catalog.claims if c.measure != "framing"),
            notes=sum(1 for c in catalog.claims if c.note),
        ),
    )
    deprecations = catalog.deprecations
    table.add_row(
        lang("check.deprecations"),
        lang(
            "check.deprecations_value",
            count=len(deprecations),
            shut_down=sum(1 for d in deprecations if d.status == "shut down"),
            scheduled=sum(1 for d in deprecations if d.status == "scheduled"),
            caveats=sum(1 for d in deprecations if d.caveat),
        ),
    )
    table.add_row(
        lang("check.safety"),
        lang(
            "check.safety_value",
            measures=len(catalog.safety),
            caveats=sum(1 for s in catalog.safety if s.caveat),
            footnotes=len(catalog.safety_footnotes),
        ),
    )
    table.add_row(
        lang("check.images"),
        lang(
            "check.images_value",
            rules=len(catalog.image_rules),
            caveats=sum(1 for r in catalog.image_rules if r.caveat),
            sizes=len(catalog.image_sizes),
        ),
    )
    table.add_row(lang("check.sources"), lang("check.sources_value", defined=len(catalog.sources), cited=len(cited)))
    _print(table)
    print(lang("check.ok"))
    return 0


def _screenshots(catalog: Catalog, directory: Path, overwrite: bool, lang: Language) -> int:
    import asyncio
    import re

    from textual.pilot import Pilot

    from gpt4o_tui.core import files
    from gpt4o_tui.text.deck import slides
    from gpt4o_tui.tui.app import Gpt4oTui
    from gpt4o_tui.tui.presentation import DeckScreen

    names = [*TABS, *(f"slide-{n}" for n in range(1, len(slides(catalog)) + 1))]
    paths = {name: directory / f"{name}.svg" for name in names}
    existing = [p for p in paths.values() if p.exists()]
    if existing and not overwrite:
        print(lang("cli.shots_exist", path=existing[0], existing=len(existing), total=len(paths)), file=sys.stderr)
        return EXIT_DATA_ERROR
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(lang("cli.shots_mkdir", path=directory, reason=error.strerror or error), file=sys.stderr)
        return EXIT_DATA_ERROR

    def save(name: str, svg: str) -> None:
        # The SVG's id prefix is a checksum that varies from run to run; naming it
        # after the screen keeps unchanged screens byte-identical.
        files.save(paths[name], re.sub(r"terminal-\d+", f"gpt4o-tui-{name}", svg), replace=True)
        print(paths[name])

    async def settled(app: Gpt4oTui, pilot: Pilot[None]) -> str:
        """The screen once it stops changing: on a busy machine the footer can still
        be catching up with the focus after the first pause."""
        shot = app.export_screenshot()
        for _ in range(20):
            await pilot.pause()
            again = app.export_screenshot()
            if again == shot:
                break
            shot = again
        return shot

    async def capture() -> None:
        app = Gpt4oTui(catalog, lang=lang.code)
        app.animation_level = "none"  # a tab underline caught mid-slide is not a screenshot
        async with app.run_test(size=SCREENSHOT_SIZE) as pilot:
            for tab in TABS:
                await app.action_show_tab(tab)
                save(tab, await settled(app, pilot))
            app.action_present()
            await pilot.pause()
            deck = app.screen
            assert isinstance(deck, DeckScreen)
            while not deck.today_read:  # the last slide prices the workload today
                await pilot.pause(0.05)
            for index in range(len(deck.slides)):
                deck.index = index
                save(f"slide-{index + 1}", await settled(app, pilot))

    try:
        asyncio.run(capture())
    except OSError as error:
        print(lang("cli.shots_write", path=directory, reason=error.strerror or error), file=sys.stderr)
        return EXIT_DATA_ERROR
    return 0


def _serve(args: argparse.Namespace, lang: Language) -> int:
    from gpt4o_tui import web

    return web.serve(
        args.host, args.port, args.public_url, getattr(args, "data", None), args.theme, lang, args.max_sessions
    )


if __name__ == "__main__":
    sys.exit(main())
