"""Whole-file writes: readers and concurrent writers never see half a cache."""

import threading

import pytest

from assistant.atomic_files import write_whole


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "cache.pkl"
    write_whole(target, lambda fh: fh.write(b"old"))

    def broken(fh):
        fh.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_whole(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cache.pkl"]


def test_the_file_is_readable_by_other_users(tmp_path):
    target = tmp_path / "vectors.npz"
    write_whole(target, lambda fh: fh.write(b"x"))
    assert target.stat().st_mode & 0o777 == 0o644  # mkstemp alone would leave 0600


def test_concurrent_writers_each_leave_a_whole_file(tmp_path):
    """Two processes building the same snapshot at once used to share one '.tmp' name, so
    their bytes could interleave; each writer now has a temporary file of its own."""
    target = tmp_path / "snapshot.pkl"
    payloads = [bytes([i]) * 200_000 for i in range(8)]
    start = threading.Barrier(len(payloads))

    def write(payload: bytes) -> None:
        def chunks(fh):
            start.wait()
            for pos in range(0, len(payload), 4096):
                fh.write(payload[pos : pos + 4096])

        write_whole(target, chunks)

    threads = [threading.Thread(target=write, args=(p,)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["snapshot.pkl"]
