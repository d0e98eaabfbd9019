import CloudClient
import Foundation

/// Identifies a row across refreshes: the same ID may exist in two regions.
public struct RowID: Sendable, Hashable, CustomStringConvertible {
  public var region: String
  /// The ID, packed (`ItemID`): rows and the runner's baselines hold millions of them.
  var key: ItemID

  public init(region: String, id: String) {
    self.region = region
    self.key = ItemID(id)
  }

  /// The server's ID (built from the packed form: read it once per use).
  public var id: String {
    get { key.string }
    set { key = ItemID(newValue) }
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
  public internal(set) var id: RowID
  public internal(set) var change: RowChange?
  /// Set once the server accepted the pending operation (reconciled by the next refresh).
  public internal(set) var pendingAcknowledged: Bool = false
  /// `resource.isInMotion`, cached: looking into the resource copies it.
  var resourceInMotion = false
  /// `resource.pane`, kept so sorting knows the row's kind without looking into it.
  public let kind: PaneKind
  /// A hash of what an operator watches (status, progress, size, name, attachments): a
  /// refresh compares it instead of looking into both resources. 32 bits fill what would be
  /// padding; a collision only costs one change mark.
  var watchedPrint: UInt32 = 0
  public internal(set) var pending: PendingOperation?
  /// The number sort keys the kind's descriptor declares, read once per value (NaN when the
  /// item has no value): sorting, filtering and refreshes read them here instead of copying
  /// the resource out of its enum, which costs a dozen reference-count operations.
  var numbers = SortNumbers()
  /// The lower-cased name: what a filter word is looked for in first, and the name column's
  /// sort key. Shares the name's storage when it has no upper case (most names do).
  var nameKey: String
  /// The value, compact (`StoredResource`), with the keys computed from the fields it shares
  /// with other rows (status, text sort keys, search words); changed only through
  /// `setResource`, which recomputes the keys.
  private(set) var stored: StoredResource

  /// Builds a row from an already sanitised resource.
  public init(region: String, resource: Resource, change: RowChange? = nil) {
    self.id = RowID(region: region, id: resource.id)
    self.kind = resource.pane
    self.change = change
    let (stored, nameKey, numbers, print) = Self.keys(resource, kind)
    self.stored = stored
    self.nameKey = nameKey
    self.numbers = numbers
    self.watchedPrint = print
    self.resourceInMotion = kind.descriptor.inMotion(resource)
  }

  public var region: String { id.region }

  /// The (sanitised) value the row shows, built from what the row keeps: read it once per
  /// use, not field by field in a loop over many rows (`name` and `stored` are cheaper).
  public var resource: Resource { stored.resource(id: id.id) }

  /// The display name, read without building the resource.
  public var name: String { stored.name }

  /// The lower-cased status.
  var statusKey: String { stored.statusKey }

  /// The descriptor's search words, lower-cased and joined by U+0001: what a filter word is
  /// looked for in, besides the name, the status and the ID.
  var wordsKey: String { stored.wordsKey }

  /// Text sort key `slot`, lower-cased.
  func text(_ slot: Int) -> String { stored.text(slot) }

  /// Replaces the resource (already sanitised) and recomputes the keys read from it.
  mutating func setResource(_ resource: Resource) {
    recomputeKeys(resource)
  }

  /// True while the row is moving (job running or a pending operation).
  public var isInMotion: Bool { pending != nil || resourceInMotion }

  /// Takes the resource and its keys from a fresh row of the same item, keeping this row's
  /// marks and pending operation.
  mutating func takeValue(of fresh: UnsafePointer<Row>) {
    stored = fresh.pointee.stored
    nameKey = fresh.pointee.nameKey
    resourceInMotion = fresh.pointee.resourceInMotion
    watchedPrint = fresh.pointee.watchedPrint
    numbers = fresh.pointee.numbers
  }

  /// Recomputes the keys from the stored value.
  mutating func recomputeKeys() { recomputeKeys(resource) }

  private mutating func recomputeKeys(_ resource: Resource) {
    (stored, nameKey, numbers, watchedPrint) = Self.keys(resource, kind)
    resourceInMotion = kind.descriptor.inMotion(resource)
  }

  /// The stored value with its shared keys, the name key, the number keys and the watched
  /// fields' hash, for `resource`.
  private static func keys(_ resource: Resource, _ kind: PaneKind) -> (
    StoredResource, String, SortNumbers, UInt32
  ) {
    let descriptor = kind.descriptor
    // Not the ID: the row holds it already (in `id`), and filters read it there.
    let nameKey = lowercased(resource.name)
    let keys = sharedKeys(resource, descriptor)
    let texts = keys.texts
    var numbers = SortNumbers()
    for (slot, key) in descriptor.numberKeys.enumerated() { numbers[slot] = key(resource) ?? .nan }
    var hasher = Hasher()
    hasher.combine(keys.statusKey)
    hasher.combine(resource.name)
    for column in descriptor.watched {
      switch descriptor.sortSlots[column] {
      case .number(let slot): hasher.combine(numbers[slot])
      case .text(let slot): hasher.combine(texts[slot])
      default: hasher.combine(0 as UInt8)
      }
    }
    let print = UInt32(truncatingIfNeeded: hasher.finalize())
    return (StoredResource(resource, keys: keys), nameKey, numbers, print)
  }

  /// The keys read from the fields a row shares with others (`StoredResource`).
  static func sharedKeys(_ resource: Resource, _ descriptor: ResourceDescriptor) -> SharedKeys {
    let words = descriptor.searchWords(resource)
    var texts = SortTexts()
    for (slot, key) in descriptor.textKeys.enumerated() { texts[slot] = lowercased(key(resource)) }
    return SharedKeys(
      statusKey: lowercased(resource.statusText),
      wordsKey: words.count == 1
        ? lowercased(words[0]) : words.joined(separator: "\u{1}").lowercased(),
      texts: texts)
  }

  /// `text.lowercased()`, sharing `text`'s storage when it has no upper case: most names do,
  /// and a fresh copy per row would cost ~64 bytes of heap for each.
  private static func lowercased(_ text: String) -> String {
    let lower = text.lowercased()
    return lower == text ? text : lower
  }

  /// The `datastore:` filter's key (lower-cased), "" for kinds without a datastore.
  var datastoreKey: String {
    guard let slot = kind.datastoreSlot else { return "" }
    return text(slot)
  }
}

/// A row's number sort keys; NaN stands for "no value" (JSON numbers are never NaN).
struct SortNumbers: Sendable {
  static let capacity = 4
  private var a = Double.nan
  private var b = Double.nan
  private var c = Double.nan
  private var d = Double.nan

  subscript(slot: Int) -> Double {
    get {
      switch slot {
      case 0: a
      case 1: b
      case 2: c
      default: d
      }
    }
    set {
      switch slot {
      case 0: a = newValue
      case 1: b = newValue
      case 2: c = newValue
      default: d = newValue
      }
    }
  }
}

/// A row's text sort keys, lower-cased.
struct SortTexts: Sendable, Equatable {
  static let capacity = 3
  private var a = ""
  private var b = ""
  private var c = ""

  subscript(slot: Int) -> String {
    get {
      switch slot {
      case 0: a
      case 1: b
      default: c
      }
    }
    set {
      switch slot {
      case 0: a = newValue
      case 1: b = newValue
      default: c = newValue
      }
    }
  }
}

extension PaneKind {
  /// The text slot of each kind's DATASTORE column (the `datastore:` filter reads it).
  private static let datastoreSlots: [Int?] = allCases.map { kind in
    if case .text(let slot) = kind.descriptor.sortSlots[.datastore] { return slot }
    return nil
  }

  var datastoreSlot: Int? {
    Self.datastoreSlots[Self.allCases.firstIndex(of: self)!]
  }
}
