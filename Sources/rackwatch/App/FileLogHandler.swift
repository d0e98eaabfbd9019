import CloudClient
import Foundation
import Logging

/// A swift-log handler that appends lines to a file (never to the terminal, which belongs to
/// the UI) and blanks any known secret value that slips into a message.
struct FileLogHandler: LogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]
  private let label: String
  private let sink: LogSink

  init(label: String, level: Logger.Level, sink: LogSink) {
    self.label = label
    self.logLevel = level
    self.sink = sink
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var merged = metadata
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    let meta =
      merged.isEmpty
      ? ""
      : " "
        + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    // A message may quote the server: made inert, so `tail -f` on the log is safe.
    let text = TerminalSafe.sanitize("\(event.message)\(meta)")
    sink.write("\(Timestamp.iso8601(Date())) \(event.level) \(label): \(text)\n")
  }
}

/// The open log file, shared by every logger; redacts registered secrets.
final class LogSink: @unchecked Sendable {
  private let lock = NSLock()
  private let handle: FileHandle?
  private var secrets: [String] = []

  init(path: String) {
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(
        atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    }
    handle = FileHandle(forWritingAtPath: path)
    _ = try? handle?.seekToEnd()
  }

  /// Values that must never reach the file, whoever logs them.
  func redact(_ secret: String) {
    guard secret.count >= 4 else { return }
    lock.withLock { secrets.append(secret) }
  }

  func write(_ line: String) {
    lock.withLock {
      var text = line
      for secret in secrets { text = text.replacingOccurrences(of: secret, with: "****") }
      handle?.write(Data(text.utf8))
    }
  }
}

/// Points swift-log at the log file once per process.
enum LogSetup {
  static func start(path: String, debug: Bool) -> LogSink {
    let sink = LogSink(path: path)
    LoggingSystem.bootstrap { label in
      FileLogHandler(label: label, level: debug ? .debug : .info, sink: sink)
    }
    return sink
  }
}
