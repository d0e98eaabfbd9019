import CloudClient
import Foundation

/// A list difference as merged: which rows it changed, and where the merge found or put each
/// (so the motion pass does not look them up again).
struct MergedDifference: Sendable {
  var update: ListUpdate
  /// Per changed row of `update`, its position in the pane's rows when it was merged: checked
  /// before use (rows can move between the steps of a merge).
  var positions: [Int32]
}

/// One motion pass over the rows in motion of a list (`Reducer.updateMotion`): what each row's
/// ETA and stall check read, looked up once per pass.
struct MotionPass {
  let kind: PaneKind
  let now: Date
  let book: DurationBook
  let stallAfter: TimeInterval
  let instances: PaneState
  let progressSlot: Int?
  /// The estimates of the bands met in this pass: 10,000 jobs starting at once ask the book
  /// (which sorts a band's samples) once per band, not twice per job.
  private var estimates: [BandKey: (median: Double?, slowP95: Double?)] = [:]

  init(
    kind: PaneKind, now: Date, book: DurationBook, stallAfter: TimeInterval, instances: PaneState
  ) {
    self.kind = kind
    self.now = now
    self.book = book
    self.stallAfter = stallAfter
    self.instances = instances
    var slot: Int?
    if case .number(let found)? = kind.descriptor.sortSlots[.progress] { slot = found }
    progressSlot = slot
  }

  /// What a job's bands are made of (`DurationBook.band`): equal keys give equal bands, and a
  /// key is built without the bands' strings.
  private struct BandKey: Hashable {
    var store: String?
    var size: Int?
    var snapshot: Bool
  }

  /// Why a job looks stalled; the words are made only for the notification.
  enum Stall {
    case slow(running: TimeInterval, p95: Double)
    case progress(Double, still: TimeInterval)

    var words: String {
      switch self {
      case .slow(let running, let p95):
        "running \(Formatting.duration(running)), 95% finish within \(Formatting.duration(p95))"
      case .progress(let progress, let still):
        "progress \(Formatting.percent(progress)) for \(Formatting.duration(still))"
      }
    }
  }

  /// Brings one row's entry up to date (estimates when the book changed, progress, ETA,
  /// stall); returns why it is stalled, if it is. `stalledBefore`, `stallAt`: what the entry
  /// said before, and says now (read here: the entry is updated in its dictionary's storage).
  mutating func update(
    _ entry: inout WatchState.Motion, _ row: UnsafePointer<Row>, stalledBefore: inout Bool
  ) -> Stall? {
    var stallAt: Date?
    return update(&entry, row, stalledBefore: &stalledBefore, stallAt: &stallAt)
  }

  mutating func update(
    _ entry: inout WatchState.Motion, _ row: UnsafePointer<Row>, stalledBefore: inout Bool,
    stallAt: inout Date?
  ) -> Stall? {
    stalledBefore = entry.stalled
    if entry.estimatedAt != book.generation {
      let estimate = self.estimate(row)
      entry.created = row.pointee.stored.historyCreated
      entry.median = estimate.median
      entry.slowP95 = estimate.slowP95
      entry.estimatedAt = book.generation
    }
    var progress: Double?
    if let progressSlot {
      let value = row.pointee.numbers[progressSlot]
      if !value.isNaN { progress = value }
    }
    if let progress, entry.progress != progress || entry.progressSince == nil {
      entry.progress = progress
      entry.progressSince = now
    }
    let created = entry.created
    entry.eta = nil
    if let progress, progress > 0, progress < 100, let created {
      let elapsed = now.timeIntervalSince(created)
      entry.eta = now.addingTimeInterval(elapsed * (100 - progress) / progress)
    } else if let median = entry.median, let created {
      entry.eta = created.addingTimeInterval(median)
    }
    var stall: Stall?
    if let created, let p95 = entry.slowP95,
      now.timeIntervalSince(created) > DurationBook.stallThreshold(p95: p95)
    {
      stall = .slow(running: now.timeIntervalSince(created), p95: p95)
    }
    if let progress, progress < 100, let since = entry.progressSince,
      now.timeIntervalSince(since) >= stallAfter
    {
      stall = .progress(progress, still: now.timeIntervalSince(since))
    }
    entry.stalled = stall != nil
    entry.stallAt = nil
    if stall == nil {
      // When this job would first be called stalled, if nothing about it changes.
      var first: Date?
      if let created, let p95 = entry.slowP95 {
        first = created.addingTimeInterval(DurationBook.stallThreshold(p95: p95) + 0.001)
      }
      if let progress, progress < 100, let since = entry.progressSince {
        let at = since.addingTimeInterval(stallAfter)
        if first.map({ at < $0 }) ?? true { first = at }
      }
      entry.stallAt = first
    }
    stallAt = entry.stallAt
    return stall
  }

  /// The ETA of an entry whose ETA moves with the clock (a job's progress-based one), nil for
  /// others. Recomputed for rows a list did not change: the rest of their entry stands until
  /// the list's `nextStall`.
  func clockETA(_ entry: WatchState.Motion) -> Date? {
    guard let progress = entry.progress, progress > 0, progress < 100,
      let created = entry.created
    else { return nil }
    let elapsed = now.timeIntervalSince(created)
    return now.addingTimeInterval(elapsed * (100 - progress) / progress)
  }

  /// The median and (with enough samples for "stalled?") the 95th percentile of the row's
  /// most specific band.
  private mutating func estimate(_ row: UnsafePointer<Row>) -> (median: Double?, slowP95: Double?) {
    let key: BandKey
    // The stored value, not `resource`: this runs for every row in motion.
    switch row.pointee.stored {
    case .backup(let backup):
      let common = backup.common.value
      var volumeSize: Int?
      if let instance = common.instanceID,
        let index = instances.position(of: RowID(region: row.pointee.region, id: instance)),
        case .instance(let found) = instances.rows[index].resource
      {
        volumeSize = found.volumeSize
      }
      key = BandKey(store: common.datastore?.type, size: volumeSize, snapshot: false)
    case .snapshot(let snapshot):
      key = BandKey(store: nil, size: snapshot.size, snapshot: true)
    case .whole:
      key = BandKey(store: nil, size: nil, snapshot: false)
    }
    if let known = estimates[key] { return known }
    let band = Reducer.band(row.pointee, instances: instances)
    let found = (
      median: book.estimate(band)?.median,
      slowP95: book.estimate(band, minimum: book.minimumForStall)?.p95
    )
    estimates[key] = found
    return found
  }
}
