"""How many CPU threads the models of this process use: one number, set the same way by both engines.

The local engine gives a run the CPUs the process may use; a Ray worker gives
its models the CPUs Ray reserved for it (issue 11: left alone, torch takes
every core of the machine in each worker, and workers sharing a node fight
over them). torch and CTranslate2 both read the number from here.
"""

from __future__ import annotations

import os

_budget: int | None = None


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, which a container or taskset narrows)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def set_budget(cpus: int) -> None:
    """Give this process's models `cpus` threads (a Ray worker: the CPUs reserved for it)."""
    global _budget
    _budget = max(1, int(cpus))


def budget() -> int:
    """The CPU threads this process's models may use: the budget set, else every CPU available."""
    return _budget if _budget is not None else available_cpus()


def pin_torch() -> None:
    """Set torch's intra-op threads to the budget (called as the first model loads)."""
    import torch

    n = budget()
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
