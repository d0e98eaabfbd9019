// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "rackwatch",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "rackwatch", targets: ["rackwatch"]),
    .executable(name: "rackwatch-bench", targets: ["rackwatch-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    .target(
      name: "CNcurses",
      cSettings: [
        .define("_XOPEN_SOURCE_EXTENDED", to: "1"), .define("NCURSES_WIDECHAR", to: "1"),
      ],
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    /// Heap statistics for the benchmark's memory figures (glibc `mallinfo2`).
    .target(name: "CHeapStats"),
    .target(
      name: "CloudClient",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .target(
      name: "CloudSimulator",
      dependencies: [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    .target(name: "BrowserModel", dependencies: ["CloudClient", "CHeapStats"]),
    .target(name: "TerminalUI", dependencies: ["BrowserModel", "Yams"]),
    .target(name: "NcursesTerminal", dependencies: ["CNcurses", "TerminalUI"]),
    .executableTarget(
      name: "rackwatch",
      dependencies: [
        "CloudClient", "CloudSimulator", "BrowserModel", "TerminalUI", "NcursesTerminal", "Yams",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "rackwatch-bench",
      dependencies: ["CloudClient", "CloudSimulator", "BrowserModel", "TerminalUI", "CHeapStats"]
    ),
    /// A malicious cloud for the tests (raw sockets: it drips, never ends, lies).
    .target(name: "HostileCloud", path: "Tests/HostileCloud"),
    .testTarget(name: "CloudSimulatorTests", dependencies: ["CloudSimulator"]),
    .testTarget(
      name: "CloudClientTests",
      dependencies: [
        "CloudClient", "CloudSimulator", "HostileCloud",
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .testTarget(
      name: "BrowserModelTests",
      dependencies: [
        "BrowserModel", .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(
      name: "RackwatchTests", dependencies: ["rackwatch", "CloudSimulator", "HostileCloud"]),
  ],
  swiftLanguageModes: [.v6]
)
