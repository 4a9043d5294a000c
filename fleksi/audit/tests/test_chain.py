from datetime import UTC, date, datetime
from decimal import Decimal

from fleksi.audit.domain.chain import (
    GENESIS_HASH,
    ChainLink,
    entry_hash,
    to_jsonable,
    verify_stream,
)


def make_chain(n: int, stream: str = "pd:1") -> list[ChainLink]:
    links, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        payload = {"action": "x.update", "after": {"n": seq}}
        h = entry_hash(stream=stream, seq=seq, prev_hash=prev, payload=payload)
        links.append(ChainLink(seq, stream, seq, prev, h, payload))
        prev = h
    return links


def test_intact_chain_verifies():
    links = make_chain(5)
    assert verify_stream(links, stream="pd:1", head_seq=5, head_hash=links[-1].hash) == (5, None)


def test_empty_stream_with_empty_head_is_intact():
    assert verify_stream([], stream="s", head_seq=0, head_hash=GENESIS_HASH) == (0, None)


def test_altered_content_is_found_at_its_entry():
    links = make_chain(5)
    links[2] = ChainLink(3, "pd:1", 3, links[2].prev_hash, links[2].hash, {"action": "forged"})
    _, problem = verify_stream(links, stream="pd:1", head_seq=5, head_hash=links[-1].hash)
    assert problem is not None
    assert (problem.code, problem.seq, problem.entry_id) == ("altered", 3, 3)


def test_removed_entry_leaves_a_gap():
    links = make_chain(5)
    del links[1]
    _, problem = verify_stream(links, stream="pd:1", head_seq=5, head_hash=links[-1].hash)
    assert problem is not None
    assert (problem.code, problem.seq) == ("gap", 3)


def test_removed_tail_no_longer_matches_the_head():
    links = make_chain(5)
    head = links[-1].hash
    _, problem = verify_stream(links[:-1], stream="pd:1", head_seq=5, head_hash=head)
    assert problem is not None
    assert problem.code == "head_mismatch"


def test_reordered_entries_break_the_links():
    links = make_chain(5)
    a, b = links[1], links[2]
    # Swap their places and renumber them, as someone editing sequence numbers would.
    links[1] = ChainLink(b.entry_id, b.stream, 2, b.prev_hash, b.hash, b.payload)
    links[2] = ChainLink(a.entry_id, a.stream, 3, a.prev_hash, a.hash, a.payload)
    _, problem = verify_stream(links, stream="pd:1", head_seq=5, head_hash=links[-1].hash)
    assert problem is not None
    assert (problem.code, problem.seq) == ("broken_link", 2)


def test_hash_depends_on_stream_and_position():
    payload = {"a": 1}
    base = entry_hash(stream="s", seq=1, prev_hash=GENESIS_HASH, payload=payload)
    assert base != entry_hash(stream="t", seq=1, prev_hash=GENESIS_HASH, payload=payload)
    assert base != entry_hash(stream="s", seq=2, prev_hash=GENESIS_HASH, payload=payload)
    # Key order does not matter (canonical JSON).
    assert entry_hash(stream="s", seq=1, prev_hash=GENESIS_HASH, payload={"a": 1, "b": 2}) == (
        entry_hash(stream="s", seq=1, prev_hash=GENESIS_HASH, payload={"b": 2, "a": 1})
    )


def test_values_become_stable_json():
    value = {
        "d": date(2026, 11, 29),
        "t": datetime(2026, 11, 29, 7, 30, tzinfo=UTC),
        "x": Decimal("1.50"),
        "f": 0.1,
        "s": {3, 1},
        "n": None,
    }
    assert to_jsonable(value) == {
        "d": "2026-11-29",
        "t": "2026-11-29T07:30:00+00:00",
        "x": "1.50",
        "f": "0.1",
        "s": [1, 3],
        "n": None,
    }
