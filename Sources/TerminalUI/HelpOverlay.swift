import BrowserModel

/// `?`: every key and command in a centred box.
enum HelpOverlay {
  static let entries: [(String, String)] = [
    ("↑↓ j k PgUp PgDn", "move the selection, page"),
    ("Home End g G", "first / last row"),
    ("Tab 1-4 ← → h l", "switch pane"),
    ("Enter Esc i", "detail (↑↓ scroll it); Esc also clears filter, marks"),
    ("Enter o", "instance → its backups, volume → its snapshots, and back"),
    ("/", "filter (words, status: datastore: region: instance: volume:)"),
    ("s / S", "sort by next column / reverse"),
    ("r t", "refresh now; times as ages (3h, 2d) / UTC dates"),
    ("c e d", "create, rename snapshot, delete (asks)"),
    ("Space", "mark rows; d then deletes every marked row"),
    ("R V C", "restore to new instance; volume from snapshot; copy to region"),
    ("m A", "snapshot metadata; admin actions (profile admin: true)"),
    ("y Y", "copy ID / whole record as JSON (OSC 52)"),
    ("? q Ctrl-C", "this help, quit"),
    (":backups :snapshots", "show a pane (also :instances :volumes)"),
    ("5 :protection", "is everything protected? Enter its backups, a schedule"),
    (":region NAME|all", "watch one region or all"),
    (":theme NAME", "switch theme"),
    ("n", "notify when the selected job finishes"),
    ("E :events", "event history; / filters, Enter jumps to the row"),
    (":pause :refresh 5s", "pause refreshes / set the interval (:resume)"),
    (":q", "quit"),
  ]

  /// The box the help is drawn in, for an overlay area.
  static func box(in area: Rect) -> Rect? {
    let width = min(area.width - 2, 86)
    let height = min(area.height - 2, entries.count + 2)
    guard width >= 10, height >= 3 else { return nil }
    return area.centered(width: width, height: height)
  }

  /// How many entries there are and how many the box shows.
  static func extent(in area: Rect) -> ScrollExtent? {
    guard let box = box(in: area) else { return nil }
    return ScrollExtent(lines: entries.count, visible: box.height - 2)
  }

  static func draw(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    let keyWidth = entries.map { DisplayWidth.of($0.0) }.max() ?? 10
    guard let box = box(in: area) else { return }
    let visible = box.height - 2
    let offset = min(max(0, state.helpScroll), max(0, entries.count - visible))
    let more = entries.count > visible
    let inner = Box.draw(
      box, in: &frame, border: Style(.dialogBorder), fill: Style(.dialog),
      title: more ? "Help · ↑↓ scroll" : "Help", titleStyle: Style(.dialogTitle))
    for (index, entry) in entries.dropFirst(offset).prefix(inner.height).enumerated() {
      let y = inner.y + index
      let kw = min(keyWidth, inner.width / 2)
      frame.put(
        TextLayout.truncate(entry.0, to: kw), x: inner.x + 1, y: y, style: Style(.key), clip: inner)
      frame.put(
        TextLayout.truncate(entry.1, to: max(0, inner.width - kw - 4)), x: inner.x + kw + 3, y: y,
        style: Style(.dialog), clip: inner)
    }
    if offset > 0 { frame.put("↑", x: inner.maxX - 1, y: inner.y, style: Style(.key), clip: inner) }
    if offset + visible < entries.count {
      frame.put("↓", x: inner.maxX - 1, y: inner.maxY - 1, style: Style(.key), clip: inner)
    }
  }
}
