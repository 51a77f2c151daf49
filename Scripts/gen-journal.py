#!/usr/bin/env python3
"""Writes a large limber journal for benchmarks, independently of the Swift code.

It follows DESIGN §2–§4 byte for byte (gzip members with the LB subfield, seq, hlc, prev
chain), so it doubles as a second implementation of the format: if limber can read and
verify what this writes, the format is what the design says.

usage: gen-journal.py DIR SESSIONS [--devices N] [--per-member N] [--seed N]
                     [--extend] [--amend-from JOURNAL --amend-every N]
  --extend        add new device(s) to an existing journal (limber.json is kept)
  --amend-from    after its sessions, the new device amends every Nth session logged in
                  JOURNAL's segments (pain after), naming that session's creation as parent:
                  two devices doing this to the same journal make concurrent edits
"""
import argparse, hashlib, json, os, random, struct, time, uuid, zlib

EXERCISES = [("single-leg-romanian-deadlift", True), ("rockback", False), ("bird-dog", True),
             ("diagonal-chop", True), ("sciatic-nerve-glide", False), ("bench-press", False),
             ("squat", False), ("plank", False)]


def member(payload: bytes, first_seq: int, count: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = compressor.compress(payload) + compressor.flush()
    header_len = 10 + 2 + 20
    size = header_len + len(body) + 8
    extra = b"LB" + struct.pack("<H", 16) + struct.pack("<IQI", size, first_seq, count)
    header = b"\x1f\x8b\x08\x04" + b"\x00\x00\x00\x00" + b"\x00\xff" + struct.pack("<H", len(extra)) + extra
    trailer = struct.pack("<II", zlib.crc32(payload) & 0xFFFFFFFF, len(payload) & 0xFFFFFFFF)
    return header + body + trailer


def session(rng: random.Random, start_epoch: int) -> dict:
    entries = []
    for name, sided in rng.sample(EXERCISES, rng.randint(1, 4)):
        sets = []
        for _ in range(rng.randint(1, 4)):
            weighted = name in ("bench-press", "squat", "single-leg-romanian-deadlift")
            sets.append({"kind": "normal", "reps": rng.randint(5, 12),
                         "weight": {"value": rng.choice([5, 7.5, 10, 20, 60]), "unit": "kg"} if weighted else None,
                         "durationSeconds": None, "distanceMeters": None, "rpe": None,
                         "stoppedForPain": rng.random() < 0.03})
        entries.append({"exercise": name, "side": rng.choice(["left", "right"]) if sided else None,
                        "notes": None, "sets": sets})
    offset = 3600
    local = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(start_epoch + offset)) + "+01:00"
    return {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "start": local,
            "durationSeconds": rng.choice([None, 1200, 1500, 1800]), "routine": None,
            "painBefore": rng.randint(0, 8), "painAfter": rng.randint(0, 6),
            "notes": rng.choice([None, "felt ok", "left leg tight after the glide"]), "entries": entries}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("sessions", type=int)
    parser.add_argument("--devices", type=int, default=1)
    parser.add_argument("--per-member", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extend", action="store_true")
    parser.add_argument("--amend-from")
    parser.add_argument("--amend-every", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = args.dir
    os.makedirs(os.path.join(root, "devices"), mode=0o700, exist_ok=True)
    os.makedirs(os.path.join(root, "local"), mode=0o700, exist_ok=True)
    if not (args.extend and os.path.exists(os.path.join(root, "limber.json"))):
        with open(os.path.join(root, "limber.json"), "w") as f:
            json.dump({"format": 1, "journal": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                       "created": "2020-01-01T00:00:00Z"}, f)
    targets = []
    if args.amend_from:
        import glob, gzip
        for path in sorted(glob.glob(os.path.join(args.amend_from, "devices", "*", "*.jsonl.gz"))):
            with gzip.open(path, "rt") as f:
                for line in f:
                    event = json.loads(line)
                    if event["type"] == "session.logged":
                        targets.append((event["entity"], event["id"]))
        targets = targets[::args.amend_every]
    devices = ["%016x" % rng.getrandbits(64) for _ in range(args.devices)]
    state = {d: {"seq": 0, "prev": "0" * 64, "segment": None, "size": 0, "pending": []} for d in devices}
    base_ms = 1_600_000_000_000
    start = 1_600_000_000

    def flush(device: str) -> None:
        st = state[device]
        if not st["pending"]:
            return
        first = st["seq"] - len(st["pending"]) + 1
        data = member(b"".join(line + b"\n" for line in st["pending"]), first, len(st["pending"]))
        if st["segment"] is None or st["size"] >= 4 << 20:
            st["segment"] = os.path.join(root, "devices", device, "%016d.jsonl.gz" % first)
            st["size"] = 0
        with open(st["segment"], "ab") as f:
            f.write(data)
        st["size"] += len(data)
        st["pending"] = []

    for device in devices:
        os.makedirs(os.path.join(root, "devices", device), mode=0o700, exist_ok=True)
    for index in range(args.sessions):
        device = devices[index % len(devices)]
        st = state[device]
        st["seq"] += 1
        s = session(rng, start + index * 3600 * 7)
        event = {"v": 1, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "dev": device,
                 "seq": st["seq"], "hlc": "%016d-%04d" % (base_ms + index * 1000, 0), "prev": st["prev"],
                 "type": "session.logged", "entity": s["id"], "parents": [], "body": s}
        line = json.dumps(event, sort_keys=True, separators=(",", ":")).encode()
        st["prev"] = hashlib.sha256(line).hexdigest()
        st["pending"].append(line)
        if len(st["pending"]) >= args.per_member:
            flush(device)
    for index, (entity, logged_id) in enumerate(targets):
        device = devices[index % len(devices)]
        st = state[device]
        st["seq"] += 1
        event = {"v": 1, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "dev": device,
                 "seq": st["seq"], "hlc": "%016d-%04d" % (base_ms + (args.sessions + index) * 1000, 0),
                 "prev": st["prev"], "type": "session.amended", "entity": entity,
                 "parents": [logged_id], "body": {"changes": {"painAfter": rng.randint(0, 10)}}}
        line = json.dumps(event, sort_keys=True, separators=(",", ":")).encode()
        st["prev"] = hashlib.sha256(line).hexdigest()
        st["pending"].append(line)
        if len(st["pending"]) >= args.per_member:
            flush(device)
    for device in devices:
        flush(device)


if __name__ == "__main__":
    main()
