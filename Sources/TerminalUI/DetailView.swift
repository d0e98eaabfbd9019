import BrowserModel
import CloudClient
import Foundation

/// Every field of the selected resource as label/value lines, values word-wrapped.
enum DetailView {
  struct Field {
    var label: String
    var value: String
    var role: StyleRole = .text
  }

  static func draw(
    _ row: Row?, state: BrowserState, in area: Rect, frame: inout Frame, spinner: Character?
  ) {
    guard !area.isEmpty else { return }
    guard let row else {
      frame.put("Nothing selected", x: area.x + 1, y: area.y, style: .muted, clip: area)
      return
    }
    let labelWidth = min(14, max(4, area.width / 3))
    let valueWidth = max(1, area.width - labelWidth - 2)
    var y = area.y
    for field in fields(row, state: state, spinner: spinner) {
      if y >= area.maxY { break }
      let lines = TextLayout.wrap(
        field.value.isEmpty ? "—" : field.value, width: valueWidth, maxLines: area.maxY - y)
      frame.put(
        TextLayout.truncate(field.label, to: labelWidth), x: area.x + 1, y: y, style: .muted,
        clip: area)
      for line in lines {
        if y >= area.maxY { break }
        frame.put(
          line, x: area.x + labelWidth + 2, y: y,
          style: field.value.isEmpty ? .muted : Style(field.role), clip: area)
        y += 1
      }
    }
  }

  static func fields(_ row: Row, state: BrowserState, spinner: Character?) -> [Field] {
    let context = CellContext(state, spinner: spinner)
    let status = row.statusCell(context)
    var list = [
      Field(label: "Name", value: row.resource.name),
      Field(label: "ID", value: row.resource.id),
      Field(label: "Status", value: status.text, role: ColumnText.role(status.role) ?? .text),
      Field(label: "Region", value: row.region),
    ]
    for field in row.kind.descriptor.detailFields(of: row, context) {
      list.append(
        Field(label: field.label, value: field.value, role: ColumnText.role(field.role) ?? .text))
    }
    if let pending = row.pending {
      list.append(Field(label: "Pending", value: pending.label, role: .pending))
    }
    return list + watchFields(row, state: state)
  }

  /// ETA, "stalled?", a pending notification and "unseen", from the history.
  static func watchFields(_ row: Row, state: BrowserState) -> [Field] {
    var list: [Field] = []
    if let motion = state.watch.motion[row.id], row.isInMotion {
      if let eta = motion.eta {
        list.append(Field(label: "ETA", value: Formatting.fullDate(eta, now: state.now)))
      }
      if motion.stalled {
        list.append(
          Field(
            label: "Stalled?", value: "slower than 95% of similar jobs, or progress not moving",
            role: .statusError))
      }
    }
    if state.watch.notifyOnFinish.contains(row.id) {
      list.append(Field(label: "Notify", value: "when it finishes (n: cancel)", role: .pending))
    }
    if state.watch.unseen.contains(row.id) {
      list.append(Field(label: "Unseen", value: "changed while rackwatch was closed"))
    }
    return list
  }
}
