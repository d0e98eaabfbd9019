import CloudClient
import Foundation
import Synchronization

/// Source of `DurationBook.generation`s, unique across books.
private let bookGenerations = Atomic<UInt64>(0)

/// How long jobs of a kind usually take, learned from finished jobs (created → updated, as
/// the server reports them, or as rackwatch saw them finish), per band: backups by datastore
/// and size band, snapshots by size band. Only the latest `keep` durations of a band count,
/// so a cloud that got faster is believed within a day.
public struct DurationBook: Sendable, Hashable {
  /// Durations in seconds, oldest first, per band key (`backup/mysql/10-100GB`).
  var samples: [String: [Double]] = [:]
  /// Rows already learned from (a job is counted once however often it is listed).
  var learned: Set<RowID> = []
  public var keep = 200 { didSet { renew() } }
  /// Fewer samples than this and a band gives no ETA; fewer than `minimumForStall` and no
  /// "stalled?" from the 95th percentile.
  public var minimumForETA = 3 { didSet { renew() } }
  public var minimumForStall = 5 { didSet { renew() } }
  /// Changes whenever an estimate may have (a learned job, a setting), never repeating across
  /// books: a row's ETA computed at one generation stays true until the next.
  public private(set) var generation = bookGenerations.add(1, ordering: .relaxed).newValue

  public init() {}

  private mutating func renew() {
    generation = bookGenerations.add(1, ordering: .relaxed).newValue
  }

  /// What a band's durations say.
  public struct Estimate: Sendable, Hashable {
    public var median: Double
    public var p95: Double
    public var count: Int
  }

  /// Learns one finished job, once per row.
  mutating func learn(_ row: RowID, band: [String], seconds: Double) {
    guard seconds.isFinite, seconds > 0, seconds < 30 * 86_400 else { return }
    guard learned.insert(row).inserted else { return }
    renew()
    for key in band {
      var list = samples[key, default: []]
      list.append(seconds)
      if list.count > keep { list.removeFirst(list.count - keep) }
      samples[key] = list
    }
  }

  /// The estimate of the most specific band with at least `minimum` samples (bands are
  /// listed most specific first).
  public func estimate(_ band: [String], minimum: Int? = nil) -> Estimate? {
    let needed = minimum ?? minimumForETA
    for key in band {
      guard let list = samples[key], list.count >= needed else { continue }
      let sorted = list.sorted()
      return Estimate(
        median: Self.percentile(sorted, 0.5), p95: Self.percentile(sorted, 0.95),
        count: sorted.count)
    }
    return nil
  }

  /// How long a job may run before it is "stalled?": past the 95th percentile of its band,
  /// with a grace of a fifth or a minute (whichever is more), so a job a refresh late, or a
  /// band of identical durations, is not flagged for being a second slower than usual.
  public static func stallThreshold(p95: Double) -> Double { max(p95 * 1.2, p95 + 60) }

  /// Nearest-rank percentile of sorted values.
  static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank - 1, 0), sorted.count - 1)]
  }

  /// The bands of a job, most specific first: `backup/mysql/10-100GB`, `backup/mysql`,
  /// `backup`; `snapshot/100-1000GB`, `snapshot`. `volumeSize` is the backed-up instance's
  /// volume (a running backup's own size is still growing).
  static func band(_ resource: Resource, volumeSize: Int?) -> [String] {
    switch resource {
    case .backup(let backup):
      let store = backup.datastore?.type.lowercased() ?? "unknown"
      var keys: [String] = []
      if let volumeSize { keys.append("backup/\(store)/\(sizeBand(Double(volumeSize)))") }
      return keys + ["backup/\(store)", "backup"]
    case .snapshot(let snapshot):
      return (snapshot.size.map { ["snapshot/\(sizeBand(Double($0)))"] } ?? []) + ["snapshot"]
    case .instance, .volume:
      return []
    }
  }

  /// `<10GB`, `10-100GB`, `100-1000GB`, `>=1000GB`.
  static func sizeBand(_ gigabytes: Double) -> String {
    switch gigabytes {
    case ..<10: "<10GB"
    case ..<100: "10-100GB"
    case ..<1000: "100-1000GB"
    default: ">=1000GB"
    }
  }
}
