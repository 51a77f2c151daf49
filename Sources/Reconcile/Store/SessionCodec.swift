import JournalModel

/// The compact binary form of a folded session, as the session store keeps it in
/// `local/cache/snapshot` (see ``SnapshotLayout``): about a tenth of the session's JSON, read
/// without a parser of text.
///
/// ```
/// session := zigzag start, zigzag utc offset, u8 flags, [varint duration], [text routine],
///            [u8 pain before], [u8 pain after], [text notes], [symptoms before],
///            [symptoms after], varint entry count, entry…
///            flags: 1 duration, 2 routine, 4 pain before, 8 pain after, 16 notes,
///            32 symptoms before, 64 symptoms after
/// symptoms := u8 flags, [u8 back], [u8 left leg], [u8 right leg], [u8 left reach],
///            [u8 right reach], u8 legs (numbness bits 0–1, tingling 2–3, weakness 4–5;
///            left 1, right 2 in each pair)
///            flags: 1 back, 2 left leg, 4 right leg, 8 left reach, 16 right reach
/// entry   := text exercise, u8 flags, [text notes], varint set count, set…
///            flags: side in bits 0–1 (0 none, 1 left, 2 right, 3 both), 4 notes, 8 prescribed
/// set     := u8 flags, [varint reps], [u8 unit (0 kg, 1 lb), f64 weight], [f64 duration],
///            [f64 distance], [f64 rpe]
///            flags: kind in bits 0–1 (normal, warmup, drop, failure), 4 reps, 8 weight,
///            16 duration, 32 distance, 64 rpe, 128 stopped for pain
/// text    := varint byte count, UTF-8
/// ```
/// Integers are LEB128 varints, doubles little-endian IEEE 754. The id is not stored: it is
/// the chronological index's.
///
/// The bytes come from a cache another program could have written, so ``decode(_:id:)``
/// checks every count against the bytes left, holds the session to ``isEncodable(_:)``, and
/// refuses unknown flags and overlong numbers, so that what decodes encodes back to the same
/// bytes; it never traps.
package enum SessionCodec {
    /// The earliest and latest start the codec accepts: years 1 to 9999, what RFC 3339 text
    /// can say (a start outside would trap calendar arithmetic).
    static let startRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
    /// The largest UTC offset accepted, in seconds (±23:59, what RFC 3339 can write).
    static let offsetLimit = Int64(LocalTimestamp.maximumOffsetSeconds)

    /// Appends the compact form of `session` (without its id) to `out`; ``decode(_:id:)``
    /// gives it back only when ``isEncodable(_:)``.
    package static func encode(_ session: Session, into out: inout [UInt8]) {
        zigzag(session.start.epochSeconds, &out)
        zigzag(Int64(session.start.utcOffsetSeconds), &out)
        var flags: UInt8 = 0
        if session.durationSeconds != nil { flags |= 1 }
        if session.routine != nil { flags |= 2 }
        if session.painBefore != nil { flags |= 4 }
        if session.painAfter != nil { flags |= 8 }
        if session.notes != nil { flags |= 16 }
        if session.symptomsBefore != nil { flags |= 32 }
        if session.symptomsAfter != nil { flags |= 64 }
        out.append(flags)
        if let duration = session.durationSeconds { varint(UInt64(max(0, duration)), &out) }
        if let routine = session.routine { text(routine, &out) }
        if let pain = session.painBefore { out.append(UInt8(clamping: pain.rawValue)) }
        if let pain = session.painAfter { out.append(UInt8(clamping: pain.rawValue)) }
        if let notes = session.notes { text(notes, &out) }
        if let symptoms = session.symptomsBefore { encode(symptoms, &out) }
        if let symptoms = session.symptomsAfter { encode(symptoms, &out) }
        varint(UInt64(session.entries.count), &out)
        for entry in session.entries {
            text(entry.exercise, &out)
            var entryFlags: UInt8 =
                switch entry.side {
                case nil: 0
                case .left: 1
                case .right: 2
                case .both: 3
                }
            if entry.notes != nil { entryFlags |= 4 }
            if entry.prescribed { entryFlags |= 8 }
            out.append(entryFlags)
            if let notes = entry.notes { text(notes, &out) }
            varint(UInt64(entry.sets.count), &out)
            for set in entry.sets { encode(set, &out) }
        }
    }

    private static func encode(_ symptoms: Symptoms, _ out: inout [UInt8]) {
        var flags: UInt8 = 0
        if symptoms.back != nil { flags |= 1 }
        if symptoms.legLeft != nil { flags |= 2 }
        if symptoms.legRight != nil { flags |= 4 }
        if symptoms.reachLeft != nil { flags |= 8 }
        if symptoms.reachRight != nil { flags |= 16 }
        out.append(flags)
        for pain in [symptoms.back, symptoms.legLeft, symptoms.legRight] {
            if let pain { out.append(UInt8(clamping: pain.rawValue)) }
        }
        for reach in [symptoms.reachLeft, symptoms.reachRight] {
            if let reach { out.append(UInt8(reach.depth)) }
        }
        out.append(
            symptoms.numbness.rawValue | symptoms.tingling.rawValue << 2
                | symptoms.weakness.rawValue << 4)
    }

    private static func encode(_ set: ExerciseSet, _ out: inout [UInt8]) {
        var flags: UInt8 =
            switch set.kind {
            case .normal: 0
            case .warmup: 1
            case .drop: 2
            case .failure: 3
            }
        if set.reps != nil { flags |= 4 }
        if set.weight != nil { flags |= 8 }
        if set.durationSeconds != nil { flags |= 16 }
        if set.distanceMeters != nil { flags |= 32 }
        if set.rpe != nil { flags |= 64 }
        if set.stoppedForPain { flags |= 128 }
        out.append(flags)
        if let reps = set.reps { varint(UInt64(max(0, reps)), &out) }
        if let weight = set.weight {
            out.append(weight.unit == .kg ? 0 : 1)
            double(weight.value, &out)
        }
        if let duration = set.durationSeconds { double(duration, &out) }
        if let distance = set.distanceMeters { double(distance, &out) }
        if let rpe = set.rpe { double(rpe, &out) }
    }

    /// The bytes were not a valid compact session.
    package struct Malformed: Error {}

    /// Decodes the compact form of the session `id`, which must fill `bytes` exactly.
    ///
    /// - Throws: ``Malformed`` for anything but a valid session.
    package static func decode(_ bytes: UnsafeRawBufferPointer, id: String) throws(Malformed)
        -> Session
    {
        var reader = Reader(bytes)
        let start = try reader.zigzag()
        let offset = try reader.zigzag()
        // Only what LocalTimestamp keeps as given: whole minutes within ±23:59.
        guard startRange.contains(start), abs(offset) <= offsetLimit, offset % 60 == 0 else {
            throw Malformed()
        }
        let flags = try reader.byte()
        guard flags & ~127 == 0 else { throw Malformed() }
        let duration = flags & 1 != 0 ? try reader.count(limit: Int(Int32.max)) : nil
        let routine = flags & 2 != 0 ? try reader.text() : nil
        let painBefore = flags & 4 != 0 ? try reader.pain() : nil
        let painAfter = flags & 8 != 0 ? try reader.pain() : nil
        let notes = flags & 16 != 0 ? try reader.text() : nil
        let symptomsBefore = flags & 32 != 0 ? try reader.symptoms() : nil
        let symptomsAfter = flags & 64 != 0 ? try reader.symptoms() : nil
        let entryCount = try reader.count(limit: reader.remaining / 3)
        var entries: [Entry] = []
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let exercise = try reader.text()
            let entryFlags = try reader.byte()
            guard entryFlags & ~15 == 0 else { throw Malformed() }
            let side: Side? =
                switch entryFlags & 3 {
                case 1: .left
                case 2: .right
                case 3: .both
                default: nil
                }
            let entryNotes = entryFlags & 4 != 0 ? try reader.text() : nil
            let setCount = try reader.count(limit: reader.remaining)
            var sets: [ExerciseSet] = []
            sets.reserveCapacity(setCount)
            for _ in 0..<setCount { sets.append(try reader.set()) }
            entries.append(
                Entry(
                    exercise: exercise, side: side, notes: entryNotes, sets: sets,
                    prescribed: entryFlags & 8 != 0))
        }
        guard reader.remaining == 0 else { throw Malformed() }
        let session = Session(
            id: id,
            start: LocalTimestamp(epochSeconds: start, utcOffsetSeconds: Int32(offset)),
            durationSeconds: duration, routine: routine, painBefore: painBefore,
            painAfter: painAfter, notes: notes, entries: entries, symptomsBefore: symptomsBefore,
            symptomsAfter: symptomsAfter)
        guard isEncodable(session) else { throw Malformed() }
        return session
    }

    /// Whether `session` is one the codec stores: a valid session (``Session/validate()``)
    /// starting in ``startRange``. The fold keeps whatever another device wrote; a session
    /// outside this is stored without its folded form and read from its events instead.
    package static func isEncodable(_ session: Session) -> Bool {
        guard startRange.contains(session.start.epochSeconds) else { return false }
        do { try session.validate() } catch { return false }
        return true
    }

    // MARK: - Writing values

    private static func varint(_ value: UInt64, _ out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    private static func zigzag(_ value: Int64, _ out: inout [UInt8]) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), &out)
    }

    private static func text(_ value: String, _ out: inout [UInt8]) {
        varint(UInt64(value.utf8.count), &out)
        out.append(contentsOf: value.utf8)
    }

    private static func double(_ value: Double, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    // MARK: - Reading values

    /// Reads values off the bytes, every read checked against what is left.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var remaining: Int { bytes.count - index }

        mutating func byte() throws(Malformed) -> UInt8 {
            guard index < bytes.count else { throw Malformed() }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func varint() throws(Malformed) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                // The tenth byte may hold only the top bit; a last byte of 0 after others is
                // an overlong form (one value, one encoding).
                guard shift < 63 || byte <= 1, byte != 0 || shift == 0 else { throw Malformed() }
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }

        mutating func zigzag() throws(Malformed) -> Int64 {
            let raw = try varint()
            return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        }

        /// A varint no larger than `limit`.
        mutating func count(limit: Int) throws(Malformed) -> Int {
            let value = try varint()
            guard value <= UInt64(max(0, limit)) else { throw Malformed() }
            return Int(value)
        }

        mutating func text() throws(Malformed) -> String {
            let count = try count(limit: Int.max)
            // Checked after the length is read: the bytes left are those after it.
            guard count <= remaining else { throw Malformed() }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])
            index += count
            guard let value = String(validating: slice, as: UTF8.self) else { throw Malformed() }
            return value
        }

        mutating func pain() throws(Malformed) -> PainScore {
            guard let pain = PainScore(rawValue: Int(try byte())) else { throw Malformed() }
            return pain
        }

        mutating func reach() throws(Malformed) -> PainReach {
            let depth = Int(try byte())
            guard depth < PainReach.allCases.count else { throw Malformed() }
            return PainReach.allCases[depth]
        }

        mutating func symptoms() throws(Malformed) -> Symptoms {
            let flags = try byte()
            guard flags & ~31 == 0 else { throw Malformed() }
            var symptoms = Symptoms()
            if flags & 1 != 0 { symptoms.back = try pain() }
            if flags & 2 != 0 { symptoms.legLeft = try pain() }
            if flags & 4 != 0 { symptoms.legRight = try pain() }
            if flags & 8 != 0 { symptoms.reachLeft = try reach() }
            if flags & 16 != 0 { symptoms.reachRight = try reach() }
            let legs = try byte()
            guard legs & ~63 == 0 else { throw Malformed() }
            symptoms.numbness = Legs(rawValue: legs & 3)
            symptoms.tingling = Legs(rawValue: legs >> 2 & 3)
            symptoms.weakness = Legs(rawValue: legs >> 4 & 3)
            return symptoms
        }

        mutating func double() throws(Malformed) -> Double {
            guard remaining >= 8 else { throw Malformed() }
            defer { index += 8 }
            return Double(
                bitPattern: UInt64(
                    littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        }

        mutating func set() throws(Malformed) -> ExerciseSet {
            let flags = try byte()
            let kind: SetKind =
                switch flags & 3 {
                case 1: .warmup
                case 2: .drop
                case 3: .failure
                default: .normal
                }
            let reps = flags & 4 != 0 ? try count(limit: InputLimits.storedReps) : nil
            var weight: Weight?
            if flags & 8 != 0 {
                let unit = try byte()
                guard unit <= 1 else { throw Malformed() }
                weight = Weight(value: try double(), unit: unit == 0 ? .kg : .lb)
            }
            let duration = flags & 16 != 0 ? try double() : nil
            let distance = flags & 32 != 0 ? try double() : nil
            let rpe = flags & 64 != 0 ? try double() : nil
            return ExerciseSet(
                kind: kind, reps: reps, weight: weight, durationSeconds: duration,
                distanceMeters: distance, rpe: rpe, stoppedForPain: flags & 128 != 0)
        }
    }
}
