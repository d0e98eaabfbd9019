import Foundation

/// Cloud Databases (Trove v1.0): backups and the instances they are taken of.
extension CloudSession {
  /// Backups page by page, following `links` rel=next. `datastore` filters by type
  /// (`mysql`); `instanceID` lists one instance's backups.
  public func backupPages(region: String, datastore: String? = nil, instanceID: String? = nil)
    -> AsyncThrowingStream<[Backup], any Error>
  {
    let limit = configuration.pageSize
    return pageStream(
      .database, region: region, operation: "Listing backups",
      firstURL: { service in
        let path =
          instanceID.map { "/instances/\(Self.segment($0))/backups" } ?? "/backups"
        let query = PageLinks.query([("limit", String(limit)), ("datastore", datastore)])
        return service.url + path + "?" + query
      },
      decode: ListPageDecoder.backups)
  }

  /// Every backup in the region (all pages).
  public func listBackups(region: String) async throws -> [Backup] {
    try await collect(backupPages(region: region), operation: "Listing backups")
  }

  /// Every backup of one datastore type.
  public func listBackups(region: String, datastore: String) async throws -> [Backup] {
    try await collect(
      backupPages(region: region, datastore: datastore), operation: "Listing backups")
  }

  /// Every backup of one instance.
  public func listBackups(region: String, instanceID: String) async throws -> [Backup] {
    try await collect(
      backupPages(region: region, instanceID: instanceID), operation: "Listing backups")
  }

  /// One backup; `.notFound` once it is deleted.
  public func backup(id: String, region: String) async throws -> Backup {
    let operation = "Reading backup \(id)"
    let service = try await endpoint(.database, region: region)
    let response = try await send(
      .GET, service.url + "/backups/\(Self.segment(id))", service: service, kind: .database,
      operation: operation)
    return try decode(BackupWire.One.self, response, operation: operation).backup.value
  }

  /// Starts a backup. The name is checked here (required, under 64 characters) so a bad one
  /// never reaches the server.
  public func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup {
    let operation = "Creating backup"
    let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else {
      throw CloudError(kind: .invalidRequest, summary: "\(operation) failed: a name is required")
    }
    guard request.name.count < BackupCreateRequest.nameLimit else {
      throw CloudError(
        kind: .invalidRequest,
        summary:
          "\(operation) failed: the name must be under \(BackupCreateRequest.nameLimit) characters")
    }
    guard !request.instanceID.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw CloudError(
        kind: .invalidRequest, summary: "\(operation) failed: an instance is required")
    }
    let service = try await endpoint(.database, region: region)
    let response = try await send(
      .POST, service.url + "/backups", service: service, kind: .database,
      body: try BackupWire.createBody(request), operation: operation)
    return try decode(BackupWire.One.self, response, operation: operation).backup.value
  }

  /// Deletes a backup (and, on Trove, its incremental children). 202 with an empty body.
  public func deleteBackup(id: String, region: String) async throws {
    let service = try await endpoint(.database, region: region)
    _ = try await send(
      .DELETE, service.url + "/backups/\(Self.segment(id))", service: service, kind: .database,
      operation: "Deleting backup \(id)")
  }

  /// Instances page by page (marker = last id).
  public func instancePages(region: String) -> AsyncThrowingStream<[DatabaseInstance], any Error> {
    let limit = configuration.pageSize
    return pageStream(
      .database, region: region, operation: "Listing instances",
      firstURL: { $0.url + "/instances?limit=\(limit)" },
      decode: {
        let page = try JSONDecoder().decode(InstanceWire.Page.self, from: $0)
        return ListPage(items: page.items, next: page.next)
      })
  }

  /// Every database instance in the region (all pages).
  public func listInstances(region: String) async throws -> [DatabaseInstance] {
    try await collect(instancePages(region: region), operation: "Listing instances")
  }
}
