import Foundation

/// Runs the built `rackwatch` binary (next to the test bundle in `.build/<config>/`) with a
/// private HOME so no real configuration on the machine can leak into a test.
struct BinaryRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The directory holding the test bundle, which also holds the built executables.
  static var buildDirectory: URL {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var dir = exe.deletingLastPathComponent()
    // On Linux the bundle is `rackwatchPackageTests.xctest` (a file); on macOS a directory.
    while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS"
      || dir.lastPathComponent == "Contents"
    {
      dir = dir.deletingLastPathComponent()
    }
    return dir
  }

  static var rackwatch: URL { buildDirectory.appendingPathComponent("rackwatch") }

  let home: String

  init() throws {
    home = NSTemporaryDirectory() + "rackwatch-home-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
  }

  func cleanUp() { try? FileManager.default.removeItem(atPath: home) }

  /// Runs the binary to completion with `arguments` and extra environment.
  ///
  /// The child is waited for on a plain thread, never on the cooperative pool: a test that
  /// blocked a pool thread could starve the in-process simulator the child is talking to.
  func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws
    -> Result
  {
    let home = self.home
    return try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        do {
          continuation.resume(returning: try Self.runBlocking(arguments, home: home, extra: extra))
        } catch {
          continuation.resume(throwing: error)
        }
      }
    }
  }

  private static func runBlocking(_ arguments: [String], home: String, extra: [String: String])
    throws -> Result
  {
    let process = Process()
    process.executableURL = Self.rackwatch
    process.arguments = arguments
    var env = ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    env.merge(extra) { _, new in new }
    process.environment = env
    process.currentDirectoryURL = URL(fileURLWithPath: home)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes at once so a large stdout cannot block the child.
    let outData = LockedData()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      outData.set(out.fileHandleForReading.readDataToEndOfFile())
      done.signal()
    }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ d: Data) { lock.withLock { data = d } }
  func get() -> Data { lock.withLock { data } }
}
