/// How a cell is painted: a semantic role from the theme, plus optional emphasis and an
/// optional foreground override (the profile colour in the header).
public struct Style: Sendable, Hashable {
  public var role: StyleRole
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool
  /// Replaces the role's foreground colour (used for the profile colour).
  public var foreground: ThemeColor?

  public init(
    _ role: StyleRole, bold: Bool = false, underline: Bool = false, reverse: Bool = false,
    foreground: ThemeColor? = nil
  ) {
    self.role = role
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.foreground = foreground
  }

  public static let background = Style(.background)
  public static let text = Style(.text)
  public static let muted = Style(.muted)
}
