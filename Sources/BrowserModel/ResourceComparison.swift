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
