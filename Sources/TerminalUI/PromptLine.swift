import BrowserModel

/// The line above the footer: the filter prompt or command line while typing (with the
/// cursor), else the newest message, else the committed filter.
enum PromptLine {
  /// What the prompt line shows, and nothing else of the state.
  struct Model {
    var inputMode: InputMode
    /// The focused pane's filter (typed or committed).
    var filter: TextField
    var command: TextField
    var message: Message?

    init(_ state: BrowserState) {
      inputMode = state.inputMode
      filter = state.focused.filter
      command = state.command.field
      message = PromptLine.shownMessage(state.activeMessages)
    }
  }

  static func draw(_ state: Model, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: .background)
    switch state.inputMode {
    case .filter:
      field("/", state.filter, in: area, frame: &frame)
      return
    case .command:
      field(":", state.command, in: area, frame: &frame)
      return
    case .normal:
      break
    }
    // An error outranks newer good news: a refresh announcing a finished job must not hide
    // why the operator's own action failed.
    if let message = state.message {
      let role: StyleRole = message.level == .error ? .messageError : .message
      let text = TextLayout.truncate(" " + message.text, to: area.width)
      frame.put(text, x: area.x, y: area.y, style: Style(role), clip: area)
    } else if !state.filter.text.isEmpty {
      let text = " filter: \(state.filter.text)  (/ edit, Esc clear)"
      frame.put(
        TextLayout.truncate(text, to: area.width), x: area.x, y: area.y, style: .muted, clip: area)
    }
  }

  /// The newest error still on show, else the newest message.
  static func shownMessage(_ active: [Message]) -> Message? {
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
