import Foundation
import Logging

/// Collects every log line (message and metadata) of one session, for assertions.
final class LogCapture: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }

  func append(_ line: String) {
    lock.lock()
    stored.append(line)
    lock.unlock()
  }

  /// Lines that start with `method` and contain `fragment`.
  func requests(_ method: String, _ fragment: String) -> [String] {
    lines.filter { $0.hasPrefix(method + " ") && $0.contains(fragment) }
  }

  /// A logger at trace level that writes here.
  var logger: Logger {
    var logger = Logger(label: "test.cloud") { _ in CaptureHandler(capture: self) }
    logger.logLevel = .trace
    return logger
  }

  struct CaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      var line = "\(event.message)"
      let all = metadata.merging(event.metadata ?? [:]) { $1 }
      if !all.isEmpty { line += " " + all.map { "\($0)=\($1)" }.sorted().joined(separator: " ") }
      capture.append(line)
    }
  }
}
