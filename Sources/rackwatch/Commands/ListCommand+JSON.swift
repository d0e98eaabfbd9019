import CloudClient
import Foundation

/// `list --format json` of one region, page by page (issue 17).
extension ListCommand {
  /// One region's list as JSON text: each page is turned into text as soon as it arrives,
  /// while the session already fetches the next one, so little work is left once the last
  /// page is in. Nothing is printed until the list is complete: a failure midway still
  /// prints nothing and exits as before. The text comes back in chunks of about 1 MB, to be
  /// written out in order. `keep` nil keeps every item (no filter): snapshots are then
  /// written without building records or `Snapshot` values (`SnapshotJSONPage`).
  static func json(
    _ kind: ListedKind, region: String, from session: CloudSession,
    keep: ((Record) -> Bool)?
  ) async throws -> [[UInt8]] {
    var array = JSONArrayText(chunkBytes: 1 << 20)
    func add<Item>(
      _ pages: AsyncThrowingStream<[Item], any Error>, _ record: (Item) -> Record
    ) async throws {
      for try await page in pages {
        for item in page {
          let made = record(item)
          if keep?(made) ?? true { array.append(made) }
        }
      }
    }
    switch kind {
    case .backups:
      try await add(session.backupPages(region: region)) {
        ResourceRecords.backup($0, region: region)
      }
    case .snapshots where keep == nil && SnapshotJSON.matchesDescriptor:
      // Each page is written as it is read, mostly straight from its bytes.
      let pages = session.snapshotPages(region: region) { SnapshotJSONPage(region: region) }
      for try await page in pages { array.append(objects: page.text.bytes, count: page.count) }
    case .snapshots:
      try await add(session.snapshotPages(region: region)) {
        ResourceRecords.snapshot($0, region: region)
      }
    case .instances:
      try await add(session.instancePages(region: region)) {
        ResourceRecords.instance($0, region: region)
      }
    case .volumes:
      try await add(session.volumePages(region: region)) {
        ResourceRecords.volume($0, region: region)
      }
    }
    if Task.isCancelled { throw CloudError(kind: .cancelled, summary: "Listing cancelled") }
    return array.finishChunks()
  }

  /// The list's "could not be read" warning, once, on stderr: the items that were read are
  /// still listed.
  static func warn(_ report: ListReport) {
    if let warning = report.warning {
      StandardError.write("rackwatch: warning: \(TerminalSafe.sanitize(warning))\n")
    }
  }
}
