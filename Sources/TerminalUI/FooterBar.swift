import BrowserModel

/// Bottom line: the keys that do something right now, most useful first, cut at the width.
enum FooterBar {
  /// What decides the hints, and nothing else of the state.
  struct Model {
    enum DialogKind { case form, confirmDelete }
    var dialog: DialogKind?
    var helpVisible: Bool
    var inputMode: InputMode
    var detailOpen: Bool
    var readOnly: Bool
    var focusedPane: PaneKind
    /// The events view is open (`nil`), or typing into its filter (`true`).
    var events: Bool?

    init(_ state: BrowserState) {
      events = state.watch.eventsView.map(\.editing)
      switch state.dialog {
      case .form: dialog = .form
      case .confirmDelete: dialog = .confirmDelete
      case nil: dialog = nil
      }
      helpVisible = state.helpVisible
      inputMode = state.inputMode
      detailOpen = state.detailOpen
      readOnly = state.profile.readOnly
      focusedPane = state.focusedPane
    }
  }

  static func hints(_ state: Model) -> [(key: String, label: String)] {
    if let dialog = state.dialog {
      switch dialog {
      case .form:
        return [("Tab", "next field"), ("↑↓", "choose"), ("Enter", "submit"), ("Esc", "cancel")]
      case .confirmDelete:
        return [("←→", "choose"), ("Enter", "press"), ("Esc", "cancel")]
      }
    }
    if state.helpVisible { return [("Esc", "close help"), ("q", "close help")] }
    if let editing = state.events, state.inputMode == .normal {
      if editing { return [("Enter", "keep filter"), ("Esc", "clear"), ("Ctrl-U", "erase")] }
      return [
        ("↑↓", "move"), ("Enter", "go to row"), ("/", "filter"), ("t", "ages/dates"),
        ("Esc", "close"),
      ]
    }
    switch state.inputMode {
    case .filter:
      return [("Enter", "keep filter"), ("Esc", "clear"), ("Ctrl-U", "erase")]
    case .command:
      return [("Enter", "run"), ("Esc", "cancel"), ("↑↓", "history"), ("Tab", "")]
        .filter { !$0.1.isEmpty }
    case .normal:
      break
    }
    if state.detailOpen {
      return [
        ("↑↓ PgUp PgDn", "scroll"), ("Enter Esc", "close"), ("Y", "copy JSON"), ("?", "help"),
        ("q", "quit"),
      ]
    }
    var hints: [(String, String)] = [("↑↓", "move")]
    switch state.focusedPane {
    case .backups, .snapshots: hints.append(("Enter", "detail"))
    case .instances: hints += [("Enter", "its backups"), ("i", "detail")]
    case .volumes: hints += [("Enter", "its snapshots"), ("i", "detail")]
    }
    hints += [("1-4", "pane"), ("/", "filter"), (":", "command"), ("?", "help"), ("s/S", "sort")]
    if !state.readOnly && state.focusedPane.isActionable {
      hints += [("c", "create"), ("d", "delete")]
      switch state.focusedPane {
      case .backups: hints.append(("R", "restore"))
      case .snapshots: hints += [("V", "to volume"), ("m", "metadata"), ("e", "rename")]
      case .instances, .volumes: break
      }
      hints.append(("Space", "mark"))
    }
    switch state.focusedPane {
    case .backups: hints.append(("o", "its instance"))
    case .snapshots: hints.append(("o", "its volume"))
    case .instances, .volumes: break
    }
    if state.focusedPane.isActionable { hints.append(("n", "notify when done")) }
    hints += [
      ("E", "events"), ("5", "protection"), ("y Y", "copy ID/JSON"), ("r", "refresh"),
      ("q", "quit"),
    ]
    return hints
  }

  static func draw(_ state: Model, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: Style(.muted))
    var x = area.x + 1
    for (key, label) in hints(state) {
      let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2
      if x + width - 2 > area.maxX { break }
      x += frame.put(key, x: x, y: area.y, style: Style(.key), clip: area)
      x += frame.put(" " + label + "  ", x: x, y: area.y, style: Style(.muted), clip: area)
    }
  }
}
