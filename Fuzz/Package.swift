// swift-tools-version:6.0
import PackageDescription

// libFuzzer target over loading plus the whole pipeline. Build and run with `./run.sh [SECONDS]`.
let package = Package(
    name: "BriefingFuzz",
    dependencies: [
        .package(name: "Briefing", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "BriefingFuzz",
            dependencies: [.product(name: "BriefingModel", package: "Briefing")]
        )
    ],
    swiftLanguageModes: [.v6]
)
