import BrowserModel
import Foundation

/// The events view (`E`, `:events`): the history newest first, one line an event (when, what,
/// kind, region, name, status change, size), filterable with `/`, Enter jumps to the row.
/// Draws only the lines that fit.
enum EventsTable {
  static func draw(_ state: BrowserState, view: EventsView, in area: Rect, frame: inout Frame) {
    guard area.height >= 3, area.width >= 10 else { return }
    let history = state.watch.events
    let rows = view.rows(of: history)
    var title = "Events · \(Formatting.count(rows.count))"
    if !view.filter.text.isEmpty || view.editing {
      title += " · /" + view.filter.text + (view.editing ? "▏" : "")
    }
    let inner = Box.draw(
      area, in: &frame, border: Style(.borderFocus), fill: .background, title: title,
      titleStyle: Style(.title))
    guard inner.height >= 1 else { return }
    // Narrow: ages instead of dates, and no kind or region, so the name keeps some room.
    let narrow = inner.width < 64
    let ages = state.timesAsAges || narrow
    let widths = (
      time: ages ? 9 : 16, change: 9, kind: narrow ? 0 : 9, region: narrow ? 0 : 6
    )
    let header = [
      TextLayout.pad("TIME", to: widths.time), TextLayout.pad("EVENT", to: widths.change),
      narrow ? nil : TextLayout.pad("KIND", to: widths.kind),
      narrow ? nil : TextLayout.pad("REGION", to: widths.region), "NAME",
    ].compactMap { $0 }.joined(separator: " ")
    frame.fill(
      Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), style: Style(.columnHeader))
    frame.put(header, x: inner.x + 1, y: inner.y, style: Style(.columnHeader), clip: inner)
    let height = inner.height - 1
    guard rows.isEmpty == false else {
      let text =
        history.isEmpty
        ? "No events yet: jobs that start, finish, fail, appear or go are listed here."
        : "No event matches “\(view.filter.text)”."
      for (i, line) in TextLayout.wrap(text, width: max(1, inner.width - 2)).enumerated()
      where i + 2 < inner.height {
        frame.put(line, x: inner.x + 1, y: inner.y + 2 + i, style: .muted, clip: inner)
      }
      return
    }
    var first = min(view.scroll, max(0, rows.count - height))
    if view.selected < first { first = view.selected }
    if view.selected >= first + height { first = view.selected - height + 1 }
    for line in 0..<height {
      let position = first + line
      guard position < rows.count else { break }
      let event = history[rows[position]]
      let y = inner.y + 1 + line
      let selected = position == view.selected
      let base = selected ? Style(.selection) : Style(.text)
      frame.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base)
      let time = ages ? Formatting.relative(event.at, now: state.now) : Formatting.date(event.at)
      var x = inner.x
      x += frame.put(selected ? "▶" : " ", x: x, y: y, style: base, clip: inner)
      for (text, width, role) in [
        (time, widths.time, StyleRole.muted),
        (event.change.rawValue, widths.change, role(of: event.change)),
        (event.kind?.title ?? "", widths.kind, StyleRole.text),
        (event.region, widths.region, StyleRole.text),
      ] where width > 0 {
        let cell = TextLayout.pad(TextLayout.truncate(text, to: width), to: width)
        frame.put(cell, x: x, y: y, style: selected ? base : Style(role), clip: inner)
        x += width + 1
      }
      var rest = event.name.isEmpty ? event.id : event.name
      let status = event.statusText
      if !status.isEmpty { rest += "  " + status }
      if let size = event.size {
        // Cinder sizes are whole GB: "75 GB", not "75.0 GB".
        rest +=
          "  "
          + (size == size.rounded() && size < 1e9
            ? Formatting.gigabytes(Int(size)) : Formatting.gigabytes(size))
      }
      frame.put(
        TextLayout.truncate(rest, to: max(0, inner.maxX - x)), x: x, y: y, style: base,
        clip: inner)
    }
  }

  static func role(of change: HistoryEvent.Change) -> StyleRole {
    switch change {
    case .completed: .statusOk
    case .failed: .statusError
    case .started, .changed: .statusProgress
    case .gone: .statusDeleting
    case .appeared, .opened, .closed: .text
    }
  }
}

/// The "since you last looked" panel: what happened while rackwatch was closed, over the foot
/// of the list until Esc.
enum DigestPanel {
  static func draw(_ digest: Digest, now: Date, in area: Rect, frame: inout Frame) {
    let width = min(area.width, 72)
    guard width >= 20, area.height >= 4 else { return }
    let text =
      "Since \(Formatting.weekdayTime(digest.since, now: now)) (\(Formatting.relative(digest.since, now: now))): "
      + digest.summary + "."
    let lines = TextLayout.wrap(text, width: width - 4)
    let hint = "Rows marked * changed meanwhile. E: events · Esc: dismiss"
    let hints = TextLayout.wrap(hint, width: width - 4)
    let height = min(area.height, lines.count + hints.count + 2)
    // At the bottom of the list: the rows that changed are the newest, at the top by default.
    let rect = Rect(x: area.maxX - width, y: area.maxY - height, width: width, height: height)
    let inner = Box.draw(
      rect, in: &frame, border: Style(.dialogBorder), fill: Style(.dialog),
      title: "Since you last looked", titleStyle: Style(.dialogTitle))
    var y = inner.y
    for line in lines where y < inner.maxY {
      frame.put(line, x: inner.x + 1, y: y, style: Style(.dialog), clip: inner)
      y += 1
    }
    for line in hints where y < inner.maxY {
      frame.put(line, x: inner.x + 1, y: y, style: .muted, clip: inner)
      y += 1
    }
  }
}
