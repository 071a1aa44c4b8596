"""Today's prices, from the genai-prices package's shipped snapshot (pydantic's
maintained price database). Only the snapshot inside the installed package is read:
nothing here starts its updater or touches the network. The package (a 1.6 MB data
module, about half a second to import) is imported on first use, never at start-up.
Money is priced by the package's own calc_price, tiers included."""

from __future__ import annotations

import datetime as dt
import difflib
import gc
from decimal import Decimal
from functools import cache
from importlib import metadata
from typing import Any

from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog, Model
from gpt4o_tui.core.costs import Conversation, ModelCost, Rate, Workload
from gpt4o_tui.core.counts import Said
from gpt4o_tui.core.today_model import TodayModel

PACKAGE = "genai-prices"
SOURCE = "genai-prices"  # the id a row priced today names as its source
PER_MILLION = Decimal(1_000_000)


def version() -> str:
    """The installed package's version, without importing it."""
    return metadata.version(PACKAGE)


class ModelNotFound(LookupError):
    """A model reference genai-prices does not know, or knows at several providers."""

    def __init__(self, key: str, **values: Any) -> None:
        self.said = Said(key, values)
        super().__init__(key)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _snapshot() -> Any:
    from genai_prices import data_snapshot

    return data_snapshot.get_snapshot()


def _base(price: Any) -> Decimal | None:
    """A price per 1M, or a tiered price's base (its first tier)."""
    if price is None or isinstance(price, Decimal):
        return price
    return Decimal(price.base)


def _today_model(provider: Any, model: Any, when: dt.datetime) -> TodayModel:
    prices = model.get_prices(when)
    return TodayModel(
        provider_id=provider.id,
        provider_name=provider.name,
        model_id=model.id,
        name=model.name or model.id,
        context_window=model.context_window,
        deprecated=bool(model.deprecated),
        input_mtok=_base(prices.input_mtok),
        output_mtok=_base(prices.output_mtok),
        cache_read_mtok=_base(prices.cache_read_mtok),
        tiered=not isinstance(prices.input_mtok, (Decimal, type(None))),
    )


@cache
def models() -> tuple[TodayModel, ...]:
    """Every model genai-prices prices by text tokens, provider by provider."""
    when = _now()
    found = []
    for provider in _snapshot().providers:
        for model in provider.models:
            today = _today_model(provider, model, when)
            if today.input_mtok is not None or today.output_mtok is not None:
                found.append(today)
    # The snapshot lives as long as the process: moved out of the collector's sight,
    # its objects no longer make each full collection walk them (about 110 ms, every
    # twenty or so letters typed into the picker; about 20 ms once frozen).
    gc.freeze()
    return tuple(found)


def search(query: str, limit: int = 200) -> tuple[TodayModel, ...]:
    """Models whose provider, id or name hold every word of the query: first the one a
    bare id names (as `find` resolves it), then ids equal to the query, then ids that
    start with it, then the rest, each in the snapshot's order."""
    words = query.lower().split()
    found = [m for m in models() if all(w in m.search_text for w in words)]
    if not words:
        return tuple(found[:limit])
    typed = words[-1]
    named = _find(typed)
    usual = named.ref if isinstance(named, TodayModel) else None

    def rank(model: TodayModel) -> int:
        return (
            0 if model.ref == usual else 1 if model.model_id == typed else 2 if model.model_id.startswith(typed) else 3
        )

    return tuple(sorted(found, key=rank)[:limit])


def find(ref: str) -> TodayModel:
    """A model by `provider:model`, or by a model id alone where genai-prices (or the
    only provider that has it) says whose it is. Raises ModelNotFound."""
    found = _find(ref.strip().lower())
    if isinstance(found, TodayModel):
        return found
    if found:
        raise ModelNotFound("problem.today_ambiguous", model=ref, providers=", ".join(found))
    raise ModelNotFound("problem.today_unknown", model=ref, closest=_closest(ref))


@cache
def _by_ref() -> dict[str, TodayModel]:
    return {m.ref: m for m in models()}


@cache
def _find(ref: str) -> TodayModel | tuple[str, ...]:
    """The model a lower-case reference names; else the providers it could be at
    (none: it names no model). Kept per reference: the picker asks again at each key."""
    snapshot = _snapshot()
    by_ref = _by_ref()
    provider_id, _, model_ref = ref.rpartition(":")
    if provider_id:
        provider = next((p for p in snapshot.providers if p.id == provider_id), None)
        model = next((m for m in provider.models if m.is_match(model_ref)), None) if provider else None
        return by_ref.get(f"{provider.id}:{model.id}", ()) if model is not None else ()
    holders = [(p, m) for p in snapshot.providers for m in p.models if m.is_match(model_ref)]
    holders = [(p, m) for p, m in holders if f"{p.id}:{m.id}" in by_ref]
    if not holders:
        return ()
    try:
        usual = snapshot.find_provider(model_ref, None, None).id
    except LookupError:
        usual = None
    chosen = [(p, m) for p, m in holders if p.id == usual] or (holders if len(holders) == 1 else [])
    if not chosen:
        return tuple(sorted({p.id for p, _ in holders}))
    provider, model = chosen[0]
    return by_ref[f"{provider.id}:{model.id}"]


def _closest(ref: str) -> str:
    names = {m.model_id for m in models()}
    return ", ".join(difflib.get_close_matches(ref.strip().lower().rpartition(":")[2], names, n=4, cutoff=0.5)) or "—"


@cache
def for_catalog_model(model: Model) -> TodayModel | None:
    """The genai-prices entry for one of gpt4o-tui's own models, by its API id, found
    once: a slider step at today's prices asks for all five again."""
    if model.provider is None:
        return None
    try:
        return find(f"{model.provider}:{model.api_id}")
    except ModelNotFound:
        return None


def price_request(
    model: TodayModel,
    input_tokens: int,
    output_tokens: int,
    cached_tokens: int = 0,
    batch: bool = False,
    when: dt.datetime | None = None,
) -> tuple[Decimal, Decimal]:
    """One request's input and output price, by genai-prices' own calc_price."""
    from genai_prices import Usage, calc_price

    usage = Usage(input_tokens=input_tokens, output_tokens=output_tokens, cache_read_tokens=cached_tokens or None)
    price = calc_price(
        usage,
        model.model_id,
        provider_id=model.provider_id,
        genai_request_timestamp=when or _now(),
        price_context={"processing": "batch"} if batch else None,
    )
    return Decimal(price.input_price), Decimal(price.output_price)


def _rate(model: TodayModel, batch: bool, when: dt.datetime | None) -> Rate:
    """The model's list rates per 1M tokens; with the Batch API, at the share of them
    genai-prices charges for a batch, so the rates shown are the rates the bill was
    priced at."""
    listed = Rate(model.input_mtok or Decimal(0), model.output_mtok or Decimal(0), "today")
    shares = _batch_shares(model, when or _now()) if batch else None
    if shares is None:  # no batch price: the standard one, as at launch
        return listed
    return Rate(listed.input * shares[0], listed.output * shares[1], "today", batch=True)


_SHARES: dict[tuple[TodayModel, dt.date], tuple[Decimal, Decimal] | None] = {}


def _batch_shares(model: TodayModel, moment: dt.datetime) -> tuple[Decimal, Decimal] | None:
    """The shares of its standard input and output price genai-prices charges the model
    for a batch (its price of a million tokens each way, batched against standard) on
    that day; None where it has no batch price. Asked once a day per model, not again
    on every step of a slider."""
    day = (model, moment.date())
    if day not in _SHARES:
        standard = price_request(model, 1_000_000, 1_000_000, when=moment)
        batched = price_request(model, 1_000_000, 1_000_000, batch=True, when=moment)
        _SHARES[day] = (
            None
            if batched == standard
            else (
                batched[0] / standard[0] if standard[0] else Decimal(1),
                batched[1] / standard[1] if standard[1] else Decimal(1),
            )
        )
    return _SHARES[day]


def model_cost(
    model: TodayModel,
    workload: Workload,
    *,
    image_tokens: int | None = 0,
    batch: bool = False,
    when: dt.datetime | None = None,
    limits: Model | None = None,
) -> ModelCost:
    """A month of the workload on a model at today's price. Images are priced as input
    tokens where gpt4o-tui knows the model's image rule (image_tokens None: it does
    not); a context window genai-prices does not give is left unjudged, not guessed.
    One of gpt4o-tui's own models is judged by its limits in data/ (`limits`)."""
    prompt = workload.input_tokens + (image_tokens or 0)
    if limits is not None:
        problem = costs.request_problem(limits, workload, image_tokens)
    elif image_tokens is None:
        problem = Said("problem.image_rule_unknown", {"images": workload.images})
    elif model.context_window is not None and prompt + workload.output_tokens > model.context_window:
        problem = Said(
            "problem.context", {"input": prompt, "output": workload.output_tokens, "limit": model.context_window}
        )
    else:
        problem = None
    cached_tokens = workload.cached_input_tokens
    text_in, out = price_request(model, workload.input_tokens, workload.output_tokens, cached_tokens, batch, when)
    with_images = price_request(model, prompt, workload.output_tokens, cached_tokens, batch, when)[0]
    requests = workload.requests
    return ModelCost(
        model=limits or model,
        today=model,
        rate=_rate(model, batch, when),
        input_usd=text_in * requests,
        output_usd=out * requests,
        problem=problem,
        image_tokens=image_tokens,
        image_usd=(with_images - text_in) * requests,
        cached_tokens=cached_tokens,
    )


def monthly(
    catalog: Catalog, workload: Workload, batch: bool = False, when: dt.datetime | None = None
) -> tuple[ModelCost, ...]:
    """The workload on GPT-4o mini and each peer at today's prices, judged by the limits
    in data/; a model genai-prices does not carry is left out."""
    results = []
    for model in catalog.compared:
        found = for_catalog_model(model)
        if found is not None:
            images = costs.request_image_tokens(catalog, model, workload)
            results.append(model_cost(found, workload, image_tokens=images, batch=batch, when=when, limits=model))
    return tuple(results)


def conversation(
    model: TodayModel,
    limits: Model,
    message_tokens: int,
    reply_tokens: int,
    turns: int,
    batch: bool = False,
    when: dt.datetime | None = None,
) -> Conversation:
    """A conversation at today's prices: in closed form at the model's rates where its
    price is flat, turn by turn through calc_price where it is tiered."""
    full_at = costs.first_full_turn(limits, message_tokens, reply_tokens)
    fits = turns if full_at is None or full_at > turns else full_at - 1
    if fits < 1:
        usd = Decimal(0)
    elif not model.tiered:
        per_in, per_out = price_request(model, 1_000_000, 1_000_000, batch=batch, when=when)
        usd = (
            per_in * costs.prompt_tokens(message_tokens, reply_tokens, 1, fits) + per_out * reply_tokens * fits
        ) / PER_MILLION
    else:
        usd = sum(
            (
                sum(
                    price_request(
                        model,
                        costs.turn_prompt(message_tokens, reply_tokens, turn),
                        reply_tokens,
                        batch=batch,
                        when=when,
                    ),
                    Decimal(0),
                )
                for turn in range(1, fits + 1)
            ),
            Decimal(0),
        )
    last = costs.turn_prompt(message_tokens, reply_tokens, fits) if fits else 0
    return Conversation(limits, turns, usd, last, full_at if full_at and full_at <= turns else None)


def chosen(
    refs: tuple[str, ...], workload: Workload, batch: bool = False, when: dt.datetime | None = None
) -> list[ModelCost]:
    """Models a person picked, priced today; one genai-prices no longer knows is left out.
    gpt4o-tui knows no image rule for them, so a workload with images cannot be priced."""
    by_ref = {m.ref: m for m in models()}
    return [
        model_cost(by_ref[ref], workload, image_tokens=None if workload.images else 0, batch=batch, when=when)
        for ref in refs
        if ref in by_ref
    ]
