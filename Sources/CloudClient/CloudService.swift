/// Everything the browser asks of a cloud, one region at a time.
///
/// `CloudSession` is the real implementation over HTTP; view-model tests use a scripted fake.
/// List calls return every page (the session follows `links` / `snapshots_links`).
public protocol CloudService: Sendable {
  /// The regions the account's catalog offers for backups or snapshots, sorted.
  func regions() async throws -> [String]

  func listBackups(region: String) async throws -> [Backup]
  func listSnapshots(region: String) async throws -> [Snapshot]
  func listInstances(region: String) async throws -> [DatabaseInstance]
  func listVolumes(region: String) async throws -> [Volume]

  func backup(id: String, region: String) async throws -> Backup
  func snapshot(id: String, region: String) async throws -> Snapshot

  func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup
  func deleteBackup(id: String, region: String) async throws
  func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws -> Snapshot
  func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String) async throws
    -> Snapshot
  func deleteSnapshot(id: String, region: String) async throws

  // Recovery (fixtures/real/ROUND2.md): restore a backup, a volume from a snapshot, snapshot
  // metadata and Cinder's admin actions.

  /// The flavors a restored instance may take.
  func listFlavors(region: String) async throws -> [Flavor]
  /// A new database instance from a backup (BUILD at first).
  func restoreBackup(_ request: RestoreRequest, region: String) async throws -> DatabaseInstance
  /// A new volume from a snapshot (`creating` at first).
  func createVolume(_ request: VolumeFromSnapshotRequest, region: String) async throws -> Volume
  /// The snapshot's metadata.
  func snapshotMetadata(snapshotID: String, region: String) async throws -> [String: String]
  /// Makes `pairs` the snapshot's whole metadata (`replace`) or merges them in; returns what
  /// the server then holds.
  func setSnapshotMetadata(
    snapshotID: String, _ pairs: [String: String], replace: Bool, region: String
  ) async throws -> [String: String]
  /// Removes one metadata key.
  func deleteSnapshotMetadataKey(snapshotID: String, key: String, region: String) async throws
  /// Admin only: sets a snapshot's status.
  func resetSnapshotStatus(snapshotID: String, to status: String, region: String) async throws
  /// Admin only: deletes a snapshot whatever its status.
  func forceDeleteSnapshot(snapshotID: String, region: String) async throws
  // Schedules (Rackspace only; defaults in CloudService+Schedules.swift say "none here").
  /// Nil when the cloud has no `/schedules` (OpenStack Trove answers 404).
  func listSchedules(region: String) async throws -> [BackupSchedule]?
  func createSchedule(_ request: ScheduleRequest, region: String) async throws -> BackupSchedule
  func updateSchedule(id: String, _ request: ScheduleRequest, region: String) async throws
  func deleteSchedule(id: String, region: String) async throws
  /// Rackspace `copy-backup`: a copy of the backup in `targetRegion`.
  func copyBackup(
    id: String, to targetRegion: String, name: String?, description: String?, region: String
  ) async throws
}
