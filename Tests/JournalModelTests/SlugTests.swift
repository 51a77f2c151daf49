import JournalModel
import Testing

@Test(
    "slugs",
    arguments: [
        ("Single-leg Romanian Deadlift", "single-leg-romanian-deadlift"),
        ("Bench Press (Barbell)", "bench-press-barbell"),
        ("  --Hello__World--  ", "hello-world"),
        ("Crème Brûlée", "creme-brulee"),
        ("Straße", "strasse"),
        ("Łódź Ćwiczenie", "lodz-cwiczenie"),
        ("Ærø Œuvre", "aero-oeuvre"),
        ("Cafe\u{301}", "cafe"),
        ("Farmer's Walk", "farmers-walk"),
        ("Farmer’s Walk", "farmers-walk"),
        ("Pull-Up 2", "pull-up-2"),
        ("A+B/C", "a-b-c"),
        ("Şınav Çekme", "sinav-cekme"),
        ("Жим лёжа", "жим-лёжа"),
        ("!!!", ""),
        ("", ""),
    ])
func slugs(_ name: String, _ slug: String) {
    #expect(Slug.make(name) == slug)
}

@Test("a slug is its own slug; ids are checked by that", arguments: ["bird-dog", "a", "x-1-y"])
func validIDs(_ id: String) {
    #expect(Slug.make(id) == id)
    #expect(Slug.isValidID(id))
}

@Test(
    "non-slugs are not ids",
    arguments: ["", "Bird-dog", "bird dog", "-bird", "bird-", "bird--dog", "é"])
func invalidIDs(_ id: String) {
    #expect(!Slug.isValidID(id))
}
