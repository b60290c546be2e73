// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BriefingModel", targets: ["BriefingModel"]),
        .library(name: "BriefingTUI", targets: ["BriefingTUI"]),
        .executable(name: "briefing", targets: ["briefing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "BriefingModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "BriefingTUI",
            dependencies: ["BriefingModel", "CNcursesw"]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingModel",
                "BriefingTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BriefingModelTests", dependencies: ["BriefingModel"]),
        .testTarget(name: "BriefingTUITests", dependencies: ["BriefingTUI", "BriefingModel"]),
    ],
    swiftLanguageModes: [.v6]
)
