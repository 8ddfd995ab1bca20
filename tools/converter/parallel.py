"""Pure work spread over processes: the cores are the converter's cheapest speed-up.

Two shapes: ``chunks`` balances items by size, and ``forked_map`` runs a function over groups
of items in forked processes that inherit its shared data (the whole corpus, for emitting
pages) instead of receiving a pickled copy each.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, TypeVar

Result = TypeVar("Result")

_INHERITED: dict[str, tuple[Callable, Any]] = {}  # set once in each forked worker, by _inherit


def chunks(sizes: list[int], count: int) -> list[list[int]]:
    """Indexes in ``count`` groups of about equal total size, largest first into the lightest
    group, so one big item does not keep a process busy while the others wait."""
    groups: list[list[int]] = [[] for _ in range(max(1, min(count, len(sizes))))]
    loads = [0] * len(groups)
    for index in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        lightest = loads.index(min(loads))
        groups[lightest].append(index)
        loads[lightest] += sizes[index]
    return groups


def forked_map(function: Callable[[Any, list[int]], Result], groups: list[list[int]], shared: Any,
               workers: int) -> list[Result]:
    """``function(shared, group)`` for each group, in group order: in ``workers`` forked processes
    where the system can fork, else here. Only the groups and the results cross processes."""
    if workers < 2 or len(groups) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(shared, group) for group in groups]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_inherit, initargs=(function, shared)) as pool:
        return list(pool.map(_run, groups))


def _inherit(function: Callable, shared: Any) -> None:
    _INHERITED["work"] = (function, shared)


def _run(group: list[int]):
    function, shared = _INHERITED["work"]
    return function(shared, group)
