"""The facts gpt4o-tui presents: TOML files in a data directory, validated into a
frozen Catalog. Nothing here imports Textual.

Every entry is a plain frozen dataclass. pydantic validates a file into them
(`_load_file`) and is imported only then, so a start from the cached catalog
(core/cached.py) never imports it. The constraints on a field are written where
the field is, as `Check(...)`: pydantic's `Field` arguments, given to pydantic when
a file is validated; an entry's own rule across its fields is its `_check`."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS

if TYPE_CHECKING:
    from pydantic import ValidationError


class Check:
    """A field's constraints, as keyword arguments of pydantic's `Field`; pydantic
    reads them (through this hook) when it validates a file, nothing else does."""

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(**self.constraints)])


ModelId = Annotated[str, Check(pattern=r"^[a-z0-9][a-z0-9.\-]*$", max_length=64)]
Text = Annotated[str, Check(min_length=1, max_length=2000)]
SourceIds = Annotated[tuple[ModelId, ...], Check(min_length=1)]
Price = Annotated[Decimal, Check(ge=0, le=10_000, allow_inf_nan=False)]
Score = Annotated[Decimal, Check(ge=0, le=100, allow_inf_nan=False)]
TokenCount = Annotated[int, Check(gt=0, le=100_000_000, strict=True)]


class DataError(Exception):
    """A data directory that cannot be used: which file, which entry, what is wrong."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file, self.entry, self.problem = file, entry, problem
        super().__init__(f"{file}: {entry}: {problem}")


class Frozen:
    """An entry of a data file. A key the entry does not have is an error (pydantic's
    `extra="forbid"`); `_check` is the entry's own rule across its fields, raising
    ValueError, which pydantic reports as the entry's problem."""

    __pydantic_config__ = {"extra": "forbid"}

    def __post_init__(self) -> None:
        self._check()

    def _check(self) -> None:
        pass


class Bilingual(Frozen):
    """An entry whose optional texts come with their Chinese twin (`caveat` and
    `caveat_zh`): one without the other is an error, so neither language goes short."""

    def __post_init__(self) -> None:
        names = [f.name for f in fields(self)]  # type: ignore[arg-type]
        for name in names:
            twin = f"{name}_zh"
            if twin in names and (getattr(self, name) is None) != (getattr(self, twin) is None):
                raise ValueError(f"{name} and {twin} go together")
        super().__post_init__()


@dataclass(frozen=True, kw_only=True)
class Source(Frozen):
    id: ModelId
    title: Text
    date: dt.date | None = None
    url: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Model(Bilingual):
    id: ModelId
    name: Text
    short: Annotated[str, Check(min_length=1, max_length=12)]
    role: Literal["subject", "peer", "historical"]
    tier: Literal["small", "frontier"]
    api_id: Text
    context_window: TokenCount | None = None
    max_output: TokenCount | None = None
    inputs: Annotated[tuple[Literal["text", "image", "audio", "video"], ...], Check(min_length=1)]
    chart_note: Annotated[str, Check(min_length=1, max_length=40)] | None = None
    chart_note_zh: Annotated[str, Check(min_length=1, max_length=40)] | None = None
    tokenizer: Literal["o200k_base", "cl100k_base", "p50k_base"] | None = None
    provider: ModelId | None = None  # its provider's id in genai-prices, for today's price
    sources: SourceIds

    def _check(self) -> None:
        if self.role != "historical" and (self.context_window is None or self.max_output is None):
            raise ValueError("context_window and max_output are required for the subject and peers")
        if self.context_window and self.max_output and self.max_output > self.context_window:
            raise ValueError("max_output cannot exceed context_window")


@dataclass(frozen=True, kw_only=True)
class Deprecation(Bilingual):
    """A model's shutdown, done or announced."""

    model: ModelId
    api_id: Text
    date: dt.date
    status: Literal["shut down", "scheduled"]
    successor: Text | None = None
    caveat: Text | None = None
    caveat_zh: Text | None = None
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class Fact(Bilingual):
    label: Annotated[str, Check(min_length=1, max_length=40)]
    label_zh: Annotated[str, Check(min_length=1, max_length=40)]
    value: Text
    value_zh: Text
    caveat: Text | None = None
    caveat_zh: Text | None = None
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class Benchmark(Bilingual):
    id: ModelId
    name: Annotated[str, Check(min_length=1, max_length=12)]
    tests: Text
    tests_zh: Text
    scored: Text
    scored_zh: Text
    scored_sources: SourceIds
    analogy: Text | None = None
    analogy_zh: Text | None = None
    sources: SourceIds
    scores: dict[ModelId, Score]
    not_scored: dict[ModelId, Text] = field(default_factory=dict)
    not_scored_zh: dict[ModelId, Text] = field(default_factory=dict)
    chart_only: tuple[ModelId, ...] = ()
    reported: dict[ModelId, Score] = field(default_factory=dict)
    reported_sources: tuple[ModelId, ...] = ()

    def _check(self) -> None:
        both = set(self.scores) & set(self.not_scored)
        if both:
            raise ValueError(f"{sorted(both)[0]} is both scored and not_scored")
        unscored_chart_only = set(self.chart_only) - set(self.scores)
        if unscored_chart_only:
            raise ValueError(f"chart_only names {sorted(unscored_chart_only)[0]}, which has no score")
        if set(self.not_scored) != set(self.not_scored_zh):
            raise ValueError("not_scored and not_scored_zh must name the same models")
        unscored_reported = set(self.reported) - set(self.scores)
        if unscored_reported:
            raise ValueError(f"reported names {sorted(unscored_reported)[0]}, which has no score")
        if bool(self.reported) != bool(self.reported_sources):
            raise ValueError("reported and reported_sources go together")

    def score(self, model_id: str) -> Decimal | None:
        """The score, or None where the model was not scored (n/a, never 0)."""
        return self.scores.get(model_id)

    def best(self, model_ids: Iterable[str]) -> frozenset[str]:
        """The models with the top score among model_ids (all of them on a tie).
        A model without a score never wins."""
        scored = {m: self.scores[m] for m in model_ids if m in self.scores}
        top = max(scored.values(), default=None)
        return frozenset(m for m, s in scored.items() if s == top)


@dataclass(frozen=True, kw_only=True)
class LongContextRate(Frozen):
    above_tokens: TokenCount
    input: Price
    output: Price


@dataclass(frozen=True, kw_only=True)
class ModelPrice(Bilingual):
    model: ModelId
    input: Price
    output: Price
    batch_input: Price | None = None
    batch_output: Price | None = None
    long_context: LongContextRate | None = None
    sources: SourceIds
    batch_sources: tuple[ModelId, ...] = ()
    note: Text | None = None
    note_zh: Text | None = None
    # Set by Catalog.latest() on a price a dated change replaced, never in a file.
    since: dt.date | None = None

    def _check(self) -> None:
        if (self.batch_input is None) != (self.batch_output is None):
            raise ValueError("batch_input and batch_output go together")
        if self.batch_input is not None and not self.batch_sources:
            raise ValueError("a batch price needs batch_sources")


@dataclass(frozen=True, kw_only=True)
class PriceChange(Bilingual):
    date: dt.date
    model: ModelId
    summary: Text
    summary_zh: Text
    caveat: Text | None = None
    caveat_zh: Text | None = None
    input: Price | None = None
    output: Price | None = None
    long_context: LongContextRate | None = None
    sources: SourceIds

    def _check(self) -> None:
        if (self.input is None) != (self.output is None):
            raise ValueError("input and output go together")
        if self.long_context is not None and self.input is None:
            raise ValueError("a long_context rate comes with input and output")

    @property
    def sets_list_price(self) -> bool:
        return self.input is not None


@dataclass(frozen=True, kw_only=True)
class SafetyMeasure(Bilingual):
    stage: Annotated[str, Check(min_length=1, max_length=24)]
    stage_zh: Annotated[str, Check(min_length=1, max_length=24)]
    title: Text
    title_zh: Text
    detail: Text
    detail_zh: Text
    plain: Text
    plain_zh: Text
    caveat: Text | None = None
    caveat_zh: Text | None = None
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class Footnote(Frozen):
    text: Text
    text_zh: Text
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class Sample(Frozen):
    id: ModelId
    name: Annotated[str, Check(min_length=1, max_length=40)]
    name_zh: Annotated[str, Check(min_length=1, max_length=40)]
    text: Annotated[str, Check(min_length=1, max_length=20_000)]
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class PresetImage(Frozen):
    """The images each request of a preset carries."""

    count: Annotated[int, Check(ge=1, le=100, strict=True)]
    width: Annotated[int, Check(ge=1, le=100_000, strict=True)]
    height: Annotated[int, Check(ge=1, le=100_000, strict=True)]
    detail: Literal["low", "high", "auto"]


@dataclass(frozen=True, kw_only=True)
class ImageSizePreset(Frozen):
    """A size a person can pick for the calculator's images."""

    id: ModelId
    name: Annotated[str, Check(min_length=1, max_length=24)]
    name_zh: Annotated[str, Check(min_length=1, max_length=24)]
    width: Annotated[int, Check(ge=1, le=100_000, strict=True)]
    height: Annotated[int, Check(ge=1, le=100_000, strict=True)]
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class Preset(Frozen):
    id: ModelId
    name: Annotated[str, Check(min_length=1, max_length=24)]
    name_zh: Annotated[str, Check(min_length=1, max_length=24)]
    use: Text
    use_zh: Text
    input_tokens: TokenCount
    output_tokens: TokenCount
    requests_per_day: TokenCount
    assumption: Text
    assumption_zh: Text
    image: PresetImage | None = None
    sources: SourceIds


@dataclass(frozen=True, kw_only=True)
class ImageRule(Bilingual):
    """How a model bills an image, as its vendor publishes it. kind "tiles" (OpenAI):
    low detail is base_tokens; high detail fits the image within fit_within px square,
    scales its shortest side down to shortest_side, and adds tile_tokens for each
    tile_px tile. kind "pixels" (Anthropic): the long edge scaled down to
    max_long_edge, then width × height / pixels_per_token, at most max_tokens.
    kind "flat" (Google, 2024): every image costs `tokens`."""

    model: ModelId
    kind: Literal["tiles", "pixels", "flat"]
    base_tokens: TokenCount | None = None
    tile_tokens: TokenCount | None = None
    tile_px: TokenCount | None = None
    fit_within: TokenCount | None = None
    shortest_side: TokenCount | None = None
    pixels_per_token: TokenCount | None = None
    max_long_edge: TokenCount | None = None
    max_tokens: TokenCount | None = None
    tokens: TokenCount | None = None
    sources: SourceIds
    caveat: Text | None = None
    caveat_zh: Text | None = None

    def _check(self) -> None:
        needs = IMAGE_RULE_FIELDS[self.kind]
        for name in sorted(set().union(*IMAGE_RULE_FIELDS.values())):
            given = getattr(self, name) is not None
            if name in needs and not given:
                raise ValueError(f"a {self.kind!r} rule needs {name}")
            if name not in needs and given:
                raise ValueError(f"{name} is not part of a {self.kind!r} rule")


IMAGE_RULE_FIELDS = {
    "tiles": ("base_tokens", "tile_tokens", "tile_px", "fit_within", "shortest_side"),
    "pixels": ("pixels_per_token", "max_long_edge", "max_tokens"),
    "flat": ("tokens",),
}


@dataclass(frozen=True, kw_only=True)
class Claim(Bilingual):
    text: Text  # the source's exact words, shown in quotation marks
    text_zh: Text
    note: Text | None = None  # how the app reads the words, where they alone do not say
    note_zh: Text | None = None
    model: ModelId
    against: ModelId | None = None
    measure: Literal["percent cheaper", "times the price", "framing"]
    threshold: Annotated[Decimal, Check(gt=0, le=1_000_000, allow_inf_nan=False)] | None = None
    more_than: bool = False
    prices: tuple[Literal["input", "output"], ...] = ()
    sources: SourceIds

    def _check(self) -> None:
        checkable = self.measure != "framing"
        if checkable and (self.against is None or self.threshold is None or not self.prices):
            raise ValueError("a checkable claim needs against, threshold and prices")
        if not checkable and (self.against or self.threshold or self.prices):
            raise ValueError("a framing is shown as said: no against, threshold or prices")


# One schema per file: the TOML table name each list lives under.
@dataclass(frozen=True, kw_only=True)
class SourcesFile(Frozen):
    source: Annotated[tuple[Source, ...], Check(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class ModelsFile(Frozen):
    model: Annotated[tuple[Model, ...], Check(min_length=1)]
    deprecation: tuple[Deprecation, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SpecsFile(Frozen):
    fact: Annotated[tuple[Fact, ...], Check(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class BenchmarksFile(Frozen):
    benchmark: Annotated[tuple[Benchmark, ...], Check(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class PricesFile(Frozen):
    as_of: dt.date
    price: Annotated[tuple[ModelPrice, ...], Check(min_length=1)]
    change: tuple[PriceChange, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SamplesFile(Frozen):
    sample: Annotated[tuple[Sample, ...], Check(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class PresetsFile(Frozen):
    preset: Annotated[tuple[Preset, ...], Check(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class ClaimsFile(Frozen):
    claim: Annotated[tuple[Claim, ...], Check(min_length=1)]


@dataclass(frozen=True, kw_only=True)
class ImagesFile(Frozen):
    rule: tuple[ImageRule, ...]
    size: tuple[ImageSizePreset, ...]


@dataclass(frozen=True, kw_only=True)
class SafetyFile(Frozen):
    measure: Annotated[tuple[SafetyMeasure, ...], Check(min_length=1)]
    footnote: tuple[Footnote, ...] = ()


FILES: dict[str, type[Frozen]] = {
    "sources.toml": SourcesFile,
    "models.toml": ModelsFile,
    "specs.toml": SpecsFile,
    "benchmarks.toml": BenchmarksFile,
    "prices.toml": PricesFile,
    "claims.toml": ClaimsFile,
    "presets.toml": PresetsFile,
    "samples.toml": SamplesFile,
    "safety.toml": SafetyFile,
    "images.toml": ImagesFile,
}


@dataclass(frozen=True, kw_only=True)
class Catalog:
    """Every fact the app shows, validated and cross-checked."""

    data_dir: Path
    sources: tuple[Source, ...]
    models: tuple[Model, ...]
    deprecations: tuple[Deprecation, ...]
    facts: tuple[Fact, ...]
    benchmarks: tuple[Benchmark, ...]
    prices: tuple[ModelPrice, ...]
    prices_as_of: dt.date
    price_changes: tuple[PriceChange, ...]
    claims: tuple[Claim, ...]
    presets: tuple[Preset, ...]
    samples: tuple[Sample, ...]
    safety: tuple[SafetyMeasure, ...]
    safety_footnotes: tuple[Footnote, ...]
    image_rules: tuple[ImageRule, ...] = ()
    image_sizes: tuple[ImageSizePreset, ...] = ()

    def latest(self) -> Catalog:
        """The same catalog with each dated list-price change applied, in date order.
        A batch price is not carried over: the data does not say what it became."""
        prices = {p.model: p for p in self.prices}
        for change in sorted(self.price_changes, key=lambda c: c.date):
            if change.sets_list_price:
                prices[change.model] = replace(
                    prices[change.model],
                    input=change.input,
                    output=change.output,
                    long_context=change.long_context,
                    batch_input=None,
                    batch_output=None,
                    batch_sources=(),
                    sources=change.sources,
                    note=None,
                    note_zh=None,
                    since=change.date,
                )
        return replace(self, prices=tuple(prices.values()))

    def model(self, model_id: str) -> Model:
        return next(m for m in self.models if m.id == model_id)

    def price(self, model_id: str) -> ModelPrice:
        return next(p for p in self.prices if p.model == model_id)

    def image_rule(self, model_id: str) -> ImageRule | None:
        return next((r for r in self.image_rules if r.model == model_id), None)

    def deprecation(self, model_id: str) -> Deprecation | None:
        return next((d for d in self.deprecations if d.model == model_id), None)

    def citations(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """Every citation in the data: its file, its entry, the source ids it names."""
        yield from (("models.toml", f"model {m.id}", m.sources) for m in self.models)
        yield from (("models.toml", f"deprecation {d.model}", d.sources) for d in self.deprecations)
        yield from (("specs.toml", f"fact {f.label!r}", f.sources) for f in self.facts)
        yield from (
            ("benchmarks.toml", f"benchmark {b.id}", b.sources + b.scored_sources + b.reported_sources)
            for b in self.benchmarks
        )
        yield from (("prices.toml", f"price {p.model}", p.sources + p.batch_sources) for p in self.prices)
        yield from (("prices.toml", f"change {c.date} {c.model}", c.sources) for c in self.price_changes)
        yield from (("claims.toml", f"claim {c.text!r}", c.sources) for c in self.claims)
        yield from (("presets.toml", f"preset {p.id}", p.sources) for p in self.presets)
        yield from (("samples.toml", f"sample {s.id}", s.sources) for s in self.samples)
        yield from (("safety.toml", f"measure {s.stage!r}", s.sources) for s in self.safety)
        yield from (("safety.toml", "footnote", n.sources) for n in self.safety_footnotes)
        yield from (("images.toml", f"rule {r.model}", r.sources) for r in self.image_rules)
        yield from (("images.toml", f"size {s.id}", s.sources) for s in self.image_sizes)

    @property
    def subject(self) -> Model:
        return next(m for m in self.models if m.role == "subject")

    @property
    def compared(self) -> tuple[Model, ...]:
        """GPT-4o mini and the peers it was measured with, in the data's order."""
        return tuple(m for m in self.models if m.role != "historical")


def default_data_dir() -> Path:
    """The data shipped inside the installed package, else the checkout's data/."""
    packaged = Path(__file__).parents[1] / "data"  # the package's folder, as importlib.resources finds it
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def load(data_dir: Path | None = None) -> Catalog:
    """Read, validate and cross-check a data directory. Raises DataError."""
    data_dir = default_data_dir() if data_dir is None else data_dir
    if not data_dir.is_dir():
        raise DataError(str(data_dir), "data directory", "not found, or not a directory")
    parsed = {name: _load_file(data_dir / name, schema) for name, schema in FILES.items()}
    catalog = Catalog(
        data_dir=data_dir,
        sources=parsed["sources.toml"].source,
        models=parsed["models.toml"].model,
        deprecations=parsed["models.toml"].deprecation,
        facts=parsed["specs.toml"].fact,
        benchmarks=parsed["benchmarks.toml"].benchmark,
        prices=parsed["prices.toml"].price,
        prices_as_of=parsed["prices.toml"].as_of,
        price_changes=parsed["prices.toml"].change,
        claims=parsed["claims.toml"].claim,
        presets=parsed["presets.toml"].preset,
        samples=parsed["samples.toml"].sample,
        safety=parsed["safety.toml"].measure,
        safety_footnotes=parsed["safety.toml"].footnote,
        image_rules=parsed["images.toml"].rule,
        image_sizes=parsed["images.toml"].size,
    )
    _cross_check(catalog)
    return catalog


@cache
def _validator(schema: type[Frozen]) -> Any:
    """pydantic's validator of one file's schema, built on first use."""
    from pydantic import TypeAdapter

    return TypeAdapter(schema)


# The shipped files are a few kilobytes each; the largest text a field may hold
# is well under this.
MAX_FILE_BYTES = 4 * 1024 * 1024


def _load_file(path: Path, schema: type[Frozen]) -> Any:
    name = str(path)
    try:
        # A FIFO or device would block or never end: only a regular file is read.
        if path.exists() and not path.is_dir() and not path.is_file():
            raise DataError(name, "file", "is not a regular file, expected a TOML file")
        # An oversized file is refused before it is read, not after.
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise DataError(
                name, "file", f"is {path.stat().st_size:,} bytes; a data file is at most {MAX_FILE_BYTES:,}"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(name, "file", "missing") from None
    except IsADirectoryError:
        raise DataError(name, "file", "is a directory, expected a TOML file") from None
    except OSError as error:
        raise DataError(name, "file", f"cannot be read ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(name, f"line {line}", "not valid UTF-8 text") from None
    from pydantic import ValidationError

    try:
        document = tomllib.loads(text, parse_float=Decimal)
        return _validator(schema).validate_python(document)
    except tomllib.TOMLDecodeError as error:
        raise DataError(name, "TOML syntax", str(error)) from None
    except ValidationError as error:
        raise _describe(name, document, error) from None
    except RecursionError:  # arrays or tables nested hundreds deep: no data file needs that
        raise DataError(name, "TOML", "nested too deeply (arrays or tables inside one another)") from None


# pydantic's wording for the usual mistakes, said as a person editing TOML would.
PLAIN_PROBLEMS = {
    "missing": "required field is missing",
    "unexpected_keyword_argument": "unknown field (a typo?)",
    "less_than_equal": "must be at most {le}",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "finite_number": "must be a finite number",
    "decimal_parsing": "must be a number",
    "decimal_type": "must be a number",
    "int_type": "must be a whole number",
    "string_type": "must be text in quotes",
    "string_too_long": "is too long (at most {max_length} characters)",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
    "literal_error": "must be one of {expected}",
    "date_type": "must be a date like 2024-07-18",
    "date_parsing": "must be a date like 2024-07-18",
    "dict_type": "must be a table of key = value pairs",
    "tuple_type": "must be a list in [ ]",
    "list_type": "must be a list in [ ]",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "dataclass_type": "must be a table",
    "date_from_datetime_parsing": "must be a date like 2024-07-18",
    "date_from_datetime_inexact": "must be a date like 2024-07-18",
    "string_pattern_mismatch": "must be lower-case letters, digits, '.' and '-'",
}


def _describe(file: str, document: dict[str, Any], error: ValidationError) -> DataError:
    """Turn pydantic's first complaint into file, entry and problem."""
    first = error.errors(include_url=False)[0]
    loc = list(first["loc"])
    entry = "top level"
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        table, index = loc[0], loc[1]
        entry = f"[[{table}]] #{index + 1}"
        label = _entry_label(document.get(table), index)
        if label:
            entry += f" ({label})"
        loc = loc[2:]
    elif loc:
        entry = f"[{loc[0]}]" if isinstance(loc[0], str) else entry
        loc = loc[1:]
    where = ".".join(str(part) for part in loc)
    plain = PLAIN_PROBLEMS.get(first["type"])
    problem = plain.format(**first.get("ctx", {})) if plain else first["msg"]
    # An entry's own check (a validator) says what is wrong in its message; the
    # whole entry as "got" would only bury it.
    problem = problem.removeprefix("Value error, ")
    if (
        first["type"] not in ("missing", "unexpected_keyword_argument", "dataclass_type", "value_error")
        and "input" in first
    ):
        value = first["input"]
        shown = str(value) if isinstance(value, (Decimal, int, float)) else repr(value)
        problem += f" (got {shown[:60]}{'…' if len(shown) > 60 else ''})"
    more = error.error_count() - 1
    suffix = f"; {more} more problem{'s' if more > 1 else ''} in this file" if more else ""
    return DataError(file, entry, (f"{where}: " if where else "") + problem + suffix)


def _entry_label(table: Any, index: int) -> str | None:
    """The id-like field a person would recognise an entry by, if it has one."""
    item = table[index] if isinstance(table, list) and index < len(table) else None
    if not isinstance(item, dict):
        return None
    label = next((item[key] for key in ("id", "label", "stage", "text", "model") if key in item), None)
    if not isinstance(label, str):
        return None
    return label if len(label) <= 40 else label[:39] + "…"


def _cross_check(catalog: Catalog) -> None:
    """What no single file can check: ids that must match across files."""
    d = catalog.data_dir
    source_ids = _unique(d / "sources.toml", "source", [s.id for s in catalog.sources])
    model_ids = _unique(d / "models.toml", "model", [m.id for m in catalog.models])
    _unique(d / "benchmarks.toml", "benchmark", [b.id for b in catalog.benchmarks])
    _unique(d / "prices.toml", "price", [p.model for p in catalog.prices])
    _unique(d / "presets.toml", "preset", [p.id for p in catalog.presets])
    _unique(d / "samples.toml", "sample", [s.id for s in catalog.samples])

    subjects = [m.id for m in catalog.models if m.role == "subject"]
    if len(subjects) != 1:
        raise DataError(
            str(d / "models.toml"), "role", f"exactly one model must be the subject (found {len(subjects)})"
        )

    for file, entry, ids in catalog.citations():
        for source in ids:
            if source not in source_ids:
                raise DataError(str(d / file), entry, f"cites source {source!r}, which sources.toml does not define")

    def known(file: str, entry: str, model_id: str) -> None:
        if model_id not in model_ids:
            raise DataError(str(d / file), entry, f"names model {model_id!r}, which models.toml does not define")

    compared = {m.id for m in catalog.compared}
    for b in catalog.benchmarks:
        entry = f"benchmark {b.id}"
        for model_id in [*b.scores, *b.not_scored, *b.chart_only, *b.reported]:
            known("benchmarks.toml", entry, model_id)
        missing = compared - set(b.scores) - set(b.not_scored)
        if missing:
            raise DataError(
                str(d / "benchmarks.toml"), entry, f"no score or not_scored reason for {sorted(missing)[0]}"
            )
        if not set(b.scores) & {catalog.subject.id}:
            raise DataError(str(d / "benchmarks.toml"), entry, f"{catalog.subject.id} must be scored")
    for p in catalog.prices:
        entry = f"price {p.model}"
        known("prices.toml", entry, p.model)
    _unique(d / "models.toml", "deprecation", [x.model for x in catalog.deprecations])
    for deprecation in catalog.deprecations:
        known("models.toml", f"deprecation {deprecation.model}", deprecation.model)
    for m in catalog.models:
        if m.id not in {p.model for p in catalog.prices}:
            raise DataError(str(d / "prices.toml"), f"model {m.id}", "has no [[price]] entry")
    for c in catalog.price_changes:
        known("prices.toml", f"change {c.date} {c.model}", c.model)
        if c.date <= catalog.prices_as_of:
            raise DataError(
                str(d / "prices.toml"),
                f"change {c.date} {c.model}",
                f"a later change must be dated after the list prices (as_of {catalog.prices_as_of})",
            )
    for preset in catalog.presets:
        for name, bounds in (
            ("input_tokens", INPUT_BOUNDS),
            ("output_tokens", OUTPUT_BOUNDS),
            ("requests_per_day", REQUESTS_BOUNDS),
        ):
            value = getattr(preset, name)
            if not bounds.low <= value <= bounds.high:
                raise DataError(
                    str(d / "presets.toml"),
                    f"preset {preset.id}",
                    f"{name} {value:,} is outside the calculator's {bounds.low:,} to {bounds.high:,}",
                )
    for claim in catalog.claims:
        for model_id in filter(None, (claim.model, claim.against)):
            known("claims.toml", f"claim {claim.text!r}", model_id)
    _unique(d / "images.toml", "rule", [r.model for r in catalog.image_rules])
    _unique(d / "images.toml", "size", [s.id for s in catalog.image_sizes])
    for rule in catalog.image_rules:
        known("images.toml", f"rule {rule.model}", rule.model)
        if "image" not in catalog.model(rule.model).inputs:
            raise DataError(str(d / "images.toml"), f"rule {rule.model}", "the model does not take image input")


def _unique(file: Path, table: str, ids: list[str]) -> set[str]:
    seen: set[str] = set()
    for position, item in enumerate(ids, start=1):
        if item in seen:
            raise DataError(str(file), f"[[{table}]] #{position}", f"duplicate id {item!r}")
        seen.add(item)
    return seen
