#!/usr/bin/env python3
"""Makes the seeds of the `merge` fuzz target (format: Sources/LimberFuzz/MergeInput.swift).

usage: make-seeds.py SEGMENT_A SEGMENT_B OUT_FOLDER

SEGMENT_A and SEGMENT_B are two devices' segments made by the CLI (the seeds were made from
Fixtures/fuzz/snapshot-load/.journal/devices/*/0000000000000001.jsonl.gz: A d7ac…, 5 members;
B e8b1…, 4 members). Only packing happens here; every member's bytes are the CLI's.
"""
import sys
import zlib

SEP = b"\n--8<--\n"


def members(segment):
    """The byte ranges of the gzip members of a segment."""
    ranges, offset = [], 0
    while offset < len(segment):
        inflater = zlib.decompressobj(31)
        inflater.decompress(segment[offset:])
        end = len(segment) - len(inflater.unused_data)
        ranges.append((offset, end))
        offset = end
    return ranges


def lines(segment, start, end):
    return zlib.decompressobj(31).decompress(segment[start:end])


def text(segment):
    """The segment as a text body: one member per group of lines, blank-line separated."""
    return b"\n".join(lines(segment, s, e) for s, e in members(segment))


def seed(options, prefix, *parts):
    return bytes([options, prefix]) + SEP.join(bytes([h]) + body for h, body in parts)


def main():
    a, b = (open(path, "rb").read() for path in sys.argv[1:3])
    out = sys.argv[3]
    ma = members(a)
    a2 = a[: ma[1][1]]  # device A's first two members
    seeds = {
        # The target has 2 of A's 5 members; the source A and B whole.
        "cli-two-devices.bin": seed(0, 0x20, (0, a), (1, b)),
        # A torn tail: 1 member and 48 bytes of the next; replacingFiles.
        "cli-torn-tail-replacing.bin": seed(4, 0x13, (0, a)),
        # A is our own device: the source has events of ours we never wrote.
        "cli-own-device-fork.bin": seed(1, 0x20, (0, a), (1, b)),
        # The source has A's first 2 members, the target those and a conflict copy of all 5.
        "cli-conflict-copy.bin": seed(0, 0x20, (0, a2), (2, a)),
        # A as text (compressed by the target, prev chain rewritten), B raw.
        "text-two-devices.bin": seed(0, 0x10, (4 | 8, text(a)), (1, b)),
        # A's segment, and a link named 0000000000000002.jsonl.gz to it.
        "cli-link.bin": seed(0, 0x00, (0, a), (3 | 16 | (1 << 5), b"")),
        # A split in two segments: members 1-2 in 1, 3-5 in a file named for seq 3.
        "cli-two-segments.bin": seed(0, 0x10, (0, a2), (0, a[ma[1][1]:])),
    }
    for name, data in seeds.items():
        with open(f"{out}/{name}", "wb") as f:
            f.write(data)
        print(name, len(data))


main()
