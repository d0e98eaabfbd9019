import CloudClient
import Foundation

/// Reads what changed in a backup or snapshot list since the runner's last result, without
/// listing it all (issue 17): a fast tick of 100,000 settled rows with 300 in motion costs a
/// page or two, not 100 pages.
///
/// - **Ordered** (Trove backups, Cinder v2/v3 snapshots with `sort=updated_at:desc`): pages
///   are read newest-updated first until an item the runner holds with the same update
///   time, then on until update times fall `skew` seconds below it (ties and clocks a little
///   apart). Every change bumps the update time (metadata too on Cinder 29:
///   snapshot-show-r2-a-after-metadata.json), so nothing changed lies further down.
/// - **By ID**, where the server gives no such order (Rackspace v1 snapshots, a server seen
///   out of order): each row in motion is read with a GET.
/// - Either way, a row in motion or waiting for an operation that the pages did not show is
///   read with a GET: 404 means it is gone.
///
/// It gives up (`nil`: list the whole) when more changed than a few pages hold, or more rows
/// need a GET than `maxChecks`. Deletions of settled rows (someone else's) need the whole
/// list, which the runner still runs at the slow interval and on `r`.
struct ChangeReader: Sendable {
  /// Pages read before giving up on the fast path.
  var maxPages = 5
  /// Rows read one by one before giving up on the fast path.
  var maxChecks = 30
  /// GETs in flight at once.
  var parallelChecks = 4
  /// How far below the first unchanged item's update time to read on (seconds).
  var skew = 1.0

  /// What the server said changed: items (changed or not) and IDs it no longer has.
  struct Found: Sendable {
    var fetched: [Resource] = []
    var gone: Set<String> = []
    /// Requests made.
    var requests = 0
    /// Items the server could not read (skipped).
    var unreadable = 0
  }

  enum Outcome: Sendable {
    case found(Found)
    /// The fast path cannot answer this time: list the whole.
    case wholeList
    /// The server's order is not newest-updated first: list the whole now, read by ID from
    /// now on.
    case unordered
  }

  /// The changes of one list. Throws what the server answered when a request failed.
  func changes(
    _ kind: PaneKind, region: String, held: HeldList, watch: Set<String>, ordered: Bool,
    service: any CloudService & RecentChangesListing
  ) async throws -> Outcome {
    var found = Found()
    var seen = Set<String>()
    if ordered {
      let limit = min(1_000, max(25, held.moving.count + held.moving.count / 4 + 25))
      var cursor: RecentCursor?
      var stop: Double?
      var last = Double.infinity
      var finished = false
      var pages = 0
      repeat {
        guard pages < maxPages else { return .wholeList }
        let page: RecentPage<Resource>
        switch try await Self.page(kind, region: region, limit: limit, after: cursor, service) {
        case .some(let value): page = value
        case .none: return try await byID(kind, region: region, held: held, watch: watch, service)
        }
        pages += 1
        found.requests += 1
        found.unreadable += page.unreadable
        for item in page.items {
          let time = ListDiffer.updateTime(item)
          if !time.isNaN {
            // The whole page is checked, past the stop: a server that ignores the sort shows
            // it here sooner or later.
            guard time <= last else { return .unordered }
            last = time
            if finished { continue }
            if let stop, time < stop - skew {
              finished = true
              continue
            }
            if stop == nil, let held = held.updated(of: item.id), held == time { stop = time }
          }
          if finished { continue }
          seen.insert(item.id)
          found.fetched.append(item)
        }
        cursor = page.next
      } while !finished && cursor != nil
      if kind == .snapshots {
        guard
          try await newlyCreated(region: region, held: held, service, into: &found, seen: &seen)
        else { return .wholeList }
      }
    } else {
      return try await byID(kind, region: region, held: held, watch: watch, service)
    }
    var check = held.moving.subtracting(seen)
    for rowID in watch {
      let id = held.serverID(forRowID: rowID)
      if !seen.contains(id) { check.insert(id) }
    }
    guard check.count <= maxChecks else { return .wholeList }
    try await read(check, kind, region: region, into: &found, service)
    return .found(found)
  }

  /// Reads snapshots newest-created first until one created `skew` seconds before the
  /// newest one already held: new snapshots whose `updated_at` is still null. Nil when more
  /// than `maxPages` pages are new: false.
  private func newlyCreated(
    region: String, held: HeldList, _ service: any RecentChangesListing,
    into found: inout Found, seen: inout Set<String>
  ) async throws -> Bool {
    var cursor: RecentCursor?
    var stop: Double?
    var pages = 0
    repeat {
      guard pages < maxPages else { return false }
      guard
        let page = try await service.recentlyCreatedSnapshots(
          region: region, limit: 25, after: cursor)
      else { return true }
      pages += 1
      found.requests += 1
      found.unreadable += page.unreadable
      for item in page.items {
        let created = item.created?.timeIntervalSince1970 ?? .nan
        if let stop, !created.isNaN, created < stop - skew { return true }
        if stop == nil, held.updated(of: item.id) != nil, !created.isNaN { stop = created }
        if seen.insert(item.id).inserted { found.fetched.append(.snapshot(item)) }
      }
      cursor = page.next
    } while cursor != nil
    return true
  }

  /// Reads every row in motion (and every watched row) by ID.
  private func byID(
    _ kind: PaneKind, region: String, held: HeldList, watch: Set<String>,
    _ service: any CloudService
  ) async throws -> Outcome {
    var check = held.moving
    for rowID in watch { check.insert(held.serverID(forRowID: rowID)) }
    guard check.count <= maxChecks else { return .wholeList }
    var found = Found()
    try await read(check, kind, region: region, into: &found, service)
    return .found(found)
  }

  /// GETs each ID, `parallelChecks` at a time; 404 puts it in `gone`.
  private func read(
    _ ids: Set<String>, _ kind: PaneKind, region: String, into found: inout Found,
    _ service: any CloudService
  ) async throws {
    guard !ids.isEmpty else { return }
    let ordered = ids.sorted()
    found.requests += ordered.count
    let width = max(1, parallelChecks)
    try await withThrowingTaskGroup(of: (String, Resource?).self) { group in
      var next = 0
      func start() {
        guard next < ordered.count else { return }
        let id = ordered[next]
        next += 1
        group.addTask {
          do {
            return (id, try await Self.one(kind, id: id, region: region, service))
          } catch let error as CloudError where error.kind == .notFound {
            return (id, nil)
          }
        }
      }
      for _ in 0..<width { start() }
      while let (id, resource) = try await group.next() {
        if let resource {
          found.fetched.append(resource)
        } else {
          found.gone.insert(id)
        }
        start()
      }
    }
  }

  private static func page(
    _ kind: PaneKind, region: String, limit: Int, after: RecentCursor?,
    _ service: any RecentChangesListing
  ) async throws -> RecentPage<Resource>? {
    switch kind {
    case .backups:
      guard
        let page = try await service.recentlyUpdatedBackups(
          region: region, limit: limit, after: after)
      else { return nil }
      return RecentPage(
        items: page.items.map(Resource.backup), next: page.next, unreadable: page.unreadable)
    case .snapshots:
      guard
        let page = try await service.recentlyUpdatedSnapshots(
          region: region, limit: limit, after: after)
      else { return nil }
      return RecentPage(
        items: page.items.map(Resource.snapshot), next: page.next, unreadable: page.unreadable)
    case .instances, .volumes:
      return nil
    }
  }

  private static func one(
    _ kind: PaneKind, id: String, region: String, _ service: any CloudService
  ) async throws -> Resource? {
    switch kind {
    case .backups: .backup(try await service.backup(id: id, region: region))
    case .snapshots: .snapshot(try await service.snapshot(id: id, region: region))
    case .instances, .volumes: nil
    }
  }
}
