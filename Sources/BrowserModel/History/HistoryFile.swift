import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// How much history a profile keeps.
public struct HistoryLimits: Sendable, Hashable {
  /// A file grows to this many bytes, then becomes the previous generation (`.1`); so the
  /// history never takes more than twice this on disk.
  public var maxBytes: Int
  /// Events older than this are not read back, and a file whose first event is older is
  /// rotated.
  public var maxAge: TimeInterval

  public init(maxBytes: Int = 1_000_000, maxAge: TimeInterval = 30 * 86_400) {
    self.maxBytes = maxBytes
    self.maxAge = maxAge
  }
}

/// The event history of one profile on disk: JSON lines, append-only, in the state directory
/// (`<dir>/history/<profile>.jsonl`, the previous generation `<profile>.1.jsonl`).
///
/// Why this shape: each batch is one `write(2)` of whole lines to a file opened `O_APPEND`,
/// then `fsync`, so a crash or kill can at worst leave the last line torn. The reader skips
/// a line it cannot decode, and the writer starts a new line when the file does not end with
/// one, so a torn line never glues itself to the next event. Nothing is ever rewritten in
/// place: rotation is a `rename`.
///
/// Writes run on the file's own serial queue (`append`), never on the store's actor or the
/// terminal thread.
public final class HistoryFile: Sendable {
  public let current: URL
  public let previous: URL
  public let limits: HistoryLimits
  private let queue: DispatchQueue
  /// The time of the first event in `current`, when known (for rotation by age).
  private let firstAt = Mutex<Date?>(nil)
  private let failed = Mutex<String?>(nil)

  /// The history of `profile` under `directory` (the rackwatch state directory).
  public init(directory: URL, profile: String, limits: HistoryLimits = HistoryLimits()) {
    let folder = directory.appendingPathComponent("history", isDirectory: true)
    let name = Self.fileName(profile)
    current = folder.appendingPathComponent(name + ".jsonl")
    previous = folder.appendingPathComponent(name + ".1.jsonl")
    self.limits = limits
    queue = DispatchQueue(label: "rackwatch.history")
  }

  /// A profile name made safe as a file name: letters, digits, `.`, `_`, `-`; anything else
  /// becomes `_` (a profile called `../x` stays inside the folder).
  static func fileName(_ profile: String) -> String {
    let safe = profile.unicodeScalars.map { scalar -> Character in
      scalar.isASCII
        && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        ? Character(scalar) : "_"
    }
    let name = String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "."))
    return name.isEmpty ? "default" : name
  }

  /// Appends events in the background (one write and one fsync per call).
  public func append(_ events: [HistoryEvent]) {
    guard !events.isEmpty else { return }
    queue.async { [self] in
      do { try write(events) } catch {
        failed.withLock { $0 = "\(error)" }
      }
    }
  }

  /// Waits for every `append` so far to reach the disk.
  public func flush() { queue.sync {} }

  /// The last write error, if any (the UI carries on without history rather than stop).
  public var lastError: String? { failed.withLock { $0 } }

  /// Appends synchronously (tests, and the `closed` mark on quit).
  public func write(_ events: [HistoryEvent]) throws {
    guard !events.isEmpty else { return }
    try FileManager.default.createDirectory(
      at: current.deletingLastPathComponent(), withIntermediateDirectories: true)
    var data = Data()
    let encoder = Self.encoder
    for event in events {
      data.append(try encoder.encode(event))
      data.append(0x0A)
    }
    let newest = events.map(\.at).max() ?? Date()
    try rotateIfNeeded(adding: data.count, now: newest)
    // Read-write: the last byte is read to repair a torn line (pread fails on write-only).
    let fd = open(current.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw HistoryError.cannotOpen(current.path, errno) }
    defer { close(fd) }
    var size = stat()
    if fstat(fd, &size) == 0, size.st_size > 0 {
      // A torn last line (killed mid-write): end it, so the new events start on a line of
      // their own and the reader loses only the torn one.
      var last: UInt8 = 0
      if pread(fd, &last, 1, off_t(size.st_size - 1)) == 1, last != 0x0A {
        data.insert(0x0A, at: 0)
      }
    } else {
      firstAt.withLock { $0 = events.first?.at }
    }
    try data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw HistoryError.cannotWrite(current.path, errno)
        }
        offset += n
      }
    }
    // One fsync per batch: batches come at most once per list refresh, and only when
    // something changed, so an idle screen never touches the disk.
    _ = fsync(fd)
  }

  /// Rotates when the file would pass `maxBytes`, or its first event is older than `maxAge`.
  private func rotateIfNeeded(adding bytes: Int, now: Date) throws {
    let manager = FileManager.default
    guard let attributes = try? manager.attributesOfItem(atPath: current.path),
      let size = (attributes[.size] as? NSNumber)?.intValue, size > 0
    else { return }
    var first = firstAt.withLock { $0 }
    if first == nil {
      first = Self.firstEvent(in: current)?.at
      firstAt.withLock { $0 = first }
    }
    let tooOld = first.map { now.timeIntervalSince($0) > limits.maxAge } ?? false
    guard size + bytes > limits.maxBytes || tooOld else { return }
    // rename(2) replaces the old generation atomically: a kill here leaves either the old
    // pair of files or the new one, both readable.
    guard rename(current.path, previous.path) == 0 else {
      throw HistoryError.cannotWrite(previous.path, errno)
    }
    firstAt.withLock { $0 = nil }
  }

  /// Every event of both generations no older than `maxAge` before `now`, oldest first.
  /// Lines that cannot be read (a torn last line, garbage) are skipped.
  public func load(now: Date) -> [HistoryEvent] {
    flush()
    let cutoff = now.addingTimeInterval(-limits.maxAge)
    let events = Self.read(previous) + Self.read(current)
    return events.filter { $0.at >= cutoff }
  }

  /// The events of one file, skipping lines that do not decode.
  public static func read(_ url: URL) -> [HistoryEvent] {
    guard let data = try? Data(contentsOf: url) else { return [] }
    let decoder = Self.decoder
    var events: [HistoryEvent] = []
    for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
      if let event = try? decoder.decode(HistoryEvent.self, from: Data(line)) {
        events.append(event)
      }
    }
    return events
  }

  static func firstEvent(in url: URL) -> HistoryEvent? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 4096) else { return nil }
    for line in head.split(separator: 0x0A).prefix(3) {
      if let event = try? decoder.decode(HistoryEvent.self, from: Data(line)) { return event }
    }
    return nil
  }

  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .secondsSince1970
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }
}

/// Why the history could not be written.
public enum HistoryError: Error, CustomStringConvertible {
  case cannotOpen(String, Int32)
  case cannotWrite(String, Int32)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let code): "cannot open \(path): \(String(cString: strerror(code)))"
    case .cannotWrite(let path, let code):
      "cannot write \(path): \(String(cString: strerror(code)))"
    }
  }
}
