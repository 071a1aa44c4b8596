"""Every message key the code looks up is in messages.toml, in both languages,
found by reading the source rather than by running it.

A key is looked up by calling a Language (`lang("pricing.model")`, `self.lang(...)`,
`app.language(...)`, `ENGLISH(...)`), or named for later by `Said(...)` and
`CountError(...)`. Literal keys are read as they stand. A key built at run time
(`f"view.{view}"`) is read as a template, `view.{}`, and resolved below from the
registry, the code's types or data/; a template the code has and this file cannot
resolve fails too, so a new one comes with its values."""

from __future__ import annotations

import ast
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.binding import Binding

from gpt4o_tui.text import i18n

SOURCE = Path(__file__).resolve().parents[1] / "src" / "gpt4o_tui"
# Called with a key: a Language by these names, and what names a key for later.
LOOKUP_NAMES = {"lang", "EN", "ENGLISH", "Said", "CountError", "SettingsError", "ScenarioError"}
LOOKUP_ATTRIBUTES = {"lang", "language"}  # self.lang(...), self.app.language(...)


@dataclass(frozen=True)
class Use:
    key: str  # a literal key, or a template with {} where the run-time part goes
    where: str  # path:line

    @property
    def template(self) -> bool:
        return "{}" in self.key


def _namespaces() -> set[str]:
    return {key.split(".")[0] for key in i18n.catalog()}


def _is_lookup(call: ast.Call, path: Path) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        # Inside Language itself, self(...) is a lookup.
        return func.id in LOOKUP_NAMES or (func.id == "self" and path.name == "i18n.py")
    if isinstance(func, ast.Attribute) and func.attr in LOOKUP_ATTRIBUTES:
        # i18n.language("zh") gives a Language; it looks nothing up.
        return not (isinstance(func.value, ast.Name) and func.value.id == "i18n")
    return False


def _literals(node: ast.expr) -> Iterator[str]:
    """The literal keys an argument can be: a string, or either side of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def _template(node: ast.JoinedStr) -> str:
    return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)


def uses(source: Path = SOURCE) -> list[Use]:
    """Every key the source looks up, and every key template it builds."""
    namespaces = _namespaces()
    found = []
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(source.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and node.args and _is_lookup(node, path):
                found += [Use(key, where) for key in _literals(node.args[0])]
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                # Anywhere, not only in a call: f"help.{id}" is built first and looked up later.
                head = str(node.values[0].value)
                if "." in head and head.split(".")[0] in namespaces:
                    found.append(Use(_template(node), where))
    return found


# -- the run-time parts, from the registry, the code's types and data/ ----------


def our_bindings() -> list[Binding]:
    from gpt4o_tui.tui.app import Gpt4oTui, HelpScreen, pane_type, pane_widgets
    from gpt4o_tui.tui.panes import PANES
    from gpt4o_tui.tui.presentation import DeckScreen

    owners = [Gpt4oTui, HelpScreen, DeckScreen]
    for entry in PANES:
        owners += [pane_type(entry.id), *pane_widgets(entry)]
    return [binding for owner in owners for binding in owner.BINDINGS if isinstance(binding, Binding)]


def _our_binding_ids() -> set[str]:
    # Textual adds the palette's binding without an id; the app words it as app.palette.
    return {b.id for b in our_bindings() if b.id} | {"app.palette"}


def _binding_groups() -> set[str]:
    return {b.group.description for b in our_bindings() if b.group}


def _panes_with_keys() -> set[str]:
    from gpt4o_tui.tui.app import pane_type, pane_widgets
    from gpt4o_tui.tui.panes import PANES

    return {
        e.id
        for e in PANES
        if pane_type(e.id).__dict__.get("BINDINGS")
        or pane_type(e.id).HELP_KEYS
        or any(w.BINDINGS for w in pane_widgets(e))
    }


def _palette() -> set[str]:
    from gpt4o_tui.tui.app import palette_bindings

    return {binding.id for _, binding in palette_bindings() if binding.id}


def _literal_values(annotation: object) -> set[str]:
    """The strings of a Literal, also inside tuple[Literal[...], ...] and X | None."""
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    return {v for arg in typing.get_args(annotation) for v in _literal_values(arg)}


def _field(model: type, name: str) -> set[str]:
    return _literal_values(typing.get_type_hints(model)[name])


def _views() -> set[str]:
    from gpt4o_tui.tui.panes.benchmarks import VIEWS

    return set(VIEWS)


def _tabs() -> set[str]:
    from gpt4o_tui.tui.panes import TABS

    return set(TABS)


def _bounds() -> set[str]:
    from gpt4o_tui.core import counts

    return {b.key for b in vars(counts).values() if isinstance(b, counts.Bounds)}


def _details() -> set[str]:
    from gpt4o_tui.core.images import DETAILS

    return set(DETAILS)


def _inputs() -> set[str]:
    from gpt4o_tui.core.catalog import Model

    return _field(Model, "inputs")


def _claim_prices() -> set[str]:
    from gpt4o_tui.core.catalog import Claim

    return _field(Claim, "prices")


def _deprecation_statuses() -> set[str]:
    from gpt4o_tui.core.catalog import Deprecation

    return {s.replace(" ", "_") for s in _field(Deprecation, "status")}


def _rate_kinds() -> set[str]:
    from gpt4o_tui.core.costs import RateKind

    return _literal_values(RateKind)


def _prices() -> set[str]:
    from gpt4o_tui.text.report import Prices

    return {p.replace(" ", "_") for p in _literal_values(Prices)}


@dataclass(frozen=True)
class Resolver:
    values: Callable[[], set[str]]
    # Guarded: the code asks the catalog first and falls back (Textual's own
    # bindings and argparse's phrases stay in English), so only the values found
    # are keys in use, and a missing one is no fault.
    guarded: bool = False


RESOLVERS = {
    "tab.{}": Resolver(_tabs),
    "help.{}": Resolver(_panes_with_keys),
    "view.{}": Resolver(_views),
    "command.{}": Resolver(_palette),
    "command.{}_help": Resolver(_palette),
    "key.{}": Resolver(_our_binding_ids, guarded=True),
    "tip.{}": Resolver(_our_binding_ids, guarded=True),
    "group.{}": Resolver(_binding_groups, guarded=True),
    "argparse.{}": Resolver(set, guarded=True),
    "bounds.{}": Resolver(_bounds),
    "input.{}": Resolver(_inputs),
    "claims.{}": Resolver(_claim_prices),
    "rate.{}": Resolver(_rate_kinds),
    "report.deprecation.{}": Resolver(_deprecation_statuses),
    "report.prices.{}": Resolver(_prices),
    "image.detail.{}": Resolver(_details),
    "image.detail_choice.{}": Resolver(_details),
}


def keys_used(found: list[Use] | None = None) -> set[str]:
    """Every key the code may look up: its literal keys, and its templates filled
    with every value they can take (guarded ones with those the catalog has)."""
    found = uses() if found is None else found
    keys = {use.key for use in found if not use.template}
    for template in {use.key for use in found if use.template}:
        resolver = RESOLVERS[template]
        filled = {template.replace("{}", value) for value in resolver.values()}
        keys |= {k for k in filled if k in i18n.catalog()} if resolver.guarded else filled
    return keys


def missing(found: list[Use]) -> list[str]:
    """What the code looks up and the catalog lacks, in either language, each with where."""
    catalog = i18n.catalog()
    problems = []
    for use in found:
        if use.template:
            if use.key not in RESOLVERS:
                problems.append(f"{use.where}: {use.key!r} is built at run time; add its values to RESOLVERS")
                continue
            resolver = RESOLVERS[use.key]
            keys = set() if resolver.guarded else {use.key.replace("{}", v) for v in resolver.values()}
        else:
            keys = {use.key}
        for key in sorted(keys):
            absent = [lang for lang in i18n.LANGS if lang not in catalog.get(key, {})]
            if absent:
                problems.append(f"{use.where}: {key!r} has no {', '.join(absent)} text in messages.toml")
    return problems


def test_the_scan_finds_the_code_s_keys() -> None:
    """A check that finds nothing would pass: the scan sees literal, either-or and built keys."""
    found = {use.key for use in uses()}
    assert {
        "pricing.model",
        "report.md.batch",
        "report.md.standard",
        "count.not_a_count",
        "problem.context",
        "view.{}",
        "help.{}",
        "command.{}_help",
    } <= found
    assert not any(use.key.endswith((".toml", ".tcss")) for use in uses())


def test_every_key_the_code_uses_is_in_both_languages() -> None:
    assert missing(uses()) == []


def test_every_template_resolves_and_every_resolver_is_used() -> None:
    templates = {use.key for use in uses() if use.template}
    assert set(RESOLVERS) == templates
    for template, resolver in RESOLVERS.items():
        assert resolver.guarded or resolver.values(), template


TYPOS = {
    "literal": ('lang("pricing.modle")', "'pricing.modle' has no en, zh text in messages.toml"),
    "method": (
        'self.lang("benchmarks.avrage_note", taken=1)',
        "'benchmarks.avrage_note' has no en, zh text in messages.toml",
    ),
    "either-or": (
        'lang("report.md.batch" if batch else "report.md.standrd")',
        "'report.md.standrd' has no en, zh text in messages.toml",
    ),
    "said-later": (
        'raise CountError("count.not_a_cuont", text=text)',
        "'count.not_a_cuont' has no en, zh text in messages.toml",
    ),
    "built": ('key = f"tab.{tab}_title"', "'tab.{}_title' is built at run time; add its values to RESOLVERS"),
}


@pytest.mark.parametrize(("line", "expected"), list(TYPOS.values()), ids=list(TYPOS))
def test_a_typo_in_a_key_fails(tmp_path: Path, line: str, expected: str) -> None:
    """The check catches what it is for: a key the catalog does not have."""
    package = tmp_path / "gpt4o_tui"
    package.mkdir()
    (package / "typo.py").write_text(f"def f(lang, self, batch, text, tab):\n    {line}\n", encoding="utf-8")
    [problem] = missing(uses(package))
    assert problem == f"gpt4o_tui/typo.py:2: {expected}"
