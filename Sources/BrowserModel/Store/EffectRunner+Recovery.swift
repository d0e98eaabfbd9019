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
    case .changeSnapshotMetadata(let id, let set, let remove, let region):
      let result = await capture {
        var held: [String: String]?
        if !set.isEmpty {
          held = try await service.setSnapshotMetadata(
            snapshotID: id, set, replace: false, region: region)
        }
        for key in remove {
          try await service.deleteSnapshotMetadataKey(snapshotID: id, key: key, region: region)
        }
        // After deletes, what the server holds is read back rather than guessed.
        if let held, remove.isEmpty { return held }
        return try await service.snapshotMetadata(snapshotID: id, region: region)
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
