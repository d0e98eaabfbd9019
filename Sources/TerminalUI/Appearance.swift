/// What one semantic role looks like in a theme, fully resolved.
public struct Appearance: Sendable, Hashable {
  public var foreground: ThemeColor
  public var background: ThemeColor
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool
  public var dim: Bool

  public init(
    foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
    bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }
}

/// One role's entry as a theme file gives it: every field optional, missing ones inherited
/// from the role's parent (`StyleRole.parent`).
public struct AppearanceSpec: Sendable, Hashable {
  public var foreground: ThemeColor?
  public var background: ThemeColor?
  public var bold: Bool?
  public var underline: Bool?
  public var reverse: Bool?
  public var dim: Bool?

  public init(
    foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool? = nil,
    underline: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }
}

extension StyleRole {
  /// The role a theme falls back to for fields it does not set for this one.
  public var parent: StyleRole? {
    switch self {
    case .background: nil
    case .text: .background
    case .muted, .title, .header, .statusOk, .statusProgress, .statusError, .message, .input,
      .dialog, .highlightChange, .selection:
      .text
    case .border, .tab, .pending, .progressEmpty: .muted
    case .borderFocus: .border
    case .tabActive, .key, .prompt: .title
    case .columnHeader, .badge: .header
    case .selectionUnfocused: .selection
    case .statusDeleting, .badgeWarning, .messageError: .statusError
    case .dialogBorder: .dialog
    case .dialogTitle: .dialog
    case .button: .dialog
    case .buttonFocus: .selection
    case .progressFill: .statusProgress
    }
  }
}
