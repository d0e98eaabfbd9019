import Foundation

/// One line of the event history: something rackwatch saw happen to a backup or snapshot, or a
/// mark of when rackwatch was open (`opened`, `closed`), which "since you last looked" reads.
///
/// Stored as one JSON object per line (`HistoryFile`); every text field came from the network
/// and is sanitised before it is recorded.
public struct HistoryEvent: Sendable, Hashable, Codable {
  /// What happened.
  public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
    /// A job began (a row appeared in motion, or a create the operator sent was listed).
    case started
    case completed
    case failed
    /// A settled row the list had not held before.
    case appeared
    /// The server no longer lists the row.
    case gone
    /// Any other status change (e.g. BUILDING → NEW, available → deleting).
    case changed
    /// rackwatch started watching this profile.
    case opened
    /// rackwatch was quit.
    case closed

    /// True for the session marks, which name no row.
    public var isMark: Bool { self == .opened || self == .closed }
  }

  public var at: Date
  public var change: Change
  /// nil for the session marks.
  public var kind: PaneKind?
  public var region: String
  public var id: String
  public var name: String
  /// Status before and after (as the server spells it).
  public var from: String?
  public var to: String?
  /// GB, when the server said.
  public var size: Double?
  /// The server's timestamps of the row at the time: a finished job's duration is
  /// `updated - created`, which the ETAs learn from.
  public var created: Date?
  public var updated: Date?

  public init(
    at: Date, change: Change, kind: PaneKind?, region: String, id: String, name: String,
    from: String? = nil, to: String? = nil, size: Double? = nil, created: Date? = nil,
    updated: Date? = nil
  ) {
    self.at = at
    self.change = change
    self.kind = kind
    self.region = region
    self.id = id
    self.name = name
    self.from = from
    self.to = to
    self.size = size
    self.created = created
    self.updated = updated
  }

  /// A session mark (`opened` or `closed`) at `at`.
  public static func mark(_ change: Change, at: Date) -> HistoryEvent {
    HistoryEvent(at: at, change: change, kind: nil, region: "", id: "", name: "")
  }

  /// The row this event is about (meaningless for marks).
  public var row: RowID { RowID(region: region, id: id) }

  /// "BUILDING → COMPLETED", "→ COMPLETED", "" : the change as the events view shows it.
  public var statusText: String {
    switch (from, to) {
    case (let from?, let to?): "\(from) → \(to)"
    case (nil, let to?): to
    case (let from?, nil): from
    case (nil, nil): ""
    }
  }

  /// The words the events view's filter matches (lower-cased).
  var searchText: String {
    [change.rawValue, kind?.rawValue ?? "", region, id, name, from ?? "", to ?? ""]
      .joined(separator: " ").lowercased()
  }
}

extension PaneKind: Codable {}

extension HistoryEvent {
  /// The event for a row, from what the row holds now (sanitised already: rows are).
  init(_ change: Change, row: Row, from: String?, at: Date) {
    let resource = row.stored
    self.init(
      at: at, change: change, kind: row.kind, region: row.region, id: row.id.id,
      name: resource.name, from: from, to: resource.statusText, size: resource.historySize,
      created: resource.historyCreated, updated: resource.historyUpdated)
  }
}

extension Resource {
  /// The size an event records: GB of a backup or snapshot.
  var historySize: Double? {
    switch self {
    case .backup(let b): b.size
    case .snapshot(let s): s.size.map(Double.init)
    case .instance(let i): i.volumeSize.map(Double.init)
    case .volume(let v): Double(v.size)
    }
  }

  var historyCreated: Date? {
    switch self {
    case .backup(let b): b.created
    case .snapshot(let s): s.created
    case .instance, .volume: nil
    }
  }

  var historyUpdated: Date? {
    switch self {
    case .backup(let b): b.updated
    case .snapshot(let s): s.updated
    case .instance, .volume: nil
    }
  }
}
