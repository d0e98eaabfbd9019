import BrowserModel

/// Which role colours a status: settled-good, moving, failed, going away. What a status means
/// is the resource descriptor's to say; this maps it to the theme.
public enum StatusStyle {
  static func role(_ status: StatusRole) -> StyleRole {
    switch status {
    case .ok: .statusOk
    case .progress: .statusProgress
    case .error: .statusError
    case .deleting: .statusDeleting
    case .neutral: .text
    }
  }
}
