import CloudClient

/// The recovery calls: restore, volume from snapshot, metadata and admin actions.
extension EffectRunner {
  func recover(_ effect: Effect) async -> Action? {
    switch effect {
    case .loadFlavors(let region):
      return .flavorsLoaded(
        region: region, await capture { try await service.listFlavors(region: region) })
    case .restoreBackup(let request, let region, let placeholder):
      let result = await capture { try await service.restoreBackup(request, region: region) }
      return .instanceRestored(placeholder: placeholder, result, now: now())
    case .createVolume(let request, let region, let placeholder):
      let result = await capture { try await service.createVolume(request, region: region) }
      return .volumeCreated(placeholder: placeholder, result, now: now())
    case .setSnapshotMetadata(let id, let pairs, let region):
      let result = await capture {
        try await service.setSnapshotMetadata(
          snapshotID: id, pairs, replace: true, region: region)
      }
      return .metadataSaved(RowID(region: region, id: id), result, now: now())
    case .resetSnapshotStatus(let id, let status, let region):
      let result = await capture {
        try await service.resetSnapshotStatus(snapshotID: id, to: status, region: region)
      }
      return .statusReset(RowID(region: region, id: id), to: status, result, now: now())
    case .forceDeleteSnapshot(let id, let region):
      let result = await capture {
        try await service.forceDeleteSnapshot(snapshotID: id, region: region)
      }
      return .deleted(.snapshots, RowID(region: region, id: id), result, now: now())
    default:
      return nil
    }
  }
}
