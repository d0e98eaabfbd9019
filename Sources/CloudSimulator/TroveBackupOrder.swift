/// The order Trove lists backups in: newest `updated` first. Trove's `Backup._paginate`
/// orders by `updated DESC` and pages by offset (trove-26/backups.json, backups-r2.json:
/// a backup that completes moves to the top). Ties (running jobs all updated "now") go
/// newest created first, as a database would return them in no promised order.
///
/// A backup's `updated` moves with the clock while it runs, so the order is recomputed per
/// request: the first page (what fast refreshes ask for) by a partial selection, O(n log k);
/// later pages from a whole sort kept for a moment of simulated time, so listing 100,000
/// backups page by page does not sort them 100 times.
final class TroveBackupOrder: Sendable {
  private struct Sorted {
    var count: Int
    var firstSeq: Int
    var lastSeq: Int
    var at: Double
    var positions: [Int32]
  }

  /// How long (simulated seconds) a whole sort serves later pages.
  static let reuseWindow = 1.0

  private let cache = Locked<Sorted?>(nil)

  /// Positions in `backups` of the `limit` rows after `offset` in list order, among the rows
  /// `include` accepts.
  func page(
    _ backups: [BackupRecord], at now: Double, offset: Int, limit: Int,
    include: ((BackupRecord) -> Bool)? = nil
  ) -> [Int] {
    guard limit > 0, !backups.isEmpty else { return [] }
    if offset == 0 {
      // Read in place: copying each record out (strings and all) cost more than the rest.
      var keys: [(Double, Int, Int)] = []
      keys.reserveCapacity(include == nil ? backups.count : 64)
      backups.withUnsafeBufferPointer { records in
        for position in records.indices where include?(records[position]) ?? true {
          keys.append((records[position].updated(at: now), records[position].seq, position))
        }
      }
      return smallest(limit, of: keys, by: Self.before).map(\.2)
    }
    let order = sorted(backups, at: now)
    var result: [Int] = []
    result.reserveCapacity(limit)
    var skipped = 0
    for position in order {
      let p = Int(position)
      if let include, !include(backups[p]) { continue }
      if skipped < offset {
        skipped += 1
        continue
      }
      result.append(p)
      if result.count == limit { break }
    }
    return result
  }

  private static func before(_ a: (Double, Int, Int), _ b: (Double, Int, Int)) -> Bool {
    a.0 != b.0 ? a.0 > b.0 : a.1 > b.1
  }

  private func sorted(_ backups: [BackupRecord], at now: Double) -> [Int32] {
    let count = backups.count
    let (firstSeq, lastSeq) = (backups[0].seq, backups[count - 1].seq)
    if let kept = cache.withLock({ $0 }), kept.count == count, kept.firstSeq == firstSeq,
      kept.lastSeq == lastSeq, now >= kept.at, now - kept.at < Self.reuseWindow
    {
      return kept.positions
    }
    let updated = backups.withUnsafeBufferPointer { records in
      records.indices.map { records[$0].updated(at: now) }
    }
    var positions = (0..<Int32(count)).map { $0 }
    positions.sort { a, b in
      let (ua, ub) = (updated[Int(a)], updated[Int(b)])
      return ua != ub ? ua > ub : a > b  // positions follow seq
    }
    cache.withLock {
      $0 = Sorted(count: count, firstSeq: firstSeq, lastSeq: lastSeq, at: now, positions: positions)
    }
    return positions
  }
}
