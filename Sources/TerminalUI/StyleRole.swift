/// The semantic roles a theme gives colours to. Widgets paint with roles, never with colours,
/// so one frame looks right under every theme and frame tests do not depend on a palette.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
  case background
  case text
  case muted
  case border
  case borderFocus = "border-focus"
  case title
  case header
  case tab
  case tabActive = "tab-active"
  case columnHeader = "column-header"
  case selection
  case selectionUnfocused = "selection-unfocused"
  case statusOk = "status-ok"
  case statusProgress = "status-progress"
  case statusError = "status-error"
  case statusDeleting = "status-deleting"
  case highlightChange = "highlight-change"
  case pending
  case badge
  case badgeWarning = "badge-warning"
  case key
  case message
  case messageError = "message-error"
  case prompt
  case input
  case dialog
  case dialogBorder = "dialog-border"
  case dialogTitle = "dialog-title"
  case button
  case buttonFocus = "button-focus"
  case progressFill = "progress-fill"
  case progressEmpty = "progress-empty"

  /// One character standing for the role in a frame's style map (tests read these).
  public var code: Character {
    switch self {
    case .background: "."
    case .text: "t"
    case .muted: "m"
    case .border: "b"
    case .borderFocus: "B"
    case .title: "T"
    case .header: "h"
    case .tab: "a"
    case .tabActive: "A"
    case .columnHeader: "c"
    case .selection: "S"
    case .selectionUnfocused: "s"
    case .statusOk: "o"
    case .statusProgress: "p"
    case .statusError: "e"
    case .statusDeleting: "d"
    case .highlightChange: "H"
    case .pending: "P"
    case .badge: "g"
    case .badgeWarning: "G"
    case .key: "k"
    case .message: "M"
    case .messageError: "E"
    case .prompt: ">"
    case .input: "i"
    case .dialog: "D"
    case .dialogBorder: "r"
    case .dialogTitle: "R"
    case .button: "u"
    case .buttonFocus: "U"
    case .progressFill: "#"
    case .progressEmpty: "-"
    }
  }
}
