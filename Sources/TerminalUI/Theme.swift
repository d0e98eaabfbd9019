/// A named set of appearances for every `StyleRole`.
public struct Theme: Sendable, Hashable {
  public var name: String
  public var description: String
  /// What the file (or constant) said, before inheritance.
  public var specs: [StyleRole: AppearanceSpec]
  private var resolved: [StyleRole: Appearance]
  private var monochrome = false

  public init(name: String, description: String = "", specs: [StyleRole: AppearanceSpec]) {
    self.name = name
    self.description = description
    self.specs = specs
    var resolved: [StyleRole: Appearance] = [:]
    func resolve(_ role: StyleRole) -> Appearance {
      if let done = resolved[role] { return done }
      let base = role.parent.map(resolve) ?? Appearance()
      let spec = specs[role] ?? AppearanceSpec()
      // Emphasis is not inherited: a bold title should not make every child role bold.
      let inherits = role == .text || role.parent == nil
      let result = Appearance(
        foreground: spec.foreground ?? base.foreground,
        background: spec.background ?? base.background,
        bold: spec.bold ?? (inherits ? base.bold : false),
        underline: spec.underline ?? (inherits ? base.underline : false),
        reverse: spec.reverse
          ?? (role == .buttonFocus || role == .selectionUnfocused
            ? base.reverse : false),
        dim: spec.dim ?? false)
      resolved[role] = result
      return result
    }
    for role in StyleRole.allCases { _ = resolve(role) }
    self.resolved = resolved
    monochrome = resolved.values.allSatisfy {
      $0.foreground == .terminalDefault && $0.background == .terminalDefault
    }
  }

  /// The appearance of `role`.
  public subscript(role: StyleRole) -> Appearance { resolved[role] ?? Appearance() }

  /// The appearance of a cell's style: role plus the style's own emphasis and override.
  public func appearance(of style: Style) -> Appearance {
    var a = self[style.role]
    // A monochrome theme (NO_COLOR) keeps no colour, not even the profile's.
    if let fg = style.foreground, !monochrome { a.foreground = fg }
    a.bold = a.bold || style.bold
    a.underline = a.underline || style.underline
    a.reverse = a.reverse != style.reverse
    return a
  }

  /// True when the theme uses no colours at all (emphasis only), as NO_COLOR asks.
  public var isMonochrome: Bool { monochrome }

  public static func == (lhs: Theme, rhs: Theme) -> Bool {
    lhs.name == rhs.name && lhs.specs == rhs.specs
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
  }
}
