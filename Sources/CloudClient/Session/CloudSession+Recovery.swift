import Foundation

/// Recovering from what is watched: a backup restored to a new database instance, a volume
/// made from a snapshot, and watching either until it settles. Shapes and answers are the
/// real servers' (fixtures/real/ROUND2.md).
extension CloudSession {
  // MARK: - Trove

  /// The flavors a new instance may take (`GET /flavors`).
  public func listFlavors(region: String) async throws -> [Flavor] {
    let operation = "Listing flavors"
    let service = try await endpoint(.database, region: region)
    let response = try await send(
      .GET, service.url + "/flavors", service: service, kind: .database, operation: operation)
    return try decode(FlavorWire.Page.self, response, operation: operation).items
  }

  /// One instance; `.notFound` once it is deleted.
  public func instance(id: String, region: String) async throws -> DatabaseInstance {
    let operation = "Reading instance \(id)"
    let service = try await endpoint(.database, region: region)
    let response = try await send(
      .GET, service.url + "/instances/\(Self.segment(id))", service: service, kind: .database,
      operation: operation)
    return try decode(InstanceWire.One.self, response, operation: operation).instance.value
  }

  /// Restores a backup to a new instance. Trove answers 200 with the instance in BUILD
  /// (trove-26/instance-create-restore.json), 409 for a backup that is not COMPLETED and 404
  /// for an unknown one; both are thrown with the server's words.
  public func restoreBackup(_ request: RestoreRequest, region: String) async throws
    -> DatabaseInstance
  {
    let operation = "Restoring backup \(request.backupID)"
    let name = request.name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else {
      throw CloudError(kind: .invalidRequest, summary: "\(operation) failed: a name is required")
    }
    guard request.volumeSize > 0 else {
      throw CloudError(
        kind: .invalidRequest, summary: "\(operation) failed: the volume size must be at least 1 GB"
      )
    }
    var instance: [String: Any] = [
      "name": name, "flavorRef": request.flavorID, "volume": ["size": request.volumeSize],
      "restorePoint": ["backupRef": request.backupID],
    ]
    if let datastore = request.datastore {
      var named = ["type": datastore.type]
      if let version = datastore.version { named["version"] = version }
      instance["datastore"] = named
    }
    let body: [String: Any] = ["instance": instance]
    let service = try await endpoint(.database, region: region)
    let response = try await send(
      .POST, service.url + "/instances", service: service, kind: .database,
      body: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]),
      operation: operation)
    var made = try decode(InstanceWire.One.self, response, operation: operation).instance.value
    made.region = made.region ?? region
    return made
  }

  /// Deletes an instance (202; SHUTDOWN, then 404).
  public func deleteInstance(id: String, region: String) async throws {
    let service = try await endpoint(.database, region: region)
    _ = try await send(
      .DELETE, service.url + "/instances/\(Self.segment(id))", service: service, kind: .database,
      operation: "Deleting instance \(id)")
  }

  /// Yields the instance each time its status changes, ending once it leaves BUILD (ACTIVE,
  /// ERROR, ...). Throws `.timeout` if it still builds after `timeout`.
  public func waitUntilBuilt(
    instanceID: String, region: String, interval: Duration = .seconds(2),
    timeout: Duration = .seconds(3600)
  ) -> AsyncThrowingStream<DatabaseInstance, any Error> {
    watch(
      what: "instance \(instanceID)", interval: interval, timeout: timeout,
      fetch: { [self] in try await instance(id: instanceID, region: region) },
      settled: { !["BUILD", "BACKUP", "RESIZE", "REBOOT"].contains($0.status.uppercased()) },
      goneIsDone: false, status: { $0.status })
  }

  // MARK: - Cinder

  /// One volume; `.notFound` once it is deleted.
  public func volume(id: String, region: String) async throws -> Volume {
    let operation = "Reading volume \(id)"
    let service = try await endpoint(.blockStorage, region: region)
    let response = try await send(
      .GET, service.url + "/volumes/\(Self.segment(id))", service: service, kind: .blockStorage,
      operation: operation)
    return try decode(VolumeWire.One.self, response, operation: operation).volume.value
  }

  /// Creates a volume from a snapshot (202, `creating`). Cinder refuses a size smaller than
  /// the snapshot's with 400 and an unknown snapshot with 404, in its own words.
  public func createVolume(_ request: VolumeFromSnapshotRequest, region: String) async throws
    -> Volume
  {
    let operation = "Creating a volume from snapshot \(request.snapshotID)"
    let name = request.name.trimmingCharacters(in: .whitespaces)
    guard name.count <= 255 else {
      throw CloudError(
        kind: .invalidRequest,
        summary: "\(operation) failed: the name must be 255 characters or fewer")
    }
    if let size = request.size, size < 1 {
      throw CloudError(
        kind: .invalidRequest, summary: "\(operation) failed: the size must be at least 1 GB")
    }
    let service = try await endpoint(.blockStorage, region: region)
    var volume: [String: Any] = ["snapshot_id": request.snapshotID]
    volume[service.apiVersion == 1 ? "display_name" : "name"] = name
    if let size = request.size { volume["size"] = size }
    if let type = request.volumeType, !type.isEmpty { volume["volume_type"] = type }
    let response = try await send(
      .POST, service.url + "/volumes", service: service, kind: .blockStorage,
      body: try JSONSerialization.data(withJSONObject: ["volume": volume], options: [.sortedKeys]),
      operation: operation)
    return try decode(VolumeWire.One.self, response, operation: operation).volume.value
  }

  /// Yields the volume each time its status changes, ending once it is no longer creating.
  public func waitUntilCreated(
    volumeID: String, region: String, interval: Duration = .seconds(2),
    timeout: Duration = .seconds(3600)
  ) -> AsyncThrowingStream<Volume, any Error> {
    watch(
      what: "volume \(volumeID)", interval: interval, timeout: timeout,
      fetch: { [self] in try await volume(id: volumeID, region: region) },
      settled: { !["creating", "downloading"].contains($0.status.lowercased()) },
      goneIsDone: false, status: { $0.status })
  }

  /// Deletes a volume (202).
  public func deleteVolume(id: String, region: String) async throws {
    let service = try await endpoint(.blockStorage, region: region)
    _ = try await send(
      .DELETE, service.url + "/volumes/\(Self.segment(id))", service: service,
      kind: .blockStorage, operation: "Deleting volume \(id)")
  }
}
