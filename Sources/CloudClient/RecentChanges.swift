/// One page of a list read newest-updated first, and where the next one starts.
public struct RecentPage<Item: Sendable>: Sendable {
  /// The items, in the server's order (newest `updated` first).
  public var items: [Item]
  /// Where the next page starts (opaque: a URL the session made); nil on the last page.
  public var next: RecentCursor?
  /// Items on the page that could not be read (skipped).
  public var unreadable: Int

  public init(items: [Item], next: RecentCursor?, unreadable: Int = 0) {
    self.items = items
    self.next = next
    self.unreadable = unreadable
  }
}

/// Where the next page of a newest-updated-first list starts. Only the session that made it
/// can follow it.
public struct RecentCursor: Sendable, Hashable {
  let url: String

  /// For fakes in tests: any text that the same fake understands.
  public init(token: String) { url = token }

  /// What `init(token:)` was given, for fakes.
  public var token: String { url }
}

/// What a cloud can tell about the items that changed lately, so a fast refresh reads a
/// page or two instead of the whole list (issue 17).
///
/// A service that does not conform is refreshed by whole lists only. A method answers nil
/// when the endpoint cannot order that list by update time (Rackspace's Cinder v1 has no
/// `updated_at`); the caller then checks the rows it watches one by one.
public protocol RecentChangesListing: Sendable {
  /// Backups newest-updated first: Trove's own order (`Backup._paginate` orders by
  /// `updated DESC`; trove-26/backups.json), which Rackspace's docs show but do not promise.
  /// The caller checks the order it gets.
  func recentlyUpdatedBackups(region: String, limit: Int, after: RecentCursor?) async throws
    -> RecentPage<Backup>?

  /// Snapshots with `sort=updated_at:desc` (Cinder v2/v3; the next link keeps the sort:
  /// cinder-29/snapshots-detail-sort-updated-desc-limit2*.json); nil on v1.
  func recentlyUpdatedSnapshots(region: String, limit: Int, after: RecentCursor?) async throws
    -> RecentPage<Snapshot>?

  /// Snapshots newest-created first (`sort=created_at:desc`, Cinder's default order); nil on
  /// v1. A new snapshot's `updated_at` is null until its first save
  /// (cinder-29/snapshot-show-r2-a-creating.json), and nulls sort last in descending order,
  /// so new snapshots are found here.
  func recentlyCreatedSnapshots(region: String, limit: Int, after: RecentCursor?) async throws
    -> RecentPage<Snapshot>?
}
