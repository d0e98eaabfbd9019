import Foundation

/// Cloud Block Storage (Cinder v1/v2/v3): snapshots and the volumes they are taken of.
extension CloudSession {
  /// Snapshots (detail) page by page, following `snapshots_links` rel=next.
  public func snapshotPages(region: String) -> AsyncThrowingStream<[Snapshot], any Error> {
    let limit = configuration.pageSize
    return pageStream(
      .blockStorage, region: region, operation: "Listing snapshots",
      firstURL: { $0.url + "/snapshots/detail?limit=\(limit)" },
      decode: ListPageDecoder.snapshots)
  }

  /// Snapshots (detail) page by page as `snapshotPages`, each page written into a sink made
  /// by `make` as it is read (issue 17: `list --format json` turns the page's bytes into
  /// text without making a `Snapshot` of each). One sink per page with snapshots; paging,
  /// status handling, retries, bounds and errors as `snapshotPages`.
  public func snapshotPages<Sink: SnapshotPageSink>(
    region: String, into make: @escaping @Sendable () -> Sink
  ) -> AsyncThrowingStream<Sink, any Error> {
    let limit = configuration.pageSize
    return pageStream(
      .blockStorage, region: region, operation: "Listing snapshots",
      firstURL: { $0.url + "/snapshots/detail?limit=\(limit)" },
      read: { try ListPageDecoder.snapshots($0, into: make) })
  }

  /// Every snapshot in the region (detail, all pages).
  public func listSnapshots(region: String) async throws -> [Snapshot] {
    try await collect(snapshotPages(region: region), operation: "Listing snapshots")
  }

  /// One snapshot with its progress; `.notFound` once it is deleted.
  public func snapshot(id: String, region: String) async throws -> Snapshot {
    let operation = "Reading snapshot \(id)"
    let service = try await endpoint(.blockStorage, region: region)
    let response = try await send(
      .GET, service.url + "/snapshots/\(Self.segment(id))", service: service,
      kind: .blockStorage, operation: operation)
    return try decode(SnapshotWire.One.self, response, operation: operation).snapshot.value
  }

  /// Creates a snapshot with the field names of the endpoint's API version (v1
  /// `display_name`, v2/v3 `name`). Rackspace v1 answers 200, Cinder v3 202.
  public func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws
    -> Snapshot
  {
    let operation = "Creating snapshot"
    guard !request.volumeID.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw CloudError(kind: .invalidRequest, summary: "\(operation) failed: a volume is required")
    }
    guard request.name.count <= 255, (request.description?.count ?? 0) <= 255 else {
      throw CloudError(
        kind: .invalidRequest,
        summary: "\(operation) failed: name and description must be 255 characters or fewer")
    }
    let service = try await endpoint(.blockStorage, region: region)
    let response = try await send(
      .POST, service.url + "/snapshots", service: service, kind: .blockStorage,
      body: try SnapshotWire.createBody(request, apiVersion: service.apiVersion),
      operation: operation)
    return try decode(SnapshotWire.One.self, response, operation: operation).snapshot.value
  }

  /// Renames or re-describes a snapshot; nil fields are left as they are.
  public func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String)
    async throws -> Snapshot
  {
    let operation = "Updating snapshot \(id)"
    guard request.name != nil || request.description != nil else {
      throw CloudError(kind: .invalidRequest, summary: "\(operation) failed: nothing to change")
    }
    guard (request.name?.count ?? 0) <= 255, (request.description?.count ?? 0) <= 255 else {
      throw CloudError(
        kind: .invalidRequest,
        summary: "\(operation) failed: name and description must be 255 characters or fewer")
    }
    let service = try await endpoint(.blockStorage, region: region)
    let response = try await send(
      .PUT, service.url + "/snapshots/\(Self.segment(id))", service: service,
      kind: .blockStorage,
      body: try SnapshotWire.updateBody(request, apiVersion: service.apiVersion),
      operation: operation)
    return try decode(SnapshotWire.One.self, response, operation: operation).snapshot.value
  }

  /// Deletes a snapshot (202, empty body).
  public func deleteSnapshot(id: String, region: String) async throws {
    let service = try await endpoint(.blockStorage, region: region)
    _ = try await send(
      .DELETE, service.url + "/snapshots/\(Self.segment(id))", service: service,
      kind: .blockStorage, operation: "Deleting snapshot \(id)")
  }

  /// Volumes (detail) page by page.
  public func volumePages(region: String) -> AsyncThrowingStream<[Volume], any Error> {
    let limit = configuration.pageSize
    return pageStream(
      .blockStorage, region: region, operation: "Listing volumes",
      firstURL: { $0.url + "/volumes/detail?limit=\(limit)" },
      decode: {
        let page = try JSONDecoder().decode(VolumeWire.Page.self, from: $0)
        return ListPage(items: page.items, next: page.next)
      })
  }

  /// Every volume in the region (detail, all pages).
  public func listVolumes(region: String) async throws -> [Volume] {
    try await collect(volumePages(region: region), operation: "Listing volumes")
  }
}
