"""Cost maths in exact decimals: what a workload costs on each model per month.
What it has to say to a person (a problem) it says as a message key and values,
so each language words it its own way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from gpt4o_tui.core.catalog import Catalog, Model, ModelPrice, Preset
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS, Said
from gpt4o_tui.core.images import DEFAULT_SIZE, Detail, ImageSize, image_tokens

if TYPE_CHECKING:
    from gpt4o_tui.core.today_model import TodayModel

PER_MILLION = Decimal(1_000_000)


@dataclass(frozen=True)
class Workload:
    input_tokens: int = 500
    output_tokens: int = 200
    requests_per_day: int = 10_000
    days: int = 30
    images: int = 0  # per request, each of image_size at detail
    image_size: ImageSize = DEFAULT_SIZE
    detail: Detail = "high"
    cached_input_tokens: int = 0  # of input_tokens, read from a prompt cache

    @property
    def requests(self) -> int:
        return self.requests_per_day * self.days

    def changed(self, **counts: int) -> Workload:
        """The workload with these counts; the cached input follows the input down,
        since no more of a prompt than all of it can be read from a cache."""
        workload = replace(self, **counts)
        return replace(workload, cached_input_tokens=min(workload.cached_input_tokens, workload.input_tokens))


def preset_workload(preset: Preset) -> Workload:
    image = preset.image
    if image is None:
        return Workload(preset.input_tokens, preset.output_tokens, preset.requests_per_day)
    return Workload(
        preset.input_tokens,
        preset.output_tokens,
        preset.requests_per_day,
        images=image.count,
        image_size=ImageSize(image.width, image.height),
        detail=image.detail,
    )


def request_image_tokens(catalog: Catalog, model: Model, workload: Workload) -> int | None:
    """The input tokens one request's images cost on the model; 0 without images;
    None when the model takes no images or its rule is not sourced."""
    if workload.images == 0:
        return 0
    rule = catalog.image_rule(model.id)
    if rule is None or "image" not in model.inputs:
        return None
    return workload.images * image_tokens(rule, workload.image_size, workload.detail)


# Which of a model's prices applies; each is worded by rate.<kind> in messages.toml.
RateKind = Literal["standard", "batch", "long context", "today"]


@dataclass(frozen=True)
class Rate:
    """USD per 1M tokens, and which of the model's prices it is."""

    input: Decimal
    output: Decimal
    kind: RateKind
    batch: bool = False  # today's price at the Batch API's rate (kind "today")


@dataclass(frozen=True)
class ModelCost:
    """One model's monthly bill, or why the request cannot be made on it: one of
    gpt4o-tui's own models, or one priced today by genai-prices."""

    model: Model | TodayModel
    rate: Rate
    input_usd: Decimal  # the text of the prompts
    output_usd: Decimal
    problem: Said | None = None
    image_tokens: int | None = 0  # per request; None where images cannot be priced
    image_usd: Decimal = Decimal(0)
    cached_tokens: int = 0  # per request, priced at the cached rate where the price has one
    today: TodayModel | None = None  # the genai-prices entry it is priced by today, if it is

    @property
    def total_usd(self) -> Decimal:
        return self.input_usd + self.image_usd + self.output_usd

    @property
    def input_rate(self) -> Decimal:
        return self.rate.input

    @property
    def output_rate(self) -> Decimal:
        return self.rate.output

    @property
    def long_context_rate(self) -> bool:
        return self.rate.kind == "long context"


@dataclass(frozen=True)
class Saving:
    usd: Decimal
    percent: Decimal


def request_problem(model: Model, workload: Workload, image_tokens: int | None = 0) -> Said | None:
    """Why one request of this workload cannot be made on the model, if it cannot.
    Each limit the data gives is judged; one it does not give is not."""
    if image_tokens is None:
        key = "problem.no_image_input" if "image" not in model.inputs else "problem.image_rule_unknown"
        return Said(key, {"images": workload.images})
    if model.max_output is not None and workload.output_tokens > model.max_output:
        return Said("problem.max_output", {"output": workload.output_tokens, "limit": model.max_output})
    prompt = workload.input_tokens + image_tokens
    if model.context_window is not None and prompt + workload.output_tokens > model.context_window:
        return Said(
            "problem.context", {"input": prompt, "output": workload.output_tokens, "limit": model.context_window}
        )
    return None


def largest_runnable(*models: Model) -> tuple[Workload, ...]:
    """The text-only workloads within the sliders' bounds with the largest bill that
    every one of `models` can run (one model's own, or a pair's, for what one saves
    against the other). A bill grows with each count, so it is largest at the most
    requests and at a corner of what fits: the most output allowed with the longest
    prompt the context leaves beside it, the longest prompt with the most output left
    beside that, or the shortest prompt with the most output. None where no workload
    within the bounds fits at all."""
    outputs = [m.max_output for m in models if m.max_output is not None]
    top_output = min([OUTPUT_BOUNDS.high, *outputs])
    rooms = [m.context_window for m in models if m.context_window is not None]
    if not rooms:
        return (Workload(INPUT_BOUNDS.high, top_output, REQUESTS_BOUNDS.high),)
    room = min(rooms)
    longest = min(INPUT_BOUNDS.high, room - OUTPUT_BOUNDS.low)
    corners = (
        (min(INPUT_BOUNDS.high, room - top_output), top_output),
        (longest, min(top_output, room - longest)),
        (INPUT_BOUNDS.low, min(top_output, room - INPUT_BOUNDS.low)),
    )
    return tuple(
        Workload(prompt, output, REQUESTS_BOUNDS.high)
        for prompt, output in dict.fromkeys(corners)
        if INPUT_BOUNDS.low <= prompt and OUTPUT_BOUNDS.low <= output
    )


def rate(price: ModelPrice, prompt_tokens: int, batch: bool = False) -> Rate:
    """The price a request pays: the long-context rate once its prompt passes the
    threshold; with batch, the Batch API price where the model has one; else standard."""
    long = price.long_context
    if long is not None and prompt_tokens > long.above_tokens:
        return Rate(long.input, long.output, "long context")
    if batch and price.batch_input is not None and price.batch_output is not None:
        return Rate(price.batch_input, price.batch_output, "batch")
    return Rate(price.input, price.output, "standard")


def model_cost(catalog: Catalog, model: Model, workload: Workload, batch: bool = False) -> ModelCost:
    images = request_image_tokens(catalog, model, workload)
    paid = rate(catalog.price(model.id), workload.input_tokens + (images or 0), batch)
    return ModelCost(
        model=model,
        rate=paid,
        input_usd=paid.input * workload.input_tokens * workload.requests / PER_MILLION,
        output_usd=paid.output * workload.output_tokens * workload.requests / PER_MILLION,
        problem=request_problem(model, workload, images),
        image_tokens=images,
        image_usd=paid.input * (images or 0) * workload.requests / PER_MILLION,
        cached_tokens=workload.cached_input_tokens,  # no cached price in data/: at the input rate
    )


def monthly(catalog: Catalog, workload: Workload, batch: bool = False) -> tuple[ModelCost, ...]:
    """The workload's cost on GPT-4o mini and on each peer, in the catalog's order."""
    return tuple(model_cost(catalog, model, workload, batch) for model in catalog.compared)


@dataclass(frozen=True)
class Conversation:
    """One conversation in which every turn re-sends the history before it."""

    model: Model
    turns: int
    usd: Decimal  # the turns that fit
    last_prompt_tokens: int  # the prompt of the last turn that fits
    full_at: int | None  # the first turn that no longer fits, if within `turns`


def turn_prompt(message_tokens: int, reply_tokens: int, turn: int) -> int:
    """Turn k sends k messages and the k - 1 replies before it."""
    return message_tokens * turn + reply_tokens * (turn - 1)


def first_full_turn(model: Model, message_tokens: int, reply_tokens: int) -> int | None:
    """The first turn whose prompt and reply no longer fit the model, or None when
    the data gives no context window. Turn k needs k * (message + reply) tokens in all."""
    if model.context_window is None or message_tokens + reply_tokens == 0:
        return None
    if model.max_output is not None and reply_tokens > model.max_output:
        return 1
    return model.context_window // (message_tokens + reply_tokens) + 1


def prompt_tokens(message_tokens: int, reply_tokens: int, first: int, last: int) -> int:
    """Prompt tokens of turns first..last together (an arithmetic series)."""
    count = last - first + 1
    turn_sum = (first + last) * count // 2
    return message_tokens * turn_sum + reply_tokens * (turn_sum - count)


def conversation(
    catalog: Catalog, model: Model, message_tokens: int, reply_tokens: int, turns: int, batch: bool = False
) -> Conversation:
    """In closed form, so a slider step stays cheap: the turns under a long-context
    threshold at one rate, the turns above it at the other."""
    full_at = first_full_turn(model, message_tokens, reply_tokens)
    fits = turns if full_at is None or full_at > turns else full_at - 1
    price = catalog.price(model.id)
    base = rate(price, 1, batch)
    split = fits
    if price.long_context is not None and message_tokens + reply_tokens:
        split = min(fits, (price.long_context.above_tokens + reply_tokens) // (message_tokens + reply_tokens))
    usd = Decimal(0)
    if split >= 1:
        usd += base.input * prompt_tokens(message_tokens, reply_tokens, 1, split) + base.output * reply_tokens * split
    if fits > split and price.long_context is not None:
        long = price.long_context
        usd += long.input * prompt_tokens(message_tokens, reply_tokens, split + 1, fits)
        usd += long.output * reply_tokens * (fits - split)
    last = turn_prompt(message_tokens, reply_tokens, fits) if fits else 0
    return Conversation(model, turns, usd / PER_MILLION, last, full_at if full_at and full_at <= turns else None)


def saving(subject: ModelCost, peer: ModelCost) -> Saving | None:
    """What GPT-4o mini saves against a peer; None where either cannot run the request."""
    if subject.problem or peer.problem or peer.total_usd == 0:
        return None
    usd = peer.total_usd - subject.total_usd
    return Saving(usd=usd, percent=usd / peer.total_usd * 100)


@dataclass(frozen=True)
class ImageComparison:
    """One image on GPT-4o mini against one on another model: tokens, and dollars at
    the input rate each pays in this workload."""

    other: Model
    subject_tokens: int
    other_tokens: int
    subject_usd: Decimal
    other_usd: Decimal

    @property
    def ratio(self) -> Decimal:
        """GPT-4o mini's image cost as a multiple of the other's."""
        return self.subject_usd / self.other_usd


def image_comparison(subject: ModelCost, other: ModelCost, workload: Workload) -> ImageComparison | None:
    """Per image, from the two results; None without images, or where either model
    cannot price them."""
    if not workload.images or not subject.image_tokens or not other.image_tokens or other.rate.input == 0:
        return None
    return ImageComparison(
        other=other.model,
        subject_tokens=subject.image_tokens // workload.images,
        other_tokens=other.image_tokens // workload.images,
        subject_usd=subject.rate.input * subject.image_tokens / workload.images / PER_MILLION,
        other_usd=other.rate.input * other.image_tokens / workload.images / PER_MILLION,
    )
