import Foundation

/// Newest-updated-first pages, one at a time, for fast refreshes.
extension CloudSession: RecentChangesListing {
  public func recentlyUpdatedBackups(region: String, limit: Int, after: RecentCursor?)
    async throws -> RecentPage<Backup>?
  {
    // Trove lists newest-updated first without being asked (and takes no sort parameter).
    try await recentPage(
      .database, region: region, after: after, operation: "Listing changed backups",
      firstURL: { $0.url + "/backups?limit=\(Self.clamp(limit))" },
      decode: ListPageDecoder.backups)
  }

  public func recentlyUpdatedSnapshots(region: String, limit: Int, after: RecentCursor?)
    async throws -> RecentPage<Snapshot>?
  {
    // Rackspace's v1 has no updated_at to sort on.
    guard try await endpoint(.blockStorage, region: region).apiVersion >= 2 else { return nil }
    return try await recentPage(
      .blockStorage, region: region, after: after, operation: "Listing changed snapshots",
      firstURL: { $0.url + "/snapshots/detail?sort=updated_at:desc&limit=\(Self.clamp(limit))" },
      decode: ListPageDecoder.snapshots)
  }

  public func recentlyCreatedSnapshots(region: String, limit: Int, after: RecentCursor?)
    async throws -> RecentPage<Snapshot>?
  {
    guard try await endpoint(.blockStorage, region: region).apiVersion >= 2 else { return nil }
    return try await recentPage(
      .blockStorage, region: region, after: after, operation: "Listing new snapshots",
      firstURL: { $0.url + "/snapshots/detail?sort=created_at:desc&limit=\(Self.clamp(limit))" },
      decode: ListPageDecoder.snapshots)
  }

  private static func clamp(_ limit: Int) -> Int { min(max(limit, 1), 1_000) }

  private func recentPage<Item: Sendable>(
    _ kind: ServiceKind, region: String, after: RecentCursor?, operation: String,
    firstURL: (ServiceEndpoint) -> String, decode: (Data) throws -> ListPage<Item>
  ) async throws -> RecentPage<Item> {
    let service = try await endpoint(kind, region: region)
    let url = after?.url ?? firstURL(service)
    let response = try await send(.GET, url, service: service, kind: kind, operation: operation)
    let page: ListPage<Item>
    do {
      page = try decode(response.body)
    } catch {
      throw transport.errors.malformed(response, operation: operation)
    }
    var next = page.next.map { PageLinks.follow($0, from: url) }
    // A link to itself, an empty page or an absurd link ends the walk.
    if next == url || page.items.isEmpty || (next?.utf8.count ?? 0) > PagesSeen.maxURLBytes {
      next = nil
    }
    return RecentPage(
      items: page.items, next: next.map(RecentCursor.init(token:)), unreadable: page.unreadable)
  }
}
