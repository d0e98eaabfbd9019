import CloudClient
import Foundation

/// A scripted `CloudService`: per-region lists or errors, call log, and gates that hold a
/// list call until the test releases it (slow responses, cancellation).
actor FakeCloud: CloudService {
  var regionList: [String] = ["ORD"]
  var backups: [String: Result<[Backup], CloudError>] = [:]
  var snapshots: [String: Result<[Snapshot], CloudError>] = [:]
  var instances: [String: Result<[DatabaseInstance], CloudError>] = [:]
  var volumes: [String: Result<[Volume], CloudError>] = [:]
  var createBackupResult: Result<Backup, CloudError>?
  var deleteResult: Result<Void, CloudError> = .success(())
  /// Every call, e.g. `listBackups ORD`.
  private(set) var calls: [String] = []
  /// Calls named here wait until `release(name)`.
  private var held: Set<String> = []
  private var waiting: [String: [CheckedContinuation<Void, any Error>]] = [:]
  private(set) var cancelledCalls: [String] = []
  private var watchers: [String: [CheckedContinuation<Void, Never>]] = [:]

  /// Returns once a call of this name is being held (no polling, no sleeping).
  func waitUntilHeld(_ call: String) async {
    if waitingCount(call) > 0 { return }
    await withCheckedContinuation { watchers["held \(call)", default: []].append($0) }
  }

  /// Returns once a held call of this name was cancelled.
  func waitUntilCancelled(_ call: String) async {
    if cancelledCalls.contains(call) { return }
    await withCheckedContinuation { watchers["cancelled \(call)", default: []].append($0) }
  }

  private func notify(_ key: String) {
    for watcher in watchers.removeValue(forKey: key) ?? [] { watcher.resume() }
  }

  func set(backups value: [Backup], region: String = "ORD") { backups[region] = .success(value) }
  func set(snapshots value: [Snapshot], region: String = "ORD") {
    snapshots[region] = .success(value)
  }
  func set(instances value: [DatabaseInstance], region: String = "ORD") {
    instances[region] = .success(value)
  }
  func failBackups(_ error: CloudError, region: String = "ORD") {
    backups[region] = .failure(error)
  }
  func set(regions value: [String]) { regionList = value }
  func set(createBackup value: Result<Backup, CloudError>) { createBackupResult = value }

  func hold(_ call: String) { held.insert(call) }

  func release(_ call: String) {
    held.remove(call)
    for continuation in waiting.removeValue(forKey: call) ?? [] { continuation.resume() }
  }

  func waitingCount(_ call: String) -> Int { waiting[call]?.count ?? 0 }

  func count(_ call: String) -> Int { calls.filter { $0 == call }.count }

  private func enter(_ call: String) async throws {
    calls.append(call)
    guard held.contains(call) else { return }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        waiting[call, default: []].append(continuation)
        notify("held \(call)")
      }
    } onCancel: {
      Task { await self.cancelWaiting(call) }
    }
  }

  private func cancelWaiting(_ call: String) {
    cancelledCalls.append(call)
    defer { notify("cancelled \(call)") }
    for continuation in waiting.removeValue(forKey: call) ?? [] {
      continuation.resume(throwing: CancellationError())
    }
  }

  func regions() async throws -> [String] {
    try await enter("regions")
    return regionList
  }

  func listBackups(region: String) async throws -> [Backup] {
    try await enter("listBackups \(region)")
    return try (backups[region] ?? .success([])).get()
  }

  func listSnapshots(region: String) async throws -> [Snapshot] {
    try await enter("listSnapshots \(region)")
    return try (snapshots[region] ?? .success([])).get()
  }

  func listInstances(region: String) async throws -> [DatabaseInstance] {
    try await enter("listInstances \(region)")
    return try (instances[region] ?? .success([])).get()
  }

  func listVolumes(region: String) async throws -> [Volume] {
    try await enter("listVolumes \(region)")
    return try (volumes[region] ?? .success([])).get()
  }

  func backup(id: String, region: String) async throws -> Backup {
    throw CloudError(kind: .notFound, status: 404, summary: "not scripted")
  }

  func snapshot(id: String, region: String) async throws -> Snapshot {
    throw CloudError(kind: .notFound, status: 404, summary: "not scripted")
  }

  func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup {
    try await enter("createBackup \(region) \(request.name)")
    guard let createBackupResult else {
      return Backup(id: "new-1", name: request.name, instanceID: request.instanceID, status: .new)
    }
    return try createBackupResult.get()
  }

  func deleteBackup(id: String, region: String) async throws {
    try await enter("deleteBackup \(region) \(id)")
    try deleteResult.get()
  }

  func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws -> Snapshot {
    try await enter("createSnapshot \(region)")
    return Snapshot(
      id: "snap-new", name: request.name, volumeID: request.volumeID, status: .creating, size: 1)
  }

  func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String) async throws
    -> Snapshot
  {
    try await enter("updateSnapshot \(region) \(id)")
    return Snapshot(
      id: id, name: request.name ?? "", volumeID: "vol", status: .available, size: 1)
  }

  func deleteSnapshot(id: String, region: String) async throws {
    try await enter("deleteSnapshot \(region) \(id)")
    try deleteResult.get()
  }

  // MARK: - Recovery

  var flavors: [Flavor] = [Flavor(id: "2", name: "m1.small", ram: 2048)]
  var restoreResult: Result<DatabaseInstance, CloudError>?
  var createVolumeResult: Result<Volume, CloudError>?
  var metadataResult: Result<[String: String], CloudError>?
  var adminResult: Result<Void, CloudError> = .success(())
  /// The requests the recovery calls received, newest last.
  private(set) var restoreRequests: [RestoreRequest] = []
  private(set) var volumeRequests: [VolumeFromSnapshotRequest] = []
  private(set) var metadataRequests: [(pairs: [String: String], replace: Bool)] = []

  func set(restore value: Result<DatabaseInstance, CloudError>) { restoreResult = value }
  func set(createVolume value: Result<Volume, CloudError>) { createVolumeResult = value }
  func set(metadata value: Result<[String: String], CloudError>) { metadataResult = value }
  func set(admin value: Result<Void, CloudError>) { adminResult = value }
  func set(delete value: Result<Void, CloudError>) { deleteResult = value }

  func listFlavors(region: String) async throws -> [Flavor] {
    try await enter("listFlavors \(region)")
    return flavors
  }

  func restoreBackup(_ request: RestoreRequest, region: String) async throws -> DatabaseInstance {
    try await enter("restoreBackup \(region) \(request.backupID)")
    restoreRequests.append(request)
    guard let restoreResult else {
      return DatabaseInstance(
        id: "inst-new", name: request.name, status: "BUILD", datastore: request.datastore,
        flavorID: request.flavorID, volumeSize: request.volumeSize)
    }
    return try restoreResult.get()
  }

  func createVolume(_ request: VolumeFromSnapshotRequest, region: String) async throws -> Volume {
    try await enter("createVolume \(region) \(request.snapshotID)")
    volumeRequests.append(request)
    guard let createVolumeResult else {
      var volume = Volume(
        id: "vol-new", name: request.name, status: "creating", size: request.size ?? 1)
      volume.snapshotID = request.snapshotID
      return volume
    }
    return try createVolumeResult.get()
  }

  func setSnapshotMetadata(
    snapshotID: String, _ pairs: [String: String], replace: Bool, region: String
  ) async throws -> [String: String] {
    try await enter("setSnapshotMetadata \(region) \(snapshotID)")
    metadataRequests.append((pairs, replace))
    return try (metadataResult ?? .success(pairs)).get()
  }

  func snapshotMetadata(snapshotID: String, region: String) async throws -> [String: String] {
    try await enter("snapshotMetadata \(region) \(snapshotID)")
    return try (metadataResult ?? .success([:])).get()
  }

  func deleteSnapshotMetadataKey(snapshotID: String, key: String, region: String) async throws {
    try await enter("deleteSnapshotMetadataKey \(region) \(snapshotID) \(key)")
  }

  func resetSnapshotStatus(snapshotID: String, to status: String, region: String) async throws {
    try await enter("resetSnapshotStatus \(region) \(snapshotID) \(status)")
    try adminResult.get()
  }

  func forceDeleteSnapshot(snapshotID: String, region: String) async throws {
    try await enter("forceDeleteSnapshot \(region) \(snapshotID)")
    try adminResult.get()
  }
}
