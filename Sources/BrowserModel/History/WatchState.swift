import Foundation

/// What rackwatch keeps for an operator who leaves it open: the event history, the "since you
/// last looked" digest and unseen rows, per-row notifications, learned job durations (ETAs
/// and "stalled?"), the events view, and the runtime pause.
public struct WatchState: Sendable {
  /// Events of this profile, oldest first: what was saved plus what this session saw.
  public internal(set) var events: [HistoryEvent] = []
  /// The most kept in memory (the file keeps more, bounded by `HistoryLimits`).
  public var maxEvents = 5_000
  /// When rackwatch last looked at this profile (the newest saved event or mark), nil when
  /// there is no history: then there is no digest.
  public internal(set) var lastLooked: Date?
  public internal(set) var durations = DurationBook()
  /// Rows in motion: their ETA and whether they look stalled (recomputed per refresh).
  public internal(set) var motion: [RowID: Motion] = [:]
  /// `n`: rows to notify about when they finish.
  public internal(set) var notifyOnFinish: Set<RowID> = []
  /// A profile setting: notify about every job that fails.
  public var notifyFailures = false
  /// A snapshot whose progress has not moved for this long is "stalled?".
  public var stallAfter: TimeInterval = 600
  /// Rows already notified as stalled (one notification each).
  var stallNotified: Set<RowID> = []
  /// Per list (`kind/region`): the duration book's generation at its last motion pass and the
  /// earliest time a job of it could next be called stalled. A list that came back unchanged
  /// before then needs no pass: its ETAs are dates that stand until something changes.
  var motionChecks: [String: MotionCheck] = [:]

  struct MotionCheck: Sendable, Hashable {
    var generation: UInt64
    var nextStall: Date
    /// `stallAfter` at that pass (a changed setting needs a whole pass).
    var stallAfter: TimeInterval
  }
  /// The "since you last looked" panel; `visible` false once dismissed.
  public internal(set) var digest: Digest?
  /// Rows that changed while rackwatch was closed, until the operator selects them.
  public internal(set) var unseen: Set<RowID> = []
  /// The events view, when open.
  public internal(set) var eventsView: EventsView?
  /// `:pause`: no refresh until `:pause` again (or `:resume`); `r` still refreshes once.
  public internal(set) var paused = false
  /// `:refresh 5s` set the intervals: the header shows them.
  public internal(set) var intervalsChanged = false
  /// Lists already digested (`kind/region`): the digest reads each list's first load only.
  var digested: Set<String> = []

  public init() {}

  /// Starts from the saved history of the profile: its events, when rackwatch last looked,
  /// and the durations of the jobs it saw finish.
  public init(saved: [HistoryEvent]) {
    lastLooked = saved.map(\.at).max()
    let rows = saved.filter { !$0.change.isMark }
    events = Array(rows.suffix(maxEvents))
    for event in rows where event.change == .completed {
      guard let created = event.created, let kind = event.kind else { continue }
      let end = event.updated ?? event.at
      durations.learn(
        event.row, band: DurationBook.band(savedKind: kind, event: event),
        seconds: end.timeIntervalSince(created))
    }
  }

  /// A row in motion as the ETA rules see it.
  public struct Motion: Sendable, Hashable {
    public var kind: PaneKind
    /// When it should finish, by the learned durations or its progress.
    public var eta: Date?
    /// Past the 95th percentile of its band, or a snapshot's progress standing still.
    public var stalled = false
    /// The last progress seen (snapshots) and since when it has not moved.
    var progress: Double?
    var progressSince: Date?
    /// What the learned durations said of this job, computed once per `DurationBook`
    /// generation (a refresh with 10,000 jobs in motion must not re-sort the samples for each).
    var estimatedAt: UInt64?
    var created: Date?
    var median: Double?
    /// The 95th percentile of its band when that band has enough samples for "stalled?".
    var slowP95: Double?
    /// When it would first be called stalled if nothing about it changes (nil when stalled
    /// already, or when nothing would): the list's `MotionCheck.nextStall` is the earliest.
    var stallAt: Date?

    /// "stalled?", "eta 4m", or nil (no estimate, or overdue without being stalled).
    public func note(now: Date) -> String? {
      if stalled { return "stalled?" }
      guard let eta, eta > now else { return nil }
      return "eta " + Formatting.age(now, now: eta)
    }
  }

  /// Adds events of this session, keeping at most `maxEvents`.
  mutating func append(_ new: [HistoryEvent]) {
    // Dropped before appending: a refresh that records 10,000 events copies only those kept.
    guard new.count < maxEvents else {
      events = Array(new.suffix(maxEvents))
      return
    }
    let overflow = events.count + new.count - maxEvents
    if overflow > 0 { events.removeFirst(overflow) }
    events += new
  }
}

extension DurationBook {
  /// The bands of a saved completed event (the resource is gone; the event has kind and size).
  static func band(savedKind kind: PaneKind, event: HistoryEvent) -> [String] {
    switch kind {
    case .backups: ["backup"]
    case .snapshots: (event.size.map { ["snapshot/\(sizeBand($0))"] } ?? []) + ["snapshot"]
    case .instances, .volumes: []
    }
  }
}
