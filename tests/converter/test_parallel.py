"""Work spread over processes: balanced groups, and results as a serial run gives them."""

from __future__ import annotations

import os

from converter.parallel import chunks, forked_map


def test_chunks_are_balanced_by_size_and_cover_every_item():
    groups = chunks([100, 10, 60, 50, 5], 2)
    assert sorted(i for g in groups for i in g) == [0, 1, 2, 3, 4]
    assert groups == [[0, 1, 4], [2, 3]]  # 115 and 110
    assert chunks([7], 4) == [[0]]


def words_and_process(shared: list[str], group: list[int]) -> tuple[list[str], int]:
    return [shared[i].upper() for i in group], os.getpid()


def test_forked_map_gives_the_serial_results_in_group_order_from_other_processes():
    shared = ["a", "b", "c", "d", "e"]
    groups = [[4, 0], [1], [3, 2]]
    forked = forked_map(words_and_process, groups, shared, workers=2)
    assert [words for words, _ in forked] == [["E", "A"], ["B"], ["D", "C"]]
    assert os.getpid() not in {pid for _, pid in forked}
    assert forked_map(words_and_process, groups, shared, workers=1) == [(w, os.getpid()) for w, _ in forked]
