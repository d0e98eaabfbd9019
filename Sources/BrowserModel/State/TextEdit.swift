import CloudClient

/// One editing keystroke, shared by the filter, the command line and dialog fields.
public enum TextEdit: Sendable, Hashable {
  case insert(String)
  case backspace
  /// Ctrl-W.
  case deleteWordBackward
  /// Ctrl-U.
  case clearLine
  case moveLeft, moveRight, home, end
  /// Delete the character under the cursor.
  case delete
}

/// A single-line text field with a cursor (in `Character`s, 0...count).
public struct TextField: Sendable, Hashable {
  public var text: String
  public var cursor: Int

  public init(_ text: String = "") {
    self.text = text
    self.cursor = text.count
  }

  /// Applies one edit. Inserted text loses its control characters: a paste cannot smuggle
  /// an escape sequence into a name that is later echoed.
  public mutating func apply(_ edit: TextEdit) {
    var chars = Array(text)
    cursor = min(max(cursor, 0), chars.count)
    switch edit {
    case .insert(let string):
      let clean = Array(TerminalSafe.stripControls(string))
      chars.insert(contentsOf: clean, at: cursor)
      cursor += clean.count
    case .backspace:
      if cursor > 0 {
        chars.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete:
      if cursor < chars.count { chars.remove(at: cursor) }
    case .deleteWordBackward:
      var start = cursor
      while start > 0, chars[start - 1] == " " { start -= 1 }
      while start > 0, chars[start - 1] != " " { start -= 1 }
      chars.removeSubrange(start..<cursor)
      cursor = start
    case .clearLine:
      chars.removeAll()
      cursor = 0
    case .moveLeft: cursor = max(0, cursor - 1)
    case .moveRight: cursor = min(chars.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = chars.count
    }
    text = String(chars)
  }
}
