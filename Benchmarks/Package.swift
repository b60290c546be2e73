// swift-tools-version:6.1
import Foundation
import PackageDescription

// The main package is a path dependency; SwiftPM names it after its folder (the checkout's name),
// so the identity is worked out here rather than spelled.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let mainIdentity = mainPackage.lastPathComponent.lowercased()

let package = Package(
    name: "BriefingBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "BriefingModel", package: mainIdentity),
                .product(name: "BriefingTUI", package: mainIdentity),
            ]
        ),
        .executableTarget(
            name: "generate-corpus",
            dependencies: [.product(name: "BriefingModel", package: mainIdentity)]
        ),
        .executableTarget(
            name: "BriefingBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "BriefingModel", package: mainIdentity),
                .product(name: "BriefingTUI", package: mainIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/BriefingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
