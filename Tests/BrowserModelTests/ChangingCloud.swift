import CloudClient
import Foundation
import Synchronization

/// An in-memory cloud whose snapshots and backups change the way real ones do, for the fast
/// refresh tests: every change bumps `updated`; a new snapshot has none until its first save;
/// a deletion goes through `deleting` (snapshots) before the item is gone. Lists come
/// newest-updated first with ties in a shuffled order (a database promises none), null last;
/// snapshots also newest-created first; pages of `limit` with an ID marker.
final class ChangingCloud: CloudService, RecentChangesListing, Sendable {
  struct World {
    var snapshots: [String: Snapshot] = [:]
    var backups: [String: Backup] = [:]
    var clock: Double = 0
    var serial = 0
    /// Shuffles ties differently on every request.
    var shuffle: UInt64 = 1
    var requests = 0
    /// Answer lists in creation order instead (a server that ignores `sort`).
    var ignoresSort = false
    /// Rackspace v1: no ordered pages at all.
    var noOrder = false
    /// Seconds the clock moves while a whole list is read (what a large list costs).
    var wholeListCost: Double = 0
  }

  let world = Mutex(World())
  let base = Date(timeIntervalSince1970: 1_800_000_000)

  var now: Date { world.withLock { base.addingTimeInterval($0.clock) } }
  var requests: Int { world.withLock { $0.requests } }

  // MARK: changes

  /// Applies one random change chosen by `roll` (any integer).
  func change(_ roll: Int) {
    world.withLock { w in
      let r = abs(roll)
      let action = r % 10
      let t = base.addingTimeInterval(w.clock)
      let snapIDs = w.snapshots.keys.sorted()
      let backupIDs = w.backups.keys.sorted()
      func pick(_ ids: [String]) -> String? { ids.isEmpty ? nil : ids[(r / 10) % ids.count] }
      switch action {
      case 0:
        w.serial += 1
        w.snapshots["s\(w.serial)"] = Snapshot(
          id: "s\(w.serial)", name: "new\(w.serial)", volumeID: "v\(r % 3)", status: .creating,
          size: 1 + r % 5, created: t, updated: nil, progress: 0)
      case 1, 2:
        guard let id = pick(snapIDs), var s = w.snapshots[id] else { return }
        switch s.status {
        case .creating:
          let p = min(100, (s.progress ?? 0) + Double(10 + r % 60))
          s.progress = p
          if p >= 100 { s.status = r % 7 == 0 ? .error : .available }
        case .deleting:
          // Gone only once its `deleting` has been listable at least once (its clock moved
          // on): a settled snapshot deleted entirely between two ticks is seen by the whole
          // list, not a fast tick, by design (`wholeListCatchesDeletions`). CI found a
          // history that deleted one within a single step.
          guard let since = s.updated, since < t else { return }
          w.snapshots[id] = nil
          return
        default:
          if r % 3 == 0 { s.status = .deleting } else { s.name = "renamed\(r % 97)" }
        }
        s.updated = t
        w.snapshots[id] = s
      case 3:
        w.serial += 1
        w.backups["b\(w.serial)"] = Backup(
          id: "b\(w.serial)", name: "bk\(w.serial)", instanceID: "i\(r % 4)", status: .new,
          created: t, updated: t)
      case 4, 5:
        guard let id = pick(backupIDs), var b = w.backups[id] else { return }
        switch b.status {
        case .new: b.status = .building
        case .building:
          b.status = r % 5 == 0 ? .failed : .completed
          b.size = Double(r % 9)
        default: b.name = "renamed\(r % 89)"
        }
        b.updated = t
        w.backups[id] = b
      case 6, 7:
        w.clock += 1
      default:
        break  // nothing happens this step
      }
    }
  }

  /// Seeds `count` settled snapshots and backups with distinct update times.
  func seed(_ count: Int) {
    world.withLock { w in
      for i in 0..<count {
        let t = base.addingTimeInterval(Double(i) - Double(count))
        w.snapshots["s-seed\(i)"] = Snapshot(
          id: "s-seed\(i)", name: "seed\(i)", volumeID: "v\(i % 3)", status: .available,
          size: 1 + i % 4, created: t, updated: t, progress: 100)
        w.backups["b-seed\(i)"] = Backup(
          id: "b-seed\(i)", name: "seed\(i)", instanceID: "i\(i % 4)", size: Double(i % 5),
          status: .completed, created: t, updated: t)
      }
    }
  }

  // MARK: ordering

  private static func ordered<T>(
    _ items: [T], key: (T) -> Date?, id: (T) -> String, created: (T) -> Date?,
    shuffle: UInt64, ignoresSort: Bool
  ) -> [T] {
    if ignoresSort {
      return items.sorted {
        (created($0) ?? .distantPast, id($0)) > (created($1) ?? .distantPast, id($1))
      }
    }
    func tie(_ text: String) -> UInt64 {
      var h = shuffle &* 0x9E37_79B9_7F4A_7C15
      for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
      return h
    }
    return items.sorted { a, b in
      switch (key(a), key(b)) {
      case (nil, nil): return tie(id(a)) < tie(id(b))
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?): return x != y ? x > y : tie(id(a)) < tie(id(b))
      }
    }
  }

  private func page<T>(
    _ items: [T], id: (T) -> String, limit: Int, after: RecentCursor?
  ) -> RecentPage<T> {
    var start = 0
    if let marker = after?.token, let i = items.firstIndex(where: { id($0) == marker }) {
      start = i + 1
    }
    let slice = Array(items[min(start, items.count)...].prefix(limit))
    let next = slice.count == limit ? slice.last.map { RecentCursor(token: id($0)) } : nil
    return RecentPage(items: slice, next: next)
  }

  // MARK: RecentChangesListing

  func recentlyUpdatedBackups(region: String, limit: Int, after: RecentCursor?) async throws
    -> RecentPage<Backup>?
  {
    let (items, shuffle, ignores, noOrder) = world.withLock { w in
      w.requests += 1
      w.shuffle &+= 1
      return (Array(w.backups.values), w.shuffle, w.ignoresSort, w.noOrder)
    }
    if noOrder { return nil }
    let sorted = Self.ordered(
      items, key: \.updated, id: \.id, created: \.created, shuffle: shuffle, ignoresSort: ignores)
    return page(sorted, id: \.id, limit: limit, after: after)
  }

  func recentlyUpdatedSnapshots(region: String, limit: Int, after: RecentCursor?) async throws
    -> RecentPage<Snapshot>?
  {
    let (items, shuffle, ignores, noOrder) = world.withLock { w in
      w.requests += 1
      w.shuffle &+= 1
      return (Array(w.snapshots.values), w.shuffle, w.ignoresSort, w.noOrder)
    }
    if noOrder { return nil }
    let sorted = Self.ordered(
      items, key: \.updated, id: \.id, created: \.created, shuffle: shuffle, ignoresSort: ignores)
    return page(sorted, id: \.id, limit: limit, after: after)
  }

  func recentlyCreatedSnapshots(region: String, limit: Int, after: RecentCursor?) async throws
    -> RecentPage<Snapshot>?
  {
    let (items, shuffle, noOrder) = world.withLock { w in
      w.requests += 1
      w.shuffle &+= 1
      return (Array(w.snapshots.values), w.shuffle, w.noOrder)
    }
    if noOrder { return nil }
    let sorted = Self.ordered(
      items, key: \.created, id: \.id, created: \.created, shuffle: shuffle, ignoresSort: false)
    return page(sorted, id: \.id, limit: limit, after: after)
  }

  // MARK: CloudService

  func regions() async throws -> [String] { ["ORD"] }

  func listBackups(region: String) async throws -> [Backup] {
    world.withLock { w in
      w.requests += 1
      w.clock += w.wholeListCost
      return w.backups.values.sorted { $0.id < $1.id }
    }
  }

  func listSnapshots(region: String) async throws -> [Snapshot] {
    world.withLock { w in
      w.requests += 1
      return w.snapshots.values.sorted { $0.id < $1.id }
    }
  }

  func listInstances(region: String) async throws -> [DatabaseInstance] { [] }
  func listVolumes(region: String) async throws -> [Volume] { [] }

  func backup(id: String, region: String) async throws -> Backup {
    let found = world.withLock { w in
      w.requests += 1
      return w.backups[id]
    }
    guard let found else { throw CloudError(kind: .notFound, status: 404, summary: "gone") }
    return found
  }

  func snapshot(id: String, region: String) async throws -> Snapshot {
    let found = world.withLock { w in
      w.requests += 1
      return w.snapshots[id]
    }
    guard let found else { throw CloudError(kind: .notFound, status: 404, summary: "gone") }
    return found
  }

  func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup {
    throw CloudError(kind: .invalidRequest, summary: "not here")
  }
  func deleteBackup(id: String, region: String) async throws {
    world.withLock { _ = $0.backups.removeValue(forKey: id) }
  }
  func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws -> Snapshot {
    throw CloudError(kind: .invalidRequest, summary: "not here")
  }
  func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String) async throws
    -> Snapshot
  {
    throw CloudError(kind: .invalidRequest, summary: "not here")
  }
  func deleteSnapshot(id: String, region: String) async throws {}
}

/// The same cloud seen only through whole lists: the reference the fast path is held to.
struct WholeListsOnly: CloudService {
  let cloud: ChangingCloud

  func regions() async throws -> [String] { try await cloud.regions() }
  func listBackups(region: String) async throws -> [Backup] {
    try await cloud.listBackups(region: region)
  }
  func listSnapshots(region: String) async throws -> [Snapshot] {
    try await cloud.listSnapshots(region: region)
  }
  func listInstances(region: String) async throws -> [DatabaseInstance] { [] }
  func listVolumes(region: String) async throws -> [Volume] { [] }
  func backup(id: String, region: String) async throws -> Backup {
    try await cloud.backup(id: id, region: region)
  }
  func snapshot(id: String, region: String) async throws -> Snapshot {
    try await cloud.snapshot(id: id, region: region)
  }
  func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup {
    try await cloud.createBackup(request, region: region)
  }
  func deleteBackup(id: String, region: String) async throws {}
  func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws -> Snapshot {
    try await cloud.createSnapshot(request, region: region)
  }
  func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String) async throws
    -> Snapshot
  {
    try await cloud.updateSnapshot(id: id, request, region: region)
  }
  func deleteSnapshot(id: String, region: String) async throws {}
}
