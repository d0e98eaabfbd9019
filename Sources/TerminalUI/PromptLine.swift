import BrowserModel

/// The line above the footer: the filter prompt or command line while typing (with the
/// cursor), else the newest message, else the committed filter.
enum PromptLine {
  static func draw(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: .background)
    switch state.inputMode {
    case .filter:
      field("/", state.focused.filter, in: area, frame: &frame)
      return
    case .command:
      field(":", state.command.field, in: area, frame: &frame)
      return
    case .normal:
      break
    }
    // An error outranks newer good news: a refresh announcing a finished job must not hide
    // why the operator's own action failed.
    if let message = Self.shownMessage(state) {
      let role: StyleRole = message.level == .error ? .messageError : .message
      let text = TextLayout.truncate(" " + message.text, to: area.width)
      frame.put(text, x: area.x, y: area.y, style: Style(role), clip: area)
    } else if !state.focused.filter.text.isEmpty {
      let text = " filter: \(state.focused.filter.text)  (/ edit, Esc clear)"
      frame.put(
        TextLayout.truncate(text, to: area.width), x: area.x, y: area.y, style: .muted, clip: area)
    }
  }

  /// The newest error still on show, else the newest message.
  static func shownMessage(_ state: BrowserState) -> Message? {
    let active = state.activeMessages
    for message in active.reversed() where message.level == .error { return message }
    return active.last
  }

  /// A one-line text field: prompt, text scrolled so the cursor stays visible, cursor set.
  static func field(_ prompt: String, _ text: TextField, in area: Rect, frame: inout Frame) {
    let x0 = area.x + frame.put(prompt, x: area.x, y: area.y, style: Style(.prompt), clip: area)
    let width = max(1, area.maxX - x0 - 1)
    TextInput.draw(
      text, in: Rect(x: x0, y: area.y, width: width, height: 1), frame: &frame,
      style: Style(.input), focused: true)
  }
}
