// swift-tools-version:6.1
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // Release builds import the static Swift libraries, whose autolink entries name what a
    // static link needs (the executable links them: see LimberCLI's linker settings).
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
    // Generic types are instantiated by calling their metadata accessors with the conformances
    // the compiler knows, not from mangled names, for which the runtime looks each conformance
    // up again: a scan of all ~5,600 conformance records of the static binary per new
    // (type, protocol) pair. A warm `list` went from 25.2 to 21.1 M instructions
    // (docs/PERFORMANCE.md).
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let package = Package(
    name: "Limber",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "limber", targets: ["LimberCLI"]),
        .library(name: "Limber", targets: ["Limber"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "JournalModel", swiftSettings: strictness),
        .target(
            name: "EventLog",
            dependencies: [
                "JournalModel", "CZlib",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        .target(name: "Stats", dependencies: ["JournalModel"], swiftSettings: strictness),
        .target(name: "Reconcile", dependencies: ["JournalModel", "EventLog"], swiftSettings: strictness),
        .target(
            name: "Interchange", dependencies: ["JournalModel", "EventLog", "Reconcile"],
            swiftSettings: strictness),
        .target(
            name: "Backup",
            dependencies: [
                "JournalModel", "EventLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictness),
        .target(
            name: "Limber",
            dependencies: ["JournalModel", "EventLog", "Reconcile", "Interchange", "Backup", "Stats"],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "LimberCLI",
            dependencies: [
                "Limber",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness,
            // A release binary is one static executable (the Swift libraries, libc, libstdc++
            // and zlib inside): nothing is loaded or relocated from shared objects at start,
            // which was half of `limber --version` (docs/PERFORMANCE.md), and it runs on a
            // machine without a Swift toolchain. limber calls nothing that needs glibc's
            // shared NSS modules at run time (no user, group or host name lookups).
            linkerSettings: [
                .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "LimberFuzz",
            dependencies: ["JournalModel", "EventLog", "Reconcile", "Interchange", "Backup", "Stats", "LimberTestSupport"],
            swiftSettings: strictness,
            // Its libraries are built against the static Swift libraries in release (above).
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Helpers the test targets share (a seeded random generator); not part of the product.
        .target(name: "LimberTestSupport", path: "Tests/LimberTestSupport", swiftSettings: strictness),
        .testTarget(name: "JournalModelTests", dependencies: ["JournalModel"], swiftSettings: strictness),
        .testTarget(name: "StatsTests", dependencies: ["Stats"], swiftSettings: strictness),
        .testTarget(
            name: "EventLogTests", dependencies: ["EventLog", "LimberTestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "ReconcileTests", dependencies: ["Reconcile", "LimberTestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "InterchangeTests", dependencies: ["Interchange", "LimberTestSupport"],
            swiftSettings: strictness),
        .testTarget(
            name: "BackupTests", dependencies: ["Backup", "LimberTestSupport"], swiftSettings: strictness),
        .testTarget(
            name: "LimberTests", dependencies: ["Limber", "LimberTestSupport"], swiftSettings: strictness),
        .testTarget(name: "LimberCLITests", dependencies: ["LimberCLI"], swiftSettings: strictness),
        .testTarget(name: "LimberFuzzTests", dependencies: ["LimberFuzz"], swiftSettings: strictness),
    ]
)
