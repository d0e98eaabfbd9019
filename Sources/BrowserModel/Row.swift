import CloudClient
import Foundation

/// Identifies a row across refreshes: the same ID may exist in two regions.
public struct RowID: Sendable, Hashable, CustomStringConvertible {
  public var region: String
  public var id: String

  public init(region: String, id: String) {
    self.region = region
    self.id = id
  }

  public var description: String { "\(region)/\(id)" }
}

/// What happened to a row recently, so the UI can highlight it for a few seconds.
public struct RowChange: Sendable, Hashable {
  public enum Kind: Sendable, Hashable { case added, changed, gone }
  public var kind: Kind
  public var at: Date

  public init(_ kind: Kind, at: Date) {
    self.kind = kind
    self.at = at
  }
}

/// An operation the operator sent that the server has not yet confirmed by a refresh.
public enum PendingOperation: Sendable, Hashable {
  case creating
  case deleting
  /// The previous name, to put back if the rename fails.
  /// Boxed: it is rare, and inline it would widen every row by 32 bytes.
  indirect case renaming(previousName: String, previousDescription: String?)

  /// Short label for a status cell, e.g. `deleting…`.
  public var label: String {
    switch self {
    case .creating: "creating…"
    case .deleting: "deleting…"
    case .renaming: "renaming…"
    }
  }
}

/// One line of a pane: the (sanitised) resource, its region and its marks.
///
/// Fields a refresh reads come first, so they share the row's first cache lines: a refresh
/// that changes 10,000 of 100,000 rows is bound by memory latency, not by arithmetic.
public struct Row: Sendable, Identifiable {
  public var id: RowID
  public var change: RowChange?
  /// Set once the server accepted the pending operation (reconciled by the next refresh).
  public var pendingAcknowledged: Bool = false
  /// `resource.isInMotion`, cached: looking into the resource copies it.
  var resourceInMotion = false
  /// `resource.pane`, kept so sorting knows the row's kind without looking into it.
  let kind: PaneKind
  /// A hash of what an operator watches (status, progress, size, name, attachments): a
  /// refresh compares it instead of looking into both resources. 32 bits fill what would be
  /// padding; a collision only costs one change mark.
  var watchedPrint: UInt32 = 0
  public var pending: PendingOperation?
  /// The number columns, read once from the resource (NaN when the item has no value):
  /// sorting and refreshes read them here instead of copying the resource out of its enum,
  /// which costs a dozen reference-count operations each time.
  var numbers = SortNumbers()
  var statusKey: String
  var datastoreKey: String
  /// Backup type or volume type, lower-cased (for sorting without copying the resource).
  var typeKey = ""
  /// Lower-cased `name status instance/volume` bytes (separated by U+0001), computed once per
  /// value, so a filter keystroke over 100,000 rows is a byte scan.
  var searchKey: [UInt8]
  public var resource: Resource

  /// Builds a row from an already sanitised resource.
  public init(region: String, resource: Resource, change: RowChange? = nil) {
    self.id = RowID(region: region, id: resource.id)
    self.kind = resource.pane
    self.resource = resource
    self.change = change
    self.searchKey = []
    self.statusKey = ""
    self.datastoreKey = ""
    recomputeKeys()
  }

  public var region: String { id.region }

  /// True while the row is moving (job running or a pending operation).
  public var isInMotion: Bool { pending != nil || resourceInMotion }

  /// Takes the resource and its keys from a fresh row of the same item, keeping this row's
  /// marks and pending operation.
  mutating func takeValue(of fresh: UnsafePointer<Row>) {
    resource = fresh.pointee.resource
    searchKey = fresh.pointee.searchKey
    statusKey = fresh.pointee.statusKey
    datastoreKey = fresh.pointee.datastoreKey
    typeKey = fresh.pointee.typeKey
    resourceInMotion = fresh.pointee.resourceInMotion
    watchedPrint = fresh.pointee.watchedPrint
    numbers = fresh.pointee.numbers
  }

  mutating func recomputeKeys() {
    // Not the ID: the row holds it already (in `id`), and filters read it there.
    var parts = [resource.name, resource.statusText]
    var datastore = ""
    switch resource {
    case .backup(let value):
      if let instanceID = value.instanceID { parts.append(instanceID) }
      datastore = value.datastore.map { "\($0.type) \($0.version ?? "")" } ?? ""
    case .snapshot(let value): parts.append(value.volumeID)
    case .instance(let value):
      datastore = value.datastore.map { "\($0.type) \($0.version ?? "")" } ?? ""
    case .volume(let value): parts.append(contentsOf: value.attachedTo)
    }
    searchKey = Array(parts.joined(separator: "\u{1}").lowercased().utf8)
    statusKey = resource.statusText.lowercased()
    resourceInMotion = resource.isInMotion
    datastoreKey = datastore.lowercased()
    if case .text(let type) = resource.sortValue(.type) { typeKey = type.lowercased() }
    func number(_ column: Column) -> Double {
      if case .number(let value) = resource.sortValue(column) { return value }
      return .nan
    }
    numbers = SortNumbers(
      size: number(.size), progress: number(.progress), created: number(.created),
      updated: number(.updated))
    var hasher = Hasher()
    hasher.combine(statusKey)
    hasher.combine(resource.name)
    for column in [Column.size, .progress, .attachedTo] {
      switch resource.sortValue(column) {
      case .number(let value): hasher.combine(value)
      case .missing: hasher.combine(0 as UInt8)
      case .text(let value): hasher.combine(value)
      }
    }
    watchedPrint = UInt32(truncatingIfNeeded: hasher.finalize())
  }
}

/// A row's number columns; NaN stands for "no value" (JSON numbers are never NaN).
struct SortNumbers: Sendable {
  var size = Double.nan
  var progress = Double.nan
  var created = Double.nan
  var updated = Double.nan
}
