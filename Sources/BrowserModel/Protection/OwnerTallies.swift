import Foundation

/// What the Protection view knows of one instance's backups (one volume's snapshots).
///
/// Counts and sizes are kept by adding and subtracting shares; the newest ones are maxima,
/// which a removal cannot undo, so removing the row that holds one marks the tally `stale`
/// and it is recounted from its rows. Ties between equal dates go to the greater item ID, so
/// a tally does not depend on the order its rows arrived in.
struct OwnerTally: Sendable, Equatable {
  var count = 0
  var units: Int64 = 0
  /// The newest good item (its ID and creation date).
  var newestGoodID: String?
  var newestGoodDate = -Double.infinity
  /// The newest item that is not moving, and whether it failed.
  var newestEndedID: String?
  var newestEndedDate = -Double.infinity
  var newestEndedFailed = false
  /// The newest creation date of any item (a scheduled run counts once it started).
  var newestStarted = -Double.infinity
  var stale = false

  static func newer(_ date: Double, _ id: String, than otherDate: Double, _ otherID: String?)
    -> Bool
  {
    guard let otherID else { return true }
    return date > otherDate || (date == otherDate && id > otherID)
  }

  mutating func add(_ share: OwnerShare, id: String) {
    guard share.counted else { return }
    count += 1
    let date = share.date
    // The row holding a newest value takes its new date (`replace` checked it is not older).
    if share.good {
      units += share.units
      if newestGoodID == id || Self.newer(date, id, than: newestGoodDate, newestGoodID) {
        newestGoodID = id
        newestGoodDate = date
      }
    }
    if !share.moving,
      newestEndedID == id || Self.newer(date, id, than: newestEndedDate, newestEndedID)
    {
      newestEndedID = id
      newestEndedDate = date
      newestEndedFailed = share.failed
    }
    if !share.created.isNaN, share.created > newestStarted { newestStarted = share.created }
  }

  /// Takes a share out; a share that held a newest value leaves the tally `stale`.
  mutating func remove(_ share: OwnerShare, id: String) {
    guard share.counted else { return }
    count -= 1
    if share.good {
      units -= share.units
      if newestGoodID == id { stale = true }
    }
    if !share.moving, newestEndedID == id { stale = true }
    if !share.created.isNaN, share.created >= newestStarted { stale = true }
  }

  /// A row of this owner changed: its old share out, the new one in. A recount is needed
  /// only when the row held a newest value and its new share is older or no longer counts
  /// for it (a job finishing, the common change, never needs one).
  mutating func replace(_ before: OwnerShare, with after: OwnerShare, id: String) {
    if before.counted {
      count -= 1
      if before.good { units -= before.units }
      let keeps = after.counted && after.date >= before.date
      if before.good, newestGoodID == id, !(keeps && after.good) { stale = true }
      if !before.moving, newestEndedID == id, !(keeps && !after.moving) { stale = true }
      if !before.created.isNaN, before.created >= newestStarted,
        !(after.counted && after.created >= before.created)
      {
        stale = true
      }
    }
    add(after, id: id)
  }

  var goodSize: Double { OwnerShare.gigabytes(units) }

  /// The newest good item's creation date (nil when there is none or it has no date).
  var newestGoodCreated: Date? {
    guard newestGoodID != nil, newestGoodDate.isFinite else { return nil }
    return Date(timeIntervalSince1970: newestGoodDate)
  }

  /// As the verdict logic reads it.
  var report: ProtectionReport.Tally {
    var tally = ProtectionReport.Tally()
    tally.count = count
    tally.goodSize = goodSize
    tally.newestEndedFailed = newestEndedFailed
    tally.newestStarted = newestStarted.isFinite ? Date(timeIntervalSince1970: newestStarted) : nil
    return tally
  }
}

/// A tally per instance (volume) of each region, and the IDs of its rows, for one pane:
/// counted once in a pass over the pane, then kept up to date from the pane's
/// `OwnerChangeLog`, so a refresh costs the changes it brought, not the pane.
///
/// Owners are keyed by region and lower-cased ID (as rows keep them), whether or not the
/// instance is listed: a backup whose instance is gone is an orphan under the same key.
struct OwnerTallies: Sendable {
  let slots: OwnerShare.Slots
  private(set) var slotOf: [RowID: Int] = [:]
  /// Region and owner key of each slot.
  private(set) var owners: [RowID] = []
  private(set) var tallies: [OwnerTally] = []
  /// IDs of the pane's rows of each slot, counted or not.
  private(set) var members: [[String]] = []

  /// Counts the whole pane.
  init(counting pane: PaneState, _ slots: OwnerShare.Slots) {
    self.slots = slots
    pane.rows.withUnsafeBufferPointer { rows in
      guard let base = rows.baseAddress else { return }
      // The previous row's slot: rows of one owner often arrive together.
      var last = -1
      for index in rows.indices {
        guard let share = OwnerShare(base + index, slots) else { continue }
        let region = rows[index].id.region
        var slot = last
        if slot < 0 || owners[slot].id != share.owner || owners[slot].region != region {
          slot = self.slot(RowID(region: region, id: share.owner))
        }
        last = slot
        let id = rows[index].id.id
        members[slot].append(id)
        tallies[slot].add(share, id: id)
      }
    }
  }

  /// The tally of an owner (an empty one when it has no rows).
  func tally(region: String, owner: String) -> OwnerTally {
    slotOf[RowID(region: region, id: owner)].map { tallies[$0] } ?? OwnerTally()
  }

  private mutating func slot(_ key: RowID) -> Int {
    if let slot = slotOf[key] { return slot }
    let slot = owners.count
    slotOf[key] = slot
    owners.append(key)
    tallies.append(OwnerTally())
    members.append([])
    return slot
  }

  /// Applies the pane's changes since the tallies were last brought up to date; false when
  /// they do not fit what the tallies hold (the caller counts the pane afresh).
  mutating func apply(_ log: [OwnerChangeLog.Entry], pane: PaneState) -> Bool {
    var stale: [Int] = []
    for entry in log {
      let id = entry.id.id
      if let before = entry.before, let after = entry.after, before.owner == after.owner {
        guard let slot = slotOf[RowID(region: entry.id.region, id: before.owner)] else {
          return false
        }
        tallies[slot].replace(before, with: after, id: id)
        if tallies[slot].stale { stale.append(slot) }
        continue
      }
      if let before = entry.before {
        guard let slot = slotOf[RowID(region: entry.id.region, id: before.owner)] else {
          return false
        }
        tallies[slot].remove(before, id: id)
        if entry.after?.owner != before.owner {
          guard let at = members[slot].firstIndex(of: id) else { return false }
          members[slot].swapAt(at, members[slot].count - 1)
          members[slot].removeLast()
        }
        if tallies[slot].stale { stale.append(slot) }
      }
      if let after = entry.after {
        let slot = slot(RowID(region: entry.id.region, id: after.owner))
        if entry.before?.owner != after.owner { members[slot].append(id) }
        tallies[slot].add(after, id: id)
      }
    }
    for slot in stale where tallies[slot].stale { recount(slot, pane) }
    return true
  }

  /// Counts one owner afresh from its rows.
  private mutating func recount(_ slot: Int, _ pane: PaneState) {
    var tally = OwnerTally()
    let region = owners[slot].region
    for id in members[slot] {
      guard let index = pane.position(of: RowID(region: region, id: id)),
        let share = pane.share(at: index, slots)
      else { continue }
      tally.add(share, id: id)
    }
    tallies[slot] = tally
  }

  /// Owners of a region, with their slots.
  func slots(in region: String) -> [Int] {
    owners.indices.filter { owners[$0].region == region }
  }
}
