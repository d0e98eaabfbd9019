import BrowserModel
import CloudClient
import Foundation

/// Every field of the selected resource as label/value lines, values word-wrapped; a
/// backup's chain as a small tree; scrolled by the model's `detailScroll`.
enum DetailView {
  struct Field {
    var label: String
    var value: String
    var role: StyleRole = .text
  }

  /// One screen line: a label (only on a field's first line) and its text.
  struct Line: Equatable {
    var label: String
    var text: String
    var role: StyleRole
  }

  static func draw(
    _ row: Row?, state: BrowserState, in area: Rect, frame: inout Frame, spinner: Character?
  ) {
    guard !area.isEmpty else { return }
    guard let row else {
      frame.put("Nothing selected", x: area.x + 1, y: area.y, style: .muted, clip: area)
      return
    }
    let labelWidth = self.labelWidth(area.width)
    let all = lines(row, state: state, spinner: spinner, width: area.width)
    let offset = state.detailOpen ? min(state.detailScroll, max(0, all.count - area.height)) : 0
    var y = area.y
    for line in all.dropFirst(offset).prefix(area.height) {
      frame.put(
        TextLayout.truncate(line.label, to: labelWidth), x: area.x + 1, y: y, style: .muted,
        clip: area)
      frame.put(line.text, x: area.x + labelWidth + 2, y: y, style: Style(line.role), clip: area)
      y += 1
    }
    // Where more is: an arrow at the right edge of the first / last line.
    if offset > 0 {
      frame.put("↑", x: area.maxX - 1, y: area.y, style: Style(.key), clip: area)
    }
    if offset + area.height < all.count {
      frame.put("↓", x: area.maxX - 1, y: area.maxY - 1, style: Style(.key), clip: area)
    }
  }

  static func labelWidth(_ width: Int) -> Int { min(14, max(4, width / 3)) }

  /// The wrapped lines for a detail area `width` wide.
  static func lines(_ row: Row, state: BrowserState, spinner: Character?, width: Int) -> [Line] {
    let valueWidth = max(1, width - labelWidth(width) - 3)
    var lines: [Line] = []
    for field in fields(row, state: state, spinner: spinner) {
      let wrapped = TextLayout.wrap(field.value.isEmpty ? "—" : field.value, width: valueWidth)
      for (index, text) in wrapped.enumerated() {
        lines.append(
          Line(
            label: index == 0 ? field.label : "", text: text,
            role: field.value.isEmpty ? .muted : field.role))
      }
    }
    return lines
  }

  static func fields(_ row: Row, state: BrowserState, spinner: Character?) -> [Field] {
    let context = CellContext(state, spinner: spinner)
    let status = row.statusCell(context)
    var list = [
      Field(label: "Name", value: row.name),
      Field(label: "ID", value: row.id.id),
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
    let pane = state.pane(row.kind)
    if pane.isMarked(row.id) {
      if let note = pane.markNotes[row.id] {
        list.append(Field(label: "Marked", value: "refused: \(note)", role: .statusError))
      } else {
        list.append(Field(label: "Marked", value: "yes (Space unmarks)", role: .key))
      }
    }
    if row.kind == .backups, let chain = BackupChain.of(row.id, in: state.pane(.backups)),
      chain.isChained
    {
      list += chainFields(chain, now: state.now)
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

  /// The chain as a tree, oldest parent first:
  ///
  ///     nightly-full  COMPLETED  2d
  ///     └ nightly-incr-1  COMPLETED  1d
  ///       └ ▸ this one  COMPLETED  3h
  static func chainFields(_ chain: BackupChain, now: Date) -> [Field] {
    var fields: [Field] = []
    if let reason = chain.brokenReason {
      fields.append(Field(label: "Chain", value: "broken: \(reason)", role: .statusError))
    }
    if let missing = chain.missingParent {
      fields.append(
        Field(label: fields.isEmpty ? "Chain" : "", value: "(\(missing): not listed)", role: .muted)
      )
    }
    let links = chain.ancestors + [chain.this] + chain.descendants
    for link in links {
      let indent = String(repeating: "  ", count: max(0, link.depth - 1))
      let branch = link.depth == 0 && chain.missingParent == nil ? "" : indent + "└ "
      let marker = link.id == chain.this.id ? "▸ " : ""
      let name = link.name.isEmpty ? link.id.id : link.name
      var text = "\(branch)\(marker)\(name)  \(link.status.wire)"
      if let created = link.created { text += "  " + Formatting.age(created, now: now) }
      let role: StyleRole =
        link.status == .failed ? .statusError : (link.id == chain.this.id ? .key : .text)
      fields.append(Field(label: fields.isEmpty ? "Chain" : "", value: text, role: role))
    }
    if !chain.descendants.isEmpty {
      let count = chain.descendants.count
      fields.append(
        Field(
          label: "",
          value: "deleting it deletes \(count) incremental backup\(count == 1 ? "" : "s") too",
          role: .muted))
    }
    return fields
  }
}
