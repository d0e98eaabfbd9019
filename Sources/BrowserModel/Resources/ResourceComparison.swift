import CloudClient

/// Field-by-field equality for refresh merges.
///
/// The statuses' own `==` upper-cases both sides (an allocation per comparison); comparing
/// the known cases directly keeps a 100,000-row merge cheap.
enum ResourceComparison {
  static func same(_ a: Resource, _ b: Resource) -> Bool {
    // Nested switches, not a tuple: a tuple would copy both resources.
    switch a {
    case .backup(let x):
      guard case .backup(let y) = b else { return false }
      return x.id == y.id && x.name == y.name && sameStatus(x.status, y.status) && x.size == y.size
        && x.updated == y.updated && x.created == y.created && x.instanceID == y.instanceID
        && x.parentID == y.parentID && x.description == y.description
        && x.locationRef == y.locationRef && x.datastore == y.datastore && x.type == y.type
        && x.isAutomated == y.isAutomated && x.projectID == y.projectID
    case .snapshot(let x):
      guard case .snapshot(let y) = b else { return false }
      return x.id == y.id && x.name == y.name && sameStatus(x.status, y.status)
        && x.progress == y.progress && x.size == y.size && x.updated == y.updated
        && x.created == y.created && x.volumeID == y.volumeID && x.description == y.description
        && x.projectID == y.projectID && x.metadata == y.metadata
    case .instance(let x):
      guard case .instance(let y) = b else { return false }
      return x == y
    case .volume(let x):
      guard case .volume(let y) = b else { return false }
      return x == y
    }
  }

  /// A hash of the fields `same` compares (keep the two in step), for the runner's
  /// differences. Statuses are hashed as the server spelt them: the statuses' own hash
  /// upper-cases, an allocation per item on a 100,000-item list.
  static func fingerprint(_ resource: Resource) -> Int {
    var h = Hasher()
    switch resource {
    case .backup(let x):
      h.combine(0 as UInt8)
      h.combine(x.id)
      h.combine(x.name)
      h.combine(x.status.wire)
      h.combine(x.size)
      h.combine(x.updated)
      h.combine(x.created)
      h.combine(x.instanceID)
      h.combine(x.parentID)
      h.combine(x.description)
      h.combine(x.locationRef)
      h.combine(x.datastore)
      h.combine(x.type)
      h.combine(x.isAutomated)
      h.combine(x.projectID)
    case .snapshot(let x):
      h.combine(1 as UInt8)
      h.combine(x.id)
      h.combine(x.name)
      h.combine(x.status.wire)
      h.combine(x.progress)
      h.combine(x.size)
      h.combine(x.updated)
      h.combine(x.created)
      h.combine(x.volumeID)
      h.combine(x.description)
      h.combine(x.projectID)
      h.combine(x.metadata)
    case .instance(let x):
      h.combine(2 as UInt8)
      h.combine(x)
    case .volume(let x):
      h.combine(3 as UInt8)
      h.combine(x)
    }
    return h.finalize()
  }

  static func sameStatus(_ a: BackupStatus, _ b: BackupStatus) -> Bool {
    switch (a, b) {
    case (.new, .new), (.building, .building), (.completed, .completed), (.failed, .failed),
      (.deleteFailed, .deleteFailed):
      return true
    case (.other(let x), .other(let y)): return x == y
    default: return false
    }
  }

  static func sameStatus(_ a: SnapshotStatus, _ b: SnapshotStatus) -> Bool {
    switch (a, b) {
    case (.creating, .creating), (.available, .available), (.deleting, .deleting),
      (.error, .error), (.errorDeleting, .errorDeleting):
      return true
    case (.other(let x), .other(let y)): return x == y
    default: return false
    }
  }
}
