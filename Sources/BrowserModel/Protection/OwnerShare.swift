import Foundation

/// What one backup (snapshot) row adds to the Protection view's tally of its instance
/// (volume), read from the keys the row caches for sorting, so reading it never copies the
/// resource out of the row.
struct OwnerShare: Sendable, Equatable {
  /// The instance (volume) ID, lower-cased as the row keeps it: the tallies' key.
  var owner: String
  /// Seconds since 1970, NaN when the item has no creation time.
  var created: Double
  /// The size in 2^-30 GB: whole numbers, so a tally kept by adding and subtracting equals
  /// one summed afresh (floating-point sums depend on their order).
  var units: Int64
  /// Counted at all: not going away (`gone`) and not an unconfirmed create.
  var counted: Bool
  var good: Bool
  var failed: Bool
  var moving: Bool

  static let unitsPerGB = 1_073_741_824.0

  /// GB of a sum of `units`.
  static func gigabytes(_ units: Int64) -> Double { Double(units) / unitsPerGB }

  /// The creation time as a date (distant past when missing), for comparing.
  var date: Double { created.isNaN ? -.infinity : created }

  /// Where rows of a kind keep what a share needs, and which statuses count as good or
  /// failed (lower-cased, as rows keep them).
  struct Slots: Sendable {
    let owner: Int
    let created: Int
    let size: Int
    let good: String
    let failed: String
    /// Backups without an instance ID belong to nobody; a snapshot always names a volume.
    let skipsEmptyOwner: Bool

    static let backups = Slots(.backups, good: "completed", failed: "failed", skipsEmpty: true)
    static let snapshots = Slots(.snapshots, good: "available", failed: "error", skipsEmpty: false)

    private init(_ kind: PaneKind, good: String, failed: String, skipsEmpty: Bool) {
      let slots = kind.descriptor.sortSlots
      let ownerColumn: Column = kind == .backups ? .instance : .volume
      guard case .text(let owner)? = slots[ownerColumn],
        case .number(let created)? = slots[.created],
        case .number(let size)? = slots[.size]
      else { preconditionFailure("\(kind): no owner, created or size key") }
      self.owner = owner
      self.created = created
      self.size = size
      self.good = good
      self.failed = failed
      self.skipsEmptyOwner = skipsEmpty
    }

    /// The slots of a kind whose rows have owners (backups, snapshots), else nil.
    static func of(_ kind: PaneKind) -> Slots? {
      switch kind {
      case .backups: .backups
      case .snapshots: .snapshots
      default: nil
      }
    }
  }

  /// The share of a row; nil when it has no owner (a backup without an instance ID).
  init?(_ row: UnsafePointer<Row>, _ slots: Slots) {
    let owner = row.pointee.text(slots.owner)
    if slots.skipsEmptyOwner && owner.isEmpty { return nil }
    self.owner = owner
    created = row.pointee.numbers[slots.created]
    let size = row.pointee.numbers[slots.size]
    units = size.isNaN ? 0 : Int64((size * Self.unitsPerGB).rounded())
    counted = row.pointee.change?.kind != .gone && row.pointee.pending != .creating
    let status = row.pointee.statusKey
    good = status == slots.good
    failed = status == slots.failed
    moving = row.pointee.resourceInMotion
  }

  init?(_ row: Row, _ slots: Slots) {
    guard let share = withUnsafePointer(to: row, { OwnerShare($0, slots) }) else { return nil }
    self = share
  }
}
