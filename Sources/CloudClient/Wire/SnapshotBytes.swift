import Foundation

/// A string value's UTF-8 bytes as they stand in a list page, escapes decoded. Always valid
/// UTF-8 (the page is repaired before it is read), and valid only during the call that
/// hands it over: it points into the page.
public struct WireBytes {
  private let span: UnsafeBufferPointer<UInt8>
  /// A value with escapes, decoded into its own bytes (rare in real pages).
  private let owned: [UInt8]?

  init(span: UnsafeBufferPointer<UInt8>) {
    self.span = span
    owned = nil
  }

  init(owned: [UInt8]) {
    span = UnsafeBufferPointer(start: nil, count: 0)
    self.owned = owned
  }

  /// No bytes: the text of a field the page left out (`""`).
  static var empty: WireBytes { WireBytes(span: UnsafeBufferPointer(start: nil, count: 0)) }

  /// The number of UTF-8 bytes.
  public var count: Int { owned?.count ?? span.count }

  /// Calls `body` with the bytes.
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let owned { return try owned.withUnsafeBufferPointer(body) }
    return try body(span)
  }

  /// The bytes as a `String` (what the page decoder makes of them).
  public var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }
}

/// A snapshot read from a list page with its text left as the page's bytes (issue 17):
/// `list --format json` writes it out without making a `Snapshot` and its strings first.
///
/// Only snapshots in the usual shape come this way; the page reader hands over every other
/// one as the `Snapshot` it decodes to. Its fields hold exactly that snapshot's values
/// (`value`): the same field rules, already applied (v1 names standing in, `""` for a
/// missing name, status in lower case, impossible numbers unknown).
public struct SnapshotBytes {
  public let id: WireBytes
  public let name: WireBytes
  public let description: WireBytes?
  public let volumeID: WireBytes
  /// `SnapshotStatus.wire`: the status as sent, which is already in lower case here.
  public let status: WireBytes
  public let size: Int?
  public let created: Date?
  public let updated: Date?
  public let progress: Double?
  public let projectID: WireBytes?
  public let metadata: [String: String]

  /// The snapshot the page decoder makes of the same object.
  public var value: Snapshot {
    Snapshot(
      id: id.string, name: name.string, description: description?.string,
      volumeID: volumeID.string, status: SnapshotStatus(wire: status.string), size: size,
      created: created, updated: updated, progress: progress, projectID: projectID?.string,
      metadata: metadata)
  }
}

/// Takes a list page's snapshots in page order as the page is read (`snapshotPages(into:)`).
/// A new one is made for every page, and again if the page has to be read the slow way, so
/// what it holds is always exactly one page.
public protocol SnapshotPageSink: Sendable {
  /// A snapshot in the usual shape, its text still the page's bytes: valid only during the
  /// call, never to be kept.
  mutating func add(_ snapshot: SnapshotBytes)
  /// Any other snapshot, as the page decoder makes it.
  mutating func add(_ snapshot: Snapshot)
}

/// A snapshot's fields read as bytes, through the same wire table (`SnapshotField`) as
/// `SnapshotFields`. Text fields take only a string or null here: a number (which the
/// lenient rules turn into its digits) gives up, and the snapshot is read the usual way.
struct SnapshotByteFields {
  var id: WireBytes?
  var name: WireBytes?
  var displayName: WireBytes?
  var description: WireBytes?
  var displayDescription: WireBytes?
  var volumeID: WireBytes?
  var status: WireBytes?
  var projectID: WireBytes?
  var size: Int?
  var created: Date?
  var updated: Date?
  var progress: Double?
  var metadata: [String: String] = [:]

  mutating func read(_ field: SnapshotField, _ reader: inout JSONReader) throws {
    switch field {
    case .id: id = try reader.textBytes()
    case .name: name = try reader.textBytes()
    case .status: status = try reader.textBytes()
    case .size: size = try reader.fieldInt()
    case .volumeID: volumeID = try reader.textBytes()
    case .created: created = try reader.fieldDate()
    case .updated: updated = try reader.fieldDate()
    case .progress: progress = try reader.fieldPercent()
    case .projectID: projectID = try reader.textBytes()
    case .description: description = try reader.textBytes()
    case .displayName: displayName = try reader.textBytes()
    case .displayDescription: displayDescription = try reader.textBytes()
    case .metadata: metadata = try reader.fieldDictionary()
    }
  }

  /// The snapshot as bytes, when `SnapshotFields.value` would keep every text as sent: an
  /// `id` without a space at either end, no text over `WireText.maxStringBytes` (it would
  /// be cut), a status with no upper case or non-ASCII letter (it would be lowered). Nil
  /// otherwise, and without an `id`.
  var plain: SnapshotBytes? {
    guard let id, id.withUTF8({ $0.first != 0x20 && $0.last != 0x20 }) else { return nil }
    let status = status ?? .empty
    guard status.withUTF8({ $0.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) } }) else {
      return nil
    }
    func fits(_ text: WireBytes?) -> Bool { (text?.count ?? 0) <= WireText.maxStringBytes }
    guard fits(id), fits(name), fits(displayName), fits(description), fits(displayDescription),
      fits(volumeID), fits(projectID)
    else { return nil }
    return SnapshotBytes(
      id: id, name: name ?? displayName ?? .empty,
      description: description ?? displayDescription, volumeID: volumeID ?? .empty,
      status: status, size: WireNumber.size(size), created: created, updated: updated,
      progress: WireNumber.percent(progress), projectID: projectID, metadata: metadata)
  }
}

extension JSONReader {
  /// A text field as bytes: a string's (escapes decoded), nil for null. Anything else gives
  /// up (`Unexpected`). Fails where `string()` fails: bad escapes, raw control characters.
  mutating func textBytes() throws -> WireBytes? {
    switch try peek() {
    case UInt8(ascii: "\""):
      switch try stringText() {
      case .inPlace(let span): return WireBytes(span: span)
      case .decoded(let owned): return WireBytes(owned: owned)
      }
    case UInt8(ascii: "n"):
      _ = try null()
      return nil
    default: throw Unexpected()
    }
  }
}
