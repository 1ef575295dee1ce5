"""Switch each segmentation rule off in turn and list the ones no test notices.

    python tools/mutate_segment_rules.py [--jobs 2] [--only NAME ...] [--json FILE]

Issue 9 asks for one test per named rule, one that fails without it: an independent check had
switched 12 layout rules off one at a time, and 7 still passed every test in the repository.
This script repeats that check over every rule, mechanically. A mutant is one change:

- a predicate (a module-level function of `newsbrief.segment` or `newsbrief.pdf` annotated
  `-> bool`) made to answer always False (the rule never fires) or always True (it always does);
- a threshold (a number in `newsbrief.config` that the code of those packages reads) halved or
  doubled (an integer moved by at least one).

Each mutant runs the segmentation tests (`--tests`) in a fresh interpreter, stopping at the first
failure. A mutant that passes them all survives: the tests do not pin that rule down, in that
direction. A survivor is a finding to read, not a failure: some directions change nothing by
design (a quick first look such as `byline.may_close_on_byline`, which only spares a slower test
its work, gives the same answers when it always lets the test run), and the gate
(`bench/eval_segment.py`) measures what the tests cannot.

Run from the repository root. The same file is loaded into each test run as a pytest plugin
(`-p mutate_segment_rules`), which applies the mutant named in the environment before the tests
import anything.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

#: the packages whose rules are switched: text segmentation and the PDF path
PACKAGES = ("segment", "pdf")
#: the environment variable that carries a mutant into a test run
ENV = "NEWSBRIEF_MUTANT"
#: the tests that pin segmentation down, a few seconds in all. Not the property tests
#: (test_segment_properties.py): hypothesis draws its examples afresh, and a mutant killed on one
#: run and not the next is no finding
DEFAULT_TESTS = ("tests/test_segment_rules.py", "tests/test_segment_seed.py", "tests/test_byline_grammar.py",
                 "tests/test_normalize.py", "tests/test_cli_segment.py", "tests/test_pdf.py", "tests/test_stitch.py")
#: seconds one mutant's test run may take before it counts as killed (the tests take a few)
TIMEOUT_SECONDS = 300
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    """One change to one rule: a predicate's constant answer, or a threshold's new value."""

    target: str  # `package.module.function` (segment.units._quote_rest) or `config.NAME`
    change: str  # false | true | half | double

    @property
    def name(self) -> str:
        """The mutant as one word, as --only and the environment variable take it."""
        return f"{self.target}:{self.change}"


@dataclass
class Outcome:
    """What the tests made of one mutant."""

    mutant: str
    killed: bool
    seconds: float
    first_failure: str  # the test that failed first ("" for a survivor)


def _rule_modules() -> list:
    """Every module of the PACKAGES, imported."""
    modules = []
    for name in PACKAGES:
        package = importlib.import_module(f"newsbrief.{name}")
        modules.append(package)
        modules += [importlib.import_module(f"{package.__name__}.{info.name}")
                    for info in pkgutil.iter_modules(package.__path__)]
    return modules


def predicates() -> list[str]:
    """`package.module.function` for each module-level function of the PACKAGES annotated `-> bool`."""
    found = []
    for module in _rule_modules():
        where = module.__name__.split(".", 1)[1]
        for name, fn in vars(module).items():
            if inspect.isfunction(fn) and fn.__module__ == module.__name__ and fn.__annotations__.get("return") == "bool":
                found.append(f"{where}.{name}")
    return sorted(found)


def thresholds() -> list[str]:
    """`config.NAME` for each number in newsbrief.config that the code of the PACKAGES reads."""
    from newsbrief import config

    read = set()
    for module in _rule_modules():
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "config":
                read.add(node.attr)
    return sorted(f"config.{name}" for name in read
                  if isinstance(getattr(config, name, None), (int, float)) and not isinstance(getattr(config, name), bool))


def mutants() -> list[Mutant]:
    """Every mutant: two per predicate, two per threshold."""
    return [Mutant(t, c) for t in predicates() for c in ("false", "true")] + \
           [Mutant(t, c) for t in thresholds() for c in ("half", "double")]


def mutated_value(value: int | float, change: str) -> int | float:
    """A threshold halved or doubled; an integer moved by at least one, so that the change is never nothing."""
    if isinstance(value, int):
        moved = value // 2 if change == "half" else value * 2
        return moved if moved != value else value + (-1 if change == "half" else 1)
    return value / 2 if change == "half" else value * 2


def apply(mutant: Mutant) -> None:
    """Make the change in this interpreter: config first, then every module that holds the predicate by name.

    A threshold is set before the segmentation modules are imported (some build patterns from
    config at import); a predicate is replaced wherever a module of newsbrief (or a test module
    imported later, which takes the replaced one) holds the original.
    """
    from newsbrief import config

    if mutant.target.startswith("config."):
        name = mutant.target.split(".", 1)[1]
        setattr(config, name, mutated_value(getattr(config, name), mutant.change))
        _rule_modules()
        return
    where, name = mutant.target.rsplit(".", 1)
    original = getattr(importlib.import_module(f"newsbrief.{where}"), name)
    answer = mutant.change == "true"

    def constant(*args, **kwargs) -> bool:
        return answer

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("newsbrief") and getattr(module, name, None) is original:
            setattr(module, name, constant)


def run(mutant: Mutant, tests: list[str]) -> Outcome:
    """The tests run once under mutant in a fresh interpreter, stopping at the first failure."""
    env = dict(os.environ, **{ENV: mutant.name})
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tools"), str(ROOT / "src"), env.get("PYTHONPATH", "")])
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-rf", "-p", "no:cacheprovider",
                               "-p", "mutate_segment_rules", *tests],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        # (an answer held constant can keep a loop from ending: the tests noticed, as a hang)
        return Outcome(mutant.name, True, round(time.perf_counter() - start, 1), f"timeout after {TIMEOUT_SECONDS} s")
    failed = [ln.split(" ", 1)[1].split(" - ")[0] for ln in done.stdout.splitlines() if ln.startswith("FAILED ")]
    return Outcome(mutant.name, done.returncode != 0, round(time.perf_counter() - start, 1),
                   failed[0] if failed else ("" if done.returncode == 0 else f"exit {done.returncode}"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants run at once")
    ap.add_argument("--only", nargs="*", default=None, help="targets or mutant names to run (default: all)")
    ap.add_argument("--tests", nargs="*", default=list(DEFAULT_TESTS), help="test files each mutant runs")
    ap.add_argument("--list", action="store_true", help="list the mutants and run nothing")
    ap.add_argument("--json", type=Path, help="write every outcome here")
    args = ap.parse_args()
    chosen = [m for m in mutants() if args.only is None or m.target in args.only or m.name in args.only]
    if args.list:
        print("\n".join(m.name for m in chosen))
        return
    if not chosen:
        sys.exit(f"no mutant matches {args.only}; --list shows them")
    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(args.jobs) as pool:
        for k, outcome in enumerate(pool.map(lambda m: run(m, args.tests), chosen), start=1):
            outcomes.append(outcome)
            status = f"killed by {outcome.first_failure}" if outcome.killed else "SURVIVED"
            print(f"[{k}/{len(chosen)}] {outcome.mutant}: {status} ({outcome.seconds} s)", file=sys.stderr, flush=True)
    survivors = [o.mutant for o in outcomes if not o.killed]
    print(f"{len(outcomes) - len(survivors)} of {len(outcomes)} mutants killed; {len(survivors)} survived:")
    for name in survivors:
        print(f"  {name}")
    if args.json:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")


if __name__ != "__main__" and os.environ.get(ENV):
    # loaded by pytest as a plugin (-p mutate_segment_rules) inside one mutant's run
    _target, _change = os.environ[ENV].rsplit(":", 1)
    apply(Mutant(_target, _change))

if __name__ == "__main__":
    main()
