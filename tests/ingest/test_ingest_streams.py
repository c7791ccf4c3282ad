"""The shared stream helpers: a sniffed head put back, gzip member by member, one cut message."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest

from ceasefire.ingest.streams import GunzipMembers, Prepended, truncated_gzip

MEMBERS = [b"first member\n", b"second member " * 500, b"third\n"]
GZ = b"".join(gzip.compress(m) for m in MEMBERS)


@pytest.mark.parametrize(
    ("head", "rest", "sizes", "expected"),
    [
        (b"AB", b"CDEF", [1, 3, 10], [b"A", b"BCD", b"EF"]),
        (b"AB", b"CDEF", [-1], [b"ABCDEF"]),
        (b"", b"CDEF", [2, 2, 2], [b"CD", b"EF", b""]),
        (b"ABCD", b"", [2, 5], [b"AB", b"CD"]),
    ],
)
def test_prepended_reads(head, rest, sizes, expected):
    stream = Prepended(head, io.BytesIO(rest))
    assert [stream.read(n) for n in sizes] == expected
    assert stream.tell() == sum(map(len, expected))


def test_prepended_is_a_raw_stream_for_buffered_text():
    stream = io.TextIOWrapper(io.BufferedReader(Prepended(b"line one\nli", io.BytesIO(b"ne two\n"))))
    assert stream.read().splitlines() == ["line one", "line two"]


def test_prepended_leftover():
    stream = Prepended(b"0123", io.BytesIO(b"456789"), keep_tail=True)
    stream.read(10)
    assert stream.leftover(7) == b"789" and stream.leftover(10) == b""


WHOLE = b"".join(MEMBERS)


@pytest.mark.parametrize(
    ("data", "prefix", "cut"),
    [
        (GZ, WHOLE, False),
        (GZ + b"\x00" * 100, WHOLE, False),  # zero padding after the last member
        # a cut in the second member: the first whole, what was decompressed of the second, then the end
        (gzip.compress(MEMBERS[0]) + gzip.compress(MEMBERS[1])[:40], MEMBERS[0] + b"second", True),
        (gzip.compress(MEMBERS[0]) + b"\x1f", MEMBERS[0], True),  # cut inside the next member's header
        (gzip.compress(WHOLE)[:-3], WHOLE, True),  # one member cut in its trailer: all its data, then cut
    ],
)
def test_gunzip_members(data, prefix, cut):
    stream = GunzipMembers(io.BytesIO(data))
    out = b"".join(iter(lambda: stream.read(1000), b""))
    assert out.startswith(prefix) and WHOLE.startswith(out)
    assert (out == WHOLE) is (not cut or prefix == WHOLE)
    assert stream.cut is cut


def test_gunzip_members_rejects_trailing_garbage():
    stream = GunzipMembers(io.BytesIO(GZ + b"not gzip"))
    with pytest.raises(zlib.error):
        stream.read()


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ("", "truncated gzip (compressed data ends early)"),
        ("after row 3", "truncated gzip (compressed data ends early) after row 3"),
    ],
)
def test_truncated_gzip_message(after, expected):
    assert truncated_gzip(after) == expected
