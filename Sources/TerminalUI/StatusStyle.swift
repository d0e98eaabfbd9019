import BrowserModel
import CloudClient

/// Which role colours a status: settled-good, moving, failed, going away.
public enum StatusStyle {
  public static func role(for resource: Resource) -> StyleRole {
    switch resource {
    case .backup(let backup):
      switch backup.status {
      case .completed: return .statusOk
      case .new, .building: return .statusProgress
      case .failed, .deleteFailed: return .statusError
      case .other: return .text
      }
    case .snapshot(let snapshot):
      switch snapshot.status {
      case .available: return snapshot.isInMotion ? .statusProgress : .statusOk
      case .creating: return .statusProgress
      case .deleting: return .statusDeleting
      case .error, .errorDeleting: return .statusError
      case .other: return .text
      }
    case .instance(let instance):
      return role(forText: instance.status)
    case .volume(let volume):
      return role(forText: volume.status)
    }
  }

  /// For free-text statuses (instances, volumes).
  public static func role(forText status: String) -> StyleRole {
    switch status.lowercased() {
    case "active", "available", "in-use", "completed": return .statusOk
    case "build", "backup", "creating", "attaching", "detaching", "extending", "reboot",
      "resize", "restart_required", "new", "building":
      return .statusProgress
    case "deleting", "shutdown": return .statusDeleting
    default:
      return status.lowercased().contains("error") || status.lowercased().contains("fail")
        ? .statusError : .text
    }
  }
}
