// swift-tools-version:6.0
import PackageDescription

// Layers (a target imports only layers below it):
// 4 insq (CLI) -> 3 InsqLineEditor -> 2 InsqShell -> 1 InsqQuery, InsqData -> 0 InsqSyntax, InsqStorage, CLibEdit, CMalloc
let package = Package(
    name: "insq",
    products: [
        .executable(name: "insq", targets: ["insq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "InsqSyntax"),
        .target(name: "InsqStorage"),
        .target(name: "InsqQuery", dependencies: ["InsqSyntax", "InsqStorage", "CMalloc"]),
        .target(name: "InsqData", dependencies: ["InsqStorage"], exclude: ["Snapshot/FORMAT.md"]),
        .target(name: "InsqShell", dependencies: ["InsqQuery", "InsqData", "InsqSyntax", "InsqStorage", "CMalloc"]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "InsqLineEditor", dependencies: ["CLibEdit", "InsqShell", "InsqQuery"]),
        .executableTarget(name: "insq", dependencies: [
            "InsqLineEditor", "InsqShell", "InsqData", "InsqStorage",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "InsqTestSupport", dependencies: ["InsqShell", "InsqQuery", "InsqData", "InsqStorage", "InsqSyntax"]),

        .testTarget(name: "InsqSyntaxTests", dependencies: ["InsqSyntax"]),
        .testTarget(name: "InsqStorageTests", dependencies: ["InsqStorage"]),
        .testTarget(name: "InsqDataTests", dependencies: ["InsqData", "InsqStorage"], exclude: ["Fixtures"]),
        .testTarget(name: "InsqQueryTests", dependencies: ["InsqQuery", "InsqSyntax", "InsqStorage"]),
        .testTarget(name: "InsqShellTests", dependencies: ["InsqShell", "InsqTestSupport", "InsqQuery", "InsqData", "InsqStorage", "InsqSyntax"]),
        .testTarget(name: "InsqQueryFileTests", dependencies: ["InsqTestSupport"]),
        .testTarget(name: "InsqSQLiteCheckTests", dependencies: ["InsqTestSupport"]),
        .testTarget(name: "InsqCLITests", dependencies: ["InsqTestSupport"]),
        .testTarget(name: "InsqRandomQueryTests", dependencies: ["InsqTestSupport", "InsqQuery", "InsqStorage"]),
        .testTarget(name: "InsqTPCHTests", dependencies: ["InsqTestSupport", "InsqStorage"]),
    ]
)

// Micro-benchmarks of the query kernels (Benchmarks/micro sets INSQ_MICRO=1). Declared only on request, so that
// `swift build` and `swift build --build-tests` neither compile nor link them.
if Context.environment["INSQ_MICRO"] != nil {
    package.targets.append(.executableTarget(name: "insq-micro", dependencies: ["InsqQuery", "InsqData", "InsqStorage"],
                                             path: "Benchmarks/Micro"))
}
