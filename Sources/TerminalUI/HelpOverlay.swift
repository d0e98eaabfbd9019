import BrowserModel

/// `?`: every key and command in a centred box.
enum HelpOverlay {
  static let entries: [(String, String)] = [
    ("↑↓ j k PgUp PgDn", "move the selection, page"),
    ("Home End g G", "first / last row"),
    ("Tab 1-4 ← → h l", "switch pane"),
    ("Enter Esc", "open / close detail; Esc also clears"),
    ("/", "filter (words, status: datastore: region:)"),
    ("s / S", "sort by next column / reverse"),
    ("r", "refresh now"),
    ("t", "times as ages (AGE 3h, 2d) / UTC dates"),
    ("c e d", "create, rename snapshot, delete (asks)"),
    ("y", "copy ID to clipboard (OSC 52)"),
    ("? q Ctrl-C", "this help, quit"),
    (":backups :snapshots", "show a pane (also :instances :volumes)"),
    ("5 :protection", "is everything protected? Enter its backups, a schedule"),
    (":region NAME|all", "watch one region or all"),
    (":theme NAME", "switch theme"),
    (":q", "quit"),
  ]

  static func draw(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    let keyWidth = entries.map { DisplayWidth.of($0.0) }.max() ?? 10
    let width = min(area.width - 2, 72)
    let height = min(area.height - 2, entries.count + 2)
    guard width >= 10, height >= 3 else { return }
    let box = area.centered(width: width, height: height)
    let inner = Box.draw(
      box, in: &frame, border: Style(.dialogBorder), fill: Style(.dialog), title: "Help",
      titleStyle: Style(.dialogTitle))
    for (index, entry) in entries.prefix(inner.height).enumerated() {
      let y = inner.y + index
      let kw = min(keyWidth, inner.width / 2)
      frame.put(
        TextLayout.truncate(entry.0, to: kw), x: inner.x + 1, y: y, style: Style(.key), clip: inner)
      frame.put(
        TextLayout.truncate(entry.1, to: max(0, inner.width - kw - 3)), x: inner.x + kw + 3, y: y,
        style: Style(.dialog), clip: inner)
    }
  }
}
