/// Turns names into ids: `"Bench Press (Barbell)"` → `bench-press-barbell`.
public enum Slug {
    /// Makes the slug of `name`.
    ///
    /// Lowercases; folds accented Latin letters to ASCII by a fixed table (`é` → `e`,
    /// `ß` → `ss`, `ł` → `l`; combining accents are dropped), without ICU; drops apostrophes
    /// (`Farmer's walk` → `farmers-walk`); turns every run of other non-alphanumerics into one
    /// `-` and trims `-` at both ends. Letters of other scripts are kept, lowercased. The result
    /// is empty when `name` has no letters or digits.
    public static func make(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        func emit(_ scalars: String) {
            if pendingDash, !out.isEmpty { out.append("-") }
            pendingDash = false
            out.append(contentsOf: scalars.unicodeScalars)
        }
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                emit(String(scalar))
            } else if (0x41...0x5A).contains(value) {
                emit(String(Unicode.Scalar(UInt8(value + 0x20))))
            } else if value == 0x27 || value == 0x2019 || value == 0x2BC {
                continue  // apostrophes join: farmer's → farmers
            } else if (0x300...0x36F).contains(value) {
                continue  // combining accents of a decomposed letter
            } else if value < 0x80 {
                pendingDash = true
            } else if let folded = fold(scalar) {
                emit(folded)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                emit(scalar.properties.lowercaseMapping)
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }

    /// Whether `id` is a well-formed id: non-empty and its own slug.
    public static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty else { return false }
        // The common case, checked without building the slug: lowercase ASCII letters and
        // digits in runs joined by single dashes.
        var ascii = true
        var previousDash = true  // a leading dash is not a slug
        var valid = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousDash = false
            case UInt8(ascii: "-"):
                if previousDash { valid = false }
                previousDash = true
            default:
                if byte >= 0x80 { ascii = false } else { valid = false }
            }
            if !valid { return false }
        }
        if ascii { return !previousDash }
        return make(id) == id
    }

    /// Folds a Latin letter with diacritics to ASCII (lowercase), `nil` when not in the table.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        if let folded = latin1[scalar.value] { return folded }
        if let folded = latinExtended[scalar.value] { return folded }
        return nil
    }

    private static let latin1: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        func add(_ letters: String, _ ascii: String) {
            for scalar in letters.unicodeScalars { table[scalar.value] = ascii }
        }
        add("ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎȦȧ", "a")
        add("ÆæǼǽ", "ae")
        add("ÇçĆćĈĉĊċČč", "c")
        add("ÐðĎďĐđ", "d")
        add("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e")
        add("ĜĝĞğĠġĢģ", "g")
        add("ĤĥĦħ", "h")
        add("ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐ", "i")
        add("Ĳĳ", "ij")
        add("Ĵĵ", "j")
        add("Ķķĸ", "k")
        add("ĹĺĻļĽľĿŀŁł", "l")
        add("ÑñŃńŅņŇňŉŊŋ", "n")
        add("ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒ", "o")
        add("Œœ", "oe")
        add("ŔŕŖŗŘř", "r")
        add("ŚśŜŝŞşŠšȘș", "s")
        add("ß", "ss")
        add("ŢţŤťŦŧȚț", "t")
        add("Þþ", "th")
        add("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔ", "u")
        add("Ŵŵ", "w")
        add("ÝýÿŶŷŸ", "y")
        add("ŹźŻżŽž", "z")
        return table
    }()

    private static let latinExtended: [UInt32: String] = [
        0x1E9E: "ss",  // ẞ
        0x0192: "f",  // ƒ
        0x01B0: "u", 0x01AF: "u",  // ư Ư
        0x01A1: "o", 0x01A0: "o",  // ơ Ơ
    ]
}
