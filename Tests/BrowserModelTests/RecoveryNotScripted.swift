import CloudClient

/// Test clouds that script only lists (the fast-refresh and warning tests) answer the
/// recovery calls with a clear refusal; `FakeCloud` scripts them for real.
extension CloudService {
  private func notScripted(_ call: String) -> CloudError {
    CloudError(kind: .invalidRequest, summary: "\(call) is not scripted in this test cloud")
  }
  func listFlavors(region: String) async throws -> [Flavor] { throw notScripted("listFlavors") }
  func restoreBackup(_ request: RestoreRequest, region: String) async throws -> DatabaseInstance {
    throw notScripted("restoreBackup")
  }
  func createVolume(_ request: VolumeFromSnapshotRequest, region: String) async throws -> Volume {
    throw notScripted("createVolume")
  }
  func snapshotMetadata(snapshotID: String, region: String) async throws -> [String: String] {
    throw notScripted("snapshotMetadata")
  }
  func setSnapshotMetadata(
    snapshotID: String, _ pairs: [String: String], replace: Bool, region: String
  ) async throws -> [String: String] {
    throw notScripted("setSnapshotMetadata")
  }
  func deleteSnapshotMetadataKey(snapshotID: String, key: String, region: String) async throws {
    throw notScripted("deleteSnapshotMetadataKey")
  }
  func resetSnapshotStatus(snapshotID: String, to status: String, region: String) async throws {
    throw notScripted("resetSnapshotStatus")
  }
  func forceDeleteSnapshot(snapshotID: String, region: String) async throws {
    throw notScripted("forceDeleteSnapshot")
  }
}
