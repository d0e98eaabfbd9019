import BrowserModel
import CloudClient
import Foundation

/// The Protection view: one row per database instance and volume, worst first, coloured by
/// verdict (red, amber, green), then the orphans, and the GB totals per region.
enum ProtectionScreen {
  /// One column: title, width, the text of a row, and the order columns are dropped in on a
  /// narrow terminal (lowest first).
  struct Column {
    var title: String
    var width: Int
    var priority: Int
    var alignRight = false
    var text: (ProtectionRow) -> String
  }

  static func columns(_ state: BrowserState) -> [Column] {
    let now = state.now
    var columns = [
      Column(title: "VERDICT", width: 18, priority: 100) { $0.verdict.words },
      Column(title: "KIND", width: 4, priority: 40) { $0.kind == .instance ? "db" : "vol" },
      Column(title: "NAME", width: 0, priority: 99) { $0.name },
    ]
    if case .all = state.region {
      columns.append(Column(title: "REGION", width: 6, priority: 60) { $0.region })
    }
    columns += [
      Column(title: "NEWEST GOOD", width: state.timesAsAges ? 11 : 20, priority: 90) { row in
        guard let date = row.newestGood else { return "—" }
        return state.timesAsAges ? Formatting.age(date, now: now) : Formatting.date(date)
      },
      Column(title: "AGE", width: 5, priority: 95, alignRight: true) { row in
        row.newestGood.map { Formatting.age($0, now: now) } ?? "—"
      },
      Column(title: "COUNT", width: 5, priority: 50, alignRight: true) { String($0.count) },
      Column(title: "SIZE", width: 9, priority: 55, alignRight: true) { row in
        row.count == 0 ? "—" : Formatting.totalSize(row.totalSize)
      },
      Column(title: "TYPE", width: 4, priority: 30) { row in
        guard row.kind == .instance, row.newestGood != nil else { return "" }
        return row.newestIsIncremental ? "incr" : "full"
      },
      Column(title: "SCHEDULE", width: 16, priority: 70) { row in
        guard let s = row.schedule else { return "" }
        let full = s.dayOfWeek == 7 ? "daily" : BackupSchedule.dayNames[min(max(s.dayOfWeek, 0), 6)]
        return String(format: "%02d:%02d full %@", s.hour, s.minute, full)
      },
      Column(title: "NEXT RUN", width: 9, priority: 65) { row in
        guard let s = row.schedule else { return "" }
        let next = ScheduleTimes(s).nextRun(after: now)
        return "in " + Formatting.age(now, now: next)
      },
    ]
    return columns
  }

  static func style(_ verdict: ProtectionVerdict) -> StyleRole {
    switch verdict.severity {
    case .ok: .statusOk
    case .warning: .statusProgress
    case .critical: .statusError
    }
  }

  static func draw(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    guard area.height >= 3, area.width >= 4 else { return }
    let view = state.protection
    var title = "Protection · " + state.region.title
    let problems = view.problemCount
    title += problems == 0 ? " · all protected" : " · \(problems) not protected"
    let inner = Box.draw(
      area, in: &frame, border: Style(.borderFocus), fill: .background, title: title,
      titleStyle: Style(.title))
    guard inner.height > 0 else { return }
    // The table keeps its header and up to five rows; the footer lines that do not fit
    // then go, least useful first (keys, each orphan, then the rest).
    let room = max(0, inner.height - 1 - min(max(view.rows.count, 1), 5))
    let footer = fit(footerLines(state), room: room)
    let tableHeight = inner.height - footer.count
    drawTable(
      state, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight),
      frame: &frame)
    for (index, line) in footer.enumerated() {
      frame.put(
        TextLayout.truncate(line.0, to: max(0, inner.width - 2)), x: inner.x + 1,
        y: inner.y + tableHeight + index, style: Style(line.1), clip: inner)
    }
  }

  /// Columns that fit, widest name last: drop the lowest priority until the rest fit.
  static func fitting(_ all: [Column], width: Int) -> [Column] {
    var columns = all
    func needed(_ list: [Column]) -> Int {
      list.reduce(0) { $0 + ($1.width == 0 ? 12 : $1.width) + 1 }
    }
    while needed(columns) > width, columns.count > 1 {
      guard let drop = columns.indices.min(by: { columns[$0].priority < columns[$1].priority })
      else { break }
      columns.remove(at: drop)
    }
    let spare = max(0, width - needed(columns))
    return columns.map { column in
      var column = column
      if column.width == 0 { column.width = 12 + spare }
      return column
    }
  }

  static func drawTable(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    guard area.height > 0 else { return }
    let view = state.protection
    let columns = fitting(columns(state), width: area.width - 1)
    var x = area.x + 1
    for column in columns {
      frame.put(
        TextLayout.pad(
          TextLayout.truncate(column.title, to: column.width), to: column.width,
          alignRight: column.alignRight),
        x: x, y: area.y, style: Style(.columnHeader), clip: area)
      x += column.width + 1
    }
    let height = area.height - 1
    guard height > 0 else { return }
    if view.rows.isEmpty {
      let loading = PaneKind.allCases.contains { state.pane($0).isLoading }
      frame.put(
        loading
          ? "Loading instances, volumes, backups and snapshots…"
          : "No instances or volumes in \(state.region.title).",
        x: area.x + 1, y: area.y + 2, style: Style(.muted), clip: area)
      return
    }
    let first = min(max(0, view.selected - height + 1), max(0, view.rows.count - height))
    for offset in 0..<height {
      let index = first + offset
      guard view.rows.indices.contains(index) else { break }
      let row = view.rows[index]
      let y = area.y + 1 + offset
      let selected = index == view.selected
      if selected {
        frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(.selection))
      }
      var x = area.x + 1
      for (n, column) in columns.enumerated() {
        let text = TerminalSafe.sanitize(column.text(row))
        let cell = TextLayout.pad(
          TextLayout.truncate(text, to: column.width), to: column.width,
          alignRight: column.alignRight)
        let role: StyleRole = selected ? .selection : (n == 0 ? style(row.verdict) : .text)
        frame.put(cell, x: x, y: y, style: Style(role), clip: area)
        x += column.width + 1
      }
    }
  }

  /// The lines that fit in `room`, the highest priority kept, in their order.
  static func fit(_ lines: [(String, StyleRole, Int)], room: Int) -> [(String, StyleRole)] {
    guard lines.count > room else { return lines.map { ($0.0, $0.1) } }
    let kept = Set(
      lines.indices.sorted { lines[$0].2 > lines[$1].2 || (lines[$0].2 == lines[$1].2 && $0 < $1) }
        .prefix(room))
    return lines.indices.filter(kept.contains).map { (lines[$0].0, lines[$0].1) }
  }

  /// Under the table: orphans, regions without schedules, totals, and the keys, each with
  /// the priority it keeps its place with on a short terminal.
  static func footerLines(_ state: BrowserState) -> [(String, StyleRole, Int)] {
    let view = state.protection
    var lines: [(String, StyleRole, Int)] = []
    let unsupported = view.regionsWithoutSchedules
    if !unsupported.isEmpty {
      lines.append(
        (
          "no schedules on this cloud (\(unsupported.joined(separator: " "))): thresholds alone decide",
          .muted, 4
        ))
    }
    if !view.orphans.isEmpty {
      let gb = view.orphans.reduce(0) { $0 + $1.size }
      lines.append(
        (
          "\(view.orphans.count) orphan\(view.orphans.count == 1 ? "" : "s") (\(Formatting.totalSize(gb))):",
          .statusProgress, 3
        ))
      for orphan in view.orphans.prefix(3) {
        lines.append(("  " + TerminalSafe.sanitize(orphan.line), .statusProgress, 1))
      }
      if view.orphans.count > 3 {
        lines.append(("  … and \(view.orphans.count - 3) more", .muted, 1))
      }
    }
    let totals = view.totals.map { total in
      var text =
        "\(total.region) backups \(Formatting.totalSize(total.backupGB)), snapshots \(Formatting.totalSize(total.snapshotGB))"
      if total.orphanGB > 0 { text += ", orphans \(Formatting.totalSize(total.orphanGB))" }
      return text
    }
    if !totals.isEmpty { lines.append(("GB: " + totals.joined(separator: " · "), .muted, 2)) }
    lines.append(
      (
        "Enter backups/snapshots · a schedule · C copy to a region · r refresh · Esc back", .muted,
        0
      ))
    return lines
  }
}
