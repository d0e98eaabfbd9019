import BrowserModel
import CloudClient
import Foundation

/// A snapshot's `list --format json` object written straight from the decoded snapshot
/// (issue 17): the same bytes as its descriptor's record through `JSONArrayText.append`,
/// without building the record per snapshot (an array of named, boxed values, date and
/// number strings), which was a third of `list`'s CPU over 20,000 snapshots.
///
/// The descriptor stays the schema: `list` takes this path only while the snapshot
/// descriptor's record keys are exactly `keys` (a test holds the bytes of both paths equal).
enum SnapshotJSON {
  /// The record keys written here, in order.
  static let keys = [
    "id", "name", "status", "region", "volume_id", "size_gb", "progress", "created", "updated",
    "description", "metadata",
  ]

  /// True while the snapshot descriptor declares exactly `keys`.
  static let matchesDescriptor = PaneKind.snapshots.descriptor.record.map(\.key) == keys

  /// The object's members, as `JSONArrayText.append` writes the snapshot's record.
  static func write(_ s: Snapshot, region: String, into out: inout JSONText) {
    write(SnapshotValueSource(snapshot: s), region: region, into: &out)
  }

  /// The same members from a page's bytes (`snapshotPages(into:)`): the same bytes as the
  /// `Snapshot` it stands for (`s.value`).
  static func write(_ s: SnapshotBytes, region: String, into out: inout JSONText) {
    write(SnapshotByteSource(snapshot: s), region: region, into: &out)
  }

  /// The members, in the descriptor's order, from either source.
  private static func write(
    _ s: some SnapshotJSONSource, region: String, into out: inout JSONText
  ) {
    out.raw("\"id\": ")
    s.text(.id, into: &out)
    out.raw(", \"name\": ")
    s.text(.name, into: &out)
    out.raw(", \"status\": ")
    s.text(.status, into: &out)
    out.raw(", \"region\": ")
    out.string(region)
    out.raw(", \"volume_id\": ")
    s.text(.volumeID, into: &out)
    out.raw(", \"size_gb\": ")
    if let size = s.size {
      if size >= 0 { out.digits(size) } else { out.value(.integer(size)) }
    } else {
      out.raw("null")
    }
    out.raw(", \"progress\": ")
    progress(s.progress, into: &out)
    out.raw(", \"created\": ")
    date(s.created, into: &out)
    out.raw(", \"updated\": ")
    date(s.updated, into: &out)
    out.raw(", \"description\": ")
    s.text(.description, into: &out)
    out.raw(", \"metadata\": ")
    if s.metadata.isEmpty {
      out.raw("{}")
    } else {
      out.value(.object(s.metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }
  }

  /// `Double.description` for a whole percentage (`100.0`, `52.0`: the usual values) written
  /// as digits; any other value through `Record.Value.number` as before.
  static func progress(_ value: Double?, into out: inout JSONText) {
    guard let value else { return out.raw("null") }
    if value >= 0, value <= 100, value.sign == .plus, value == value.rounded(.towardZero) {
      out.digits(Int(value))
      out.raw(".0")
    } else {
      out.value(.number(value))
    }
  }

  /// `Timestamp.iso8601` in quotes, its digits written straight into the bytes when the year
  /// has four of them; other dates through `Record.Value(date:)` as before.
  static func date(_ value: Date?, into out: inout JSONText) {
    guard let value else { return out.raw("null") }
    guard let p = Formatting.utc(value), (1000...9999).contains(p.year) else {
      return out.value(Record.Value(date: value))
    }
    out.ascii(UInt8(ascii: "\""))
    out.digits(p.year, width: 4)
    out.ascii(UInt8(ascii: "-"))
    out.digits(p.month, width: 2)
    out.ascii(UInt8(ascii: "-"))
    out.digits(p.day, width: 2)
    out.ascii(UInt8(ascii: "T"))
    out.digits(p.hour, width: 2)
    out.ascii(UInt8(ascii: ":"))
    out.digits(p.minute, width: 2)
    out.ascii(UInt8(ascii: ":"))
    out.digits(p.second, width: 2)
    out.raw("Z\"")
  }
}

/// The text members of a snapshot object.
enum SnapshotTextField {
  case id, name, status, volumeID, description
}

/// What `SnapshotJSON` writes a snapshot from.
protocol SnapshotJSONSource {
  /// Writes a text member's value: a JSON string, or `null` for a description there is none of.
  func text(_ field: SnapshotTextField, into out: inout JSONText)
  var size: Int? { get }
  var progress: Double? { get }
  var created: Date? { get }
  var updated: Date? { get }
  var metadata: [String: String] { get }
}

/// A decoded `Snapshot`.
struct SnapshotValueSource: SnapshotJSONSource {
  let snapshot: Snapshot

  func text(_ field: SnapshotTextField, into out: inout JSONText) {
    switch field {
    case .id: out.string(snapshot.id)
    case .name: out.string(snapshot.name)
    case .status: out.string(snapshot.status.wire)
    case .volumeID: out.string(snapshot.volumeID)
    case .description:
      if let description = snapshot.description { out.string(description) } else { out.raw("null") }
    }
  }
  var size: Int? { snapshot.size }
  var progress: Double? { snapshot.progress }
  var created: Date? { snapshot.created }
  var updated: Date? { snapshot.updated }
  var metadata: [String: String] { snapshot.metadata }
}

/// A snapshot still as a page's bytes.
struct SnapshotByteSource: SnapshotJSONSource {
  let snapshot: SnapshotBytes

  func text(_ field: SnapshotTextField, into out: inout JSONText) {
    let bytes: WireBytes
    switch field {
    case .id: bytes = snapshot.id
    case .name: bytes = snapshot.name
    case .status: bytes = snapshot.status
    case .volumeID: bytes = snapshot.volumeID
    case .description:
      guard let description = snapshot.description else { return out.raw("null") }
      bytes = description
    }
    bytes.withUTF8 { out.string(utf8: $0) }
  }
  var size: Int? { snapshot.size }
  var progress: Double? { snapshot.progress }
  var created: Date? { snapshot.created }
  var updated: Date? { snapshot.updated }
  var metadata: [String: String] { snapshot.metadata }
}
