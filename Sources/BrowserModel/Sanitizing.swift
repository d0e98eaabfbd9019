import CloudClient

/// Every string a resource brings from the network passes through `TerminalSafe` here, once,
/// as the value enters the state. Strings many rows repeat (instance, volume, project and
/// datastore version IDs; descriptions, which automated jobs write alike) come out as one
/// shared copy (`SharedStrings`).
extension Resource {
  func sanitized() -> Resource {
    switch self {
    case .backup(let value): .backup(value.sanitized())
    case .snapshot(let value): .snapshot(value.sanitized())
    case .instance(let value): .instance(value.sanitized())
    case .volume(let value): .volume(value.sanitized())
    }
  }
}

private func safe(_ string: String) -> String { TerminalSafe.sanitize(string) }
private func safe(_ string: String?) -> String? { string.map(TerminalSafe.sanitize) }
private func shared(_ string: String) -> String { SharedStrings.ids.share(safe(string)) }
private func shared(_ string: String?) -> String? { string.map(shared) }
private func sharedText(_ string: String?) -> String? {
  string.map { SharedStrings.texts.share(safe($0)) }
}

extension Datastore {
  func sanitized() -> Datastore {
    Datastore(type: shared(type), version: shared(version), versionID: shared(versionID))
  }
}

extension Backup {
  func sanitized() -> Backup {
    var copy = self
    copy.id = safe(id)
    copy.name = safe(name)
    copy.description = sharedText(description)
    copy.locationRef = safe(locationRef)
    copy.instanceID = shared(instanceID)
    copy.parentID = safe(parentID)
    if case .other(let raw) = status { copy.status = .other(safe(raw)) }
    copy.datastore = datastore?.sanitized()
    copy.type = shared(type)
    copy.projectID = shared(projectID)
    return copy
  }
}

extension Snapshot {
  func sanitized() -> Snapshot {
    var copy = self
    copy.id = safe(id)
    copy.name = safe(name)
    copy.description = sharedText(description)
    copy.volumeID = shared(volumeID)
    if case .other(let raw) = status { copy.status = .other(safe(raw)) }
    copy.projectID = shared(projectID)
    copy.metadata = Dictionary(
      metadata.map { (safe($0.key), safe($0.value)) }, uniquingKeysWith: { first, _ in first })
    return copy
  }
}

extension DatabaseInstance {
  func sanitized() -> DatabaseInstance {
    var copy = self
    copy.id = safe(id)
    copy.name = safe(name)
    copy.status = safe(status)
    copy.datastore = datastore?.sanitized()
    copy.flavorID = safe(flavorID)
    copy.region = safe(region)
    return copy
  }
}

extension Volume {
  func sanitized() -> Volume {
    var copy = self
    copy.id = safe(id)
    copy.name = safe(name)
    copy.status = safe(status)
    copy.volumeType = safe(volumeType)
    copy.availabilityZone = safe(availabilityZone)
    copy.attachedTo = attachedTo.map(safe)
    copy.snapshotID = safe(snapshotID)
    return copy
  }
}
