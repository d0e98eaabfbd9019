/// A key press (or terminal event) as the terminal back end decodes it.
///
/// The back end turns raw input into these values; `KeyMap` turns them into actions. Keeping
/// the enum here (not in the ncurses target) lets key handling be tested without a terminal.
public enum Key: Sendable, Hashable {
  /// A printable character (letters, digits, punctuation, space, CJK, emoji).
  case char(Character)
  /// Ctrl plus a letter, given in lower case (`.ctrl("u")` is Ctrl-U).
  case ctrl(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case tab, backTab
  case enter, escape, backspace, delete, insert
  /// F1...F63.
  case function(Int)
  /// The terminal changed size.
  case resize
  /// Anything the back end could not name; carries its raw code.
  case unknown(Int)

  /// Decodes a Unicode scalar as read from the terminal in raw mode: control bytes become
  /// `.enter`, `.tab`, `.escape`, `.backspace` or `.ctrl(letter)`.
  public init(scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0x0D, 0x0A: self = .enter
    case 0x09: self = .tab
    case 0x1B: self = .escape
    case 0x08, 0x7F: self = .backspace
    case 0x01...0x1A:
      let letter = Unicode.Scalar(scalar.value + 0x60).map(Character.init) ?? "?"
      self = .ctrl(letter)
    case 0x00...0x1F, 0x80...0x9F: self = .unknown(Int(scalar.value))
    default: self = .char(Character(scalar))
    }
  }
}
