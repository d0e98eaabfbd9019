import CloudClient

/// A service seen only through whole lists: every refresh lists everything, as rackwatch did
/// before fast refreshes (issue 17). `RACKWATCH_WHOLE_LISTS=1` selects it, so a benchmark can
/// measure both ways with one binary (`scripts/bench-watch.sh`), and an operator can fall
/// back if a cloud's newest-updated order ever misleads the fast path.
struct WholeListsOnly: CloudService {
  let base: any CloudService

  func regions() async throws -> [String] { try await base.regions() }
  func listBackups(region: String) async throws -> [Backup] {
    try await base.listBackups(region: region)
  }
  func listSnapshots(region: String) async throws -> [Snapshot] {
    try await base.listSnapshots(region: region)
  }
  func listInstances(region: String) async throws -> [DatabaseInstance] {
    try await base.listInstances(region: region)
  }
  func listVolumes(region: String) async throws -> [Volume] {
    try await base.listVolumes(region: region)
  }
  func backup(id: String, region: String) async throws -> Backup {
    try await base.backup(id: id, region: region)
  }
  func snapshot(id: String, region: String) async throws -> Snapshot {
    try await base.snapshot(id: id, region: region)
  }
  func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup {
    try await base.createBackup(request, region: region)
  }
  func deleteBackup(id: String, region: String) async throws {
    try await base.deleteBackup(id: id, region: region)
  }
  func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws -> Snapshot {
    try await base.createSnapshot(request, region: region)
  }
  func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String) async throws
    -> Snapshot
  {
    try await base.updateSnapshot(id: id, request, region: region)
  }
  func deleteSnapshot(id: String, region: String) async throws {
    try await base.deleteSnapshot(id: id, region: region)
  }
  func listFlavors(region: String) async throws -> [Flavor] {
    try await base.listFlavors(region: region)
  }
  func restoreBackup(_ request: RestoreRequest, region: String) async throws -> DatabaseInstance {
    try await base.restoreBackup(request, region: region)
  }
  func createVolume(_ request: VolumeFromSnapshotRequest, region: String) async throws -> Volume {
    try await base.createVolume(request, region: region)
  }
  func snapshotMetadata(snapshotID: String, region: String) async throws -> [String: String] {
    try await base.snapshotMetadata(snapshotID: snapshotID, region: region)
  }
  func setSnapshotMetadata(
    snapshotID: String, _ pairs: [String: String], replace: Bool, region: String
  ) async throws -> [String: String] {
    try await base.setSnapshotMetadata(
      snapshotID: snapshotID, pairs, replace: replace, region: region)
  }
  func deleteSnapshotMetadataKey(snapshotID: String, key: String, region: String) async throws {
    try await base.deleteSnapshotMetadataKey(snapshotID: snapshotID, key: key, region: region)
  }
  func resetSnapshotStatus(snapshotID: String, to status: String, region: String) async throws {
    try await base.resetSnapshotStatus(snapshotID: snapshotID, to: status, region: region)
  }
  func forceDeleteSnapshot(snapshotID: String, region: String) async throws {
    try await base.forceDeleteSnapshot(snapshotID: snapshotID, region: region)
  }
  func listSchedules(region: String) async throws -> [BackupSchedule]? {
    try await base.listSchedules(region: region)
  }
  func createSchedule(_ request: ScheduleRequest, region: String) async throws -> BackupSchedule {
    try await base.createSchedule(request, region: region)
  }
  func updateSchedule(id: String, _ request: ScheduleRequest, region: String) async throws {
    try await base.updateSchedule(id: id, request, region: region)
  }
  func deleteSchedule(id: String, region: String) async throws {
    try await base.deleteSchedule(id: id, region: region)
  }
  func copyBackup(
    id: String, to targetRegion: String, name: String?, description: String?, region: String
  ) async throws {
    try await base.copyBackup(
      id: id, to: targetRegion, name: name, description: description, region: region)
  }
}
