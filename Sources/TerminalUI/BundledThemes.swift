/// The four bundled themes, embedded so the binary works from any directory.
///
/// Kept byte-for-byte equal to `themes/*.yaml` (a test compares them); edit the YAML files
/// and paste them here.
public enum BundledThemes {
  /// File names (without `.yaml`) and contents, in menu order.
  public static let all: [(name: String, yaml: String)] = [
    ("default", defaultDark),
    ("light", light),
    ("high-contrast", highContrast),
    ("monochrome", monochrome),
  ]

  /// `themes/default.yaml`.
  public static let defaultDark = #"""
    # rackwatch default theme: dark background, calm colours, status at a glance.
    name: default
    description: Dark theme for dark terminals (the default)
    styles:
      background: { fg: "252", bg: "#1c1c1c" }
      text: { fg: "252" }
      muted: { fg: "244" }
      border: { fg: "240" }
      border-focus: { fg: "#5fafd7", bold: true }
      title: { fg: "#87d7ff", bold: true }
      header: { fg: "255", bg: "#303030" }
      tab: { fg: "246", bg: "#262626" }
      tab-active: { fg: "#1c1c1c", bg: "#5fafd7", bold: true }
      column-header: { fg: "#d7d787", bold: true }
      selection: { fg: "#1c1c1c", bg: "#87afd7", bold: true }
      selection-unfocused: { fg: "252", bg: "#444444" }
      status-ok: { fg: "#87d787" }
      status-progress: { fg: "#5fafff" }
      status-error: { fg: "#ff5f5f", bold: true }
      status-deleting: { fg: "#d7875f" }
      highlight-change: { fg: "#ffd75f", bold: true }
      pending: { fg: "#af87d7" }
      badge: { fg: "#1c1c1c", bg: "#87d787", bold: true }
      badge-warning: { fg: "255", bg: "#af0000", bold: true }
      key: { fg: "#ffd75f", bold: true }
      message: { fg: "#87d787" }
      message-error: { fg: "#ff5f5f", bold: true }
      prompt: { fg: "#ffd75f", bold: true }
      input: { fg: "255", bg: "#3a3a3a" }
      dialog: { fg: "252", bg: "#303030" }
      dialog-border: { fg: "#5fafd7", bg: "#303030" }
      dialog-title: { fg: "#87d7ff", bg: "#303030", bold: true }
      button: { fg: "252", bg: "#4e4e4e" }
      button-focus: { fg: "#1c1c1c", bg: "#ffd75f", bold: true }
      progress-fill: { fg: "#5fafff" }
      progress-empty: { fg: "240" }
    """#

  /// `themes/light.yaml`.
  public static let light = #"""
    # rackwatch light theme: dark text on a light background.
    name: light
    description: Light theme for light terminals
    styles:
      background: { fg: "235", bg: "#ffffff" }
      text: { fg: "235" }
      muted: { fg: "242" }
      border: { fg: "250" }
      border-focus: { fg: "#005f87", bold: true }
      title: { fg: "#005f87", bold: true }
      header: { fg: "235", bg: "#e4e4e4" }
      tab: { fg: "240", bg: "#eeeeee" }
      tab-active: { fg: "#ffffff", bg: "#005f87", bold: true }
      column-header: { fg: "#5f5f00", bold: true }
      selection: { fg: "#ffffff", bg: "#0087af", bold: true }
      selection-unfocused: { fg: "235", bg: "#d0d0d0" }
      status-ok: { fg: "#008700" }
      status-progress: { fg: "#005fd7" }
      status-error: { fg: "#d70000", bold: true }
      status-deleting: { fg: "#af5f00" }
      highlight-change: { fg: "#875f00", bg: "#ffffaf", bold: true }
      pending: { fg: "#8700af" }
      badge: { fg: "#ffffff", bg: "#008700", bold: true }
      badge-warning: { fg: "#ffffff", bg: "#d70000", bold: true }
      key: { fg: "#005f87", bold: true }
      message: { fg: "#008700" }
      message-error: { fg: "#d70000", bold: true }
      prompt: { fg: "#005f87", bold: true }
      input: { fg: "235", bg: "#eeeeee" }
      dialog: { fg: "235", bg: "#f0f0f0" }
      dialog-border: { fg: "#005f87", bg: "#f0f0f0" }
      dialog-title: { fg: "#005f87", bg: "#f0f0f0", bold: true }
      button: { fg: "235", bg: "#d0d0d0" }
      button-focus: { fg: "#ffffff", bg: "#005f87", bold: true }
      progress-fill: { fg: "#005fd7" }
      progress-empty: { fg: "250" }
    """#

  /// `themes/high-contrast.yaml`.
  public static let highContrast = #"""
    # rackwatch high-contrast theme: pure black and white with the 16 ANSI colours only, so it
    # reads the same on every terminal and projector.
    name: high-contrast
    description: Maximum contrast, ANSI colours only
    styles:
      background: { fg: bright-white, bg: black }
      text: { fg: bright-white }
      muted: { fg: white }
      border: { fg: white }
      border-focus: { fg: bright-yellow, bold: true }
      title: { fg: bright-white, bold: true, underline: true }
      header: { fg: black, bg: bright-white, bold: true }
      tab: { fg: bright-white, bg: black }
      tab-active: { fg: black, bg: bright-yellow, bold: true }
      column-header: { fg: bright-yellow, bold: true, underline: true }
      selection: { fg: black, bg: bright-cyan, bold: true }
      selection-unfocused: { fg: black, bg: white }
      status-ok: { fg: bright-green, bold: true }
      status-progress: { fg: bright-cyan, bold: true }
      status-error: { fg: bright-white, bg: red, bold: true }
      status-deleting: { fg: bright-magenta, bold: true }
      highlight-change: { fg: black, bg: bright-yellow, bold: true }
      pending: { fg: bright-magenta, bold: true }
      badge: { fg: black, bg: bright-green, bold: true }
      badge-warning: { fg: bright-white, bg: red, bold: true }
      key: { fg: bright-yellow, bold: true }
      message: { fg: bright-green, bold: true }
      message-error: { fg: bright-white, bg: red, bold: true }
      prompt: { fg: bright-yellow, bold: true }
      input: { fg: black, bg: bright-white }
      dialog: { fg: bright-white, bg: black }
      dialog-border: { fg: bright-yellow, bg: black, bold: true }
      dialog-title: { fg: bright-yellow, bg: black, bold: true }
      button: { fg: bright-white, bg: black, reverse: false }
      button-focus: { fg: black, bg: bright-yellow, bold: true }
      progress-fill: { fg: bright-cyan, bold: true }
      progress-empty: { fg: white }
    """#

  /// `themes/monochrome.yaml`.
  public static let monochrome = #"""
    # rackwatch monochrome theme: no colours at all, only bold, underline and reverse.
    # NO_COLOR (https://no-color.org) selects it.
    name: monochrome
    description: No colour, emphasis only (NO_COLOR)
    styles:
      background: { fg: default, bg: default }
      muted: { dim: true }
      border-focus: { bold: true }
      title: { bold: true }
      header: { reverse: true }
      tab-active: { reverse: true, bold: true }
      column-header: { bold: true, underline: true }
      selection: { reverse: true }
      selection-unfocused: { underline: true, reverse: false }
      status-ok: {}
      status-progress: { bold: true }
      status-error: { bold: true, underline: true }
      status-deleting: { underline: true }
      highlight-change: { bold: true }
      pending: { underline: true }
      badge: { reverse: true, bold: true }
      badge-warning: { reverse: true, bold: true }
      key: { bold: true }
      message-error: { bold: true }
      prompt: { bold: true }
      input: { underline: true }
      dialog-title: { bold: true }
      button-focus: { reverse: true, bold: true }
      progress-fill: { reverse: true }
    """#
}
