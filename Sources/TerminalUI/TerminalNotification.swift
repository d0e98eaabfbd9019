import BrowserModel

/// How a profile wants to be told about a finished job: a desktop notification through the
/// terminal, the bell, or nothing.
public enum NotificationStyle: String, Sendable, Hashable, CaseIterable {
  /// `OSC 9` (iTerm2, WezTerm, Windows Terminal, kitty, foot, ...).
  case osc9
  /// `OSC 777;notify` (rxvt-unicode, VTE terminals such as GNOME Terminal, foot, WezTerm).
  case osc777
  case bell
  case none

  /// Parses a profile value (`osc9`, `osc777`, `bell`, `none`/`off`).
  public init?(setting: String) {
    switch setting.lowercased() {
    case "osc9", "osc 9", "9", "desktop": self = .osc9
    case "osc777", "osc 777", "777": self = .osc777
    case "bell", "beep": self = .bell
    case "none", "off", "false", "no": self = .none
    default: return nil
    }
  }
}

/// The bytes of a desktop notification for the terminal: pure, so tests read exactly what
/// the terminal would. `NcursesScreen` writes them.
public enum TerminalNotification {
  /// The escape sequence for `notification` in `style` (empty for `.bell` and `.none`: the
  /// bell goes through ncurses). Inside tmux the sequence is wrapped in tmux's passthrough
  /// (`ESC P tmux; … ESC \`, every ESC inside doubled), which tmux 3.3 and later forward to
  /// the outer terminal when `allow-passthrough` is on.
  public static func sequence(
    _ notification: DesktopNotification, style: NotificationStyle, insideTmux: Bool
  ) -> [UInt8] {
    let title = clean(notification.title)
    let body = clean(notification.body)
    let osc: String
    switch style {
    case .osc9:
      // One text only: the title leads, so the text never starts with a digit (ConEmu reads
      // `9;4;…` as a progress report).
      osc = "\u{1B}]9;\(title): \(body)\u{07}"
    case .osc777:
      // `;` separates title and body: inside them it becomes `,`.
      osc =
        "\u{1B}]777;notify;\(title.replacingOccurrences(of: ";", with: ","));\(body.replacingOccurrences(of: ";", with: ","))\u{07}"
    case .bell, .none:
      return []
    }
    guard insideTmux else { return Array(osc.utf8) }
    var bytes = Array("\u{1B}Ptmux;".utf8)
    for byte in osc.utf8 {
      if byte == 0x1B { bytes.append(0x1B) }
      bytes.append(byte)
    }
    bytes += Array("\u{1B}\\".utf8)
    return bytes
  }

  /// No character a terminal would act on inside an OSC string: C0 and C1 controls and DEL
  /// (BEL or ESC \ would end the sequence early; the rest would be run). The model already
  /// sanitised the text; this is the terminal layer's own guarantee.
  static func clean(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
        out.append(" ")
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
