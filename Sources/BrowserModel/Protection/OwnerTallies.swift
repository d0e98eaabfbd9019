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

/// One row of an owner, as its tally needs it. An owner's members are kept sorted by
/// date, then ID (the tallies' order of "newest"), so a tally that lost a newest value finds
/// the next one from the top of this compact array, without reading the pane's rows (a
/// recount of 200 instances used to read 20,000 rows: the recompute's p99), and a logged
/// change finds its member by binary search on the share it had.
struct OwnerMember: Sendable, Equatable {
  var id: String
  /// The share's `date` (distant past when the item has no creation time).
  var date: Double
  var counted: Bool
  var good: Bool
  var failed: Bool
  var moving: Bool

  init(_ share: OwnerShare, id: String) {
    self.id = id
    date = share.date
    counted = share.counted
    good = share.good
    failed = share.failed
    moving = share.moving
  }

  /// Older first; equal dates by ID (IDs are unique in a region, so the order is total).
  static func before(_ a: OwnerMember, _ b: OwnerMember) -> Bool {
    a.date < b.date || (a.date == b.date && a.id < b.id)
  }
}

/// A tally per instance (volume) of each region, and its rows (`OwnerMember`s), for one
/// pane: counted once in a pass over the pane, then kept up to date from the pane's
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
  /// The pane's rows of each slot, counted or not, sorted by `OwnerMember.before`.
  private(set) var members: [[OwnerMember]] = []

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
        members[slot].append(OwnerMember(share, id: id))
        tallies[slot].add(share, id: id)
      }
    }
    // Lists usually come oldest or newest first: sorting an ordered run is linear.
    for slot in members.indices { members[slot].sort(by: OwnerMember.before) }
  }

  /// The tally of an owner (an empty one when it has no rows).
  func tally(region: String, owner: String) -> OwnerTally {
    slotOf[RowID(region: region, id: owner)].map { tallies[$0] } ?? OwnerTally()
  }

  /// The slot of an owner, if it has one.
  func slot(region: String, owner: String) -> Int? {
    slotOf[RowID(region: region, id: owner)]
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

  /// Where `member` is (or would go) among the slot's members.
  private func place(of member: OwnerMember, in slot: Int) -> Int {
    members[slot].withUnsafeBufferPointer { list in
      var low = 0
      var high = list.count
      while low < high {
        let mid = (low + high) / 2
        // Dates first: IDs are compared only between equal dates.
        let other = list[mid].date
        if other < member.date || (other == member.date && list[mid].id < member.id) {
          low = mid + 1
        } else {
          high = mid
        }
      }
      return low
    }
  }

  /// The position of the member a share came from; nil when the slot does not hold it as
  /// that share (the log and the tallies disagree).
  private func find(_ share: OwnerShare, id: String, in slot: Int) -> Int? {
    let member = OwnerMember(share, id: id)
    let at = place(of: member, in: slot)
    return at < members[slot].count && members[slot][at] == member ? at : nil
  }

  private mutating func insert(_ member: OwnerMember, in slot: Int) {
    members[slot].insert(member, at: place(of: member, in: slot))
  }

  /// Applies the pane's changes since the tallies were last brought up to date; false when
  /// they do not fit what the tallies hold (the caller counts the pane afresh).
  mutating func apply(_ log: [OwnerChangeLog.Entry], pane: PaneState) -> Bool {
    var stale: [Int] = []
    for entry in log {
      let id = entry.id.id
      if let before = entry.before {
        guard let slot = slotOf[RowID(region: entry.id.region, id: before.owner)],
          let at = find(before, id: id, in: slot)
        else { return false }
        if let after = entry.after, after.owner == before.owner {
          tallies[slot].replace(before, with: after, id: id)
          let member = OwnerMember(after, id: id)
          if member.date == before.date {
            members[slot][at] = member
          } else {
            members[slot].remove(at: at)
            insert(member, in: slot)
          }
          if tallies[slot].stale { stale.append(slot) }
          continue
        }
        tallies[slot].remove(before, id: id)
        members[slot].remove(at: at)
        if tallies[slot].stale { stale.append(slot) }
      }
      if let after = entry.after {
        let slot = slot(RowID(region: entry.id.region, id: after.owner))
        insert(OwnerMember(after, id: id), in: slot)
        tallies[slot].add(after, id: id)
      }
    }
    for slot in stale where tallies[slot].stale { renewNewest(slot) }
    return true
  }

  /// Finds a stale tally's newest values again from the top of its members (its count and
  /// size are kept exactly by adding and subtracting).
  private mutating func renewNewest(_ slot: Int) {
    var tally = tallies[slot]
    tally.newestGoodID = nil
    tally.newestGoodDate = -.infinity
    tally.newestEndedID = nil
    tally.newestEndedDate = -.infinity
    tally.newestEndedFailed = false
    tally.newestStarted = -.infinity
    tally.stale = false
    var startedFound = false
    members[slot].withUnsafeBufferPointer { list in
      for member in list.reversed() where member.counted {
        if !startedFound {
          // The newest counted member has the newest creation time, if any has one.
          tally.newestStarted = member.date
          startedFound = true
        }
        if member.good, tally.newestGoodID == nil {
          tally.newestGoodID = member.id
          tally.newestGoodDate = member.date
        }
        if !member.moving, tally.newestEndedID == nil {
          tally.newestEndedID = member.id
          tally.newestEndedDate = member.date
          tally.newestEndedFailed = member.failed
        }
        if tally.newestGoodID != nil, tally.newestEndedID != nil { break }
      }
    }
    tallies[slot] = tally
  }

  /// Owners of a region, with their slots.
  func slots(in region: String) -> [Int] {
    owners.indices.filter { owners[$0].region == region }
  }
}
