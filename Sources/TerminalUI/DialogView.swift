import BrowserModel

/// Modal forms (create backup/snapshot, rename snapshot) and the delete confirmation.
enum DialogView {
  static func draw(_ dialog: Dialog, in area: Rect, frame: inout Frame) {
    switch dialog {
    case .form(let form): drawForm(form, in: area, frame: &frame)
    case .confirmDelete(let confirm): drawConfirm(confirm, in: area, frame: &frame)
    }
  }

  /// How many picker options are listed under a focused picker.
  static let pickerRows = 5

  static func drawForm(_ form: Form, in area: Rect, frame: inout Frame) {
    var lines = 0
    for (index, field) in form.fields.enumerated() {
      lines += 1
      if index == form.focus, case .picker(let picker) = field.value {
        lines += min(pickerRows, picker.options.count)
      }
    }
    let width = min(area.width, 70)
    // The server's refusal is shown whole (up to 4 lines): it is what the operator must fix.
    let errorLines =
      form.submitting
      ? [] : TextLayout.wrap(form.error ?? "", width: max(1, width - 4), maxLines: 4)
    let height = min(area.height, lines + 4 + max(1, errorLines.count))
    guard width >= 12, height >= 4 else { return }
    let box = area.centered(width: width, height: height)
    let inner = Box.draw(
      box, in: &frame, border: Style(.dialogBorder), fill: Style(.dialog), title: form.title,
      titleStyle: Style(.dialogTitle))
    let labelWidth = min(14, inner.width / 3)
    let valueX = inner.x + labelWidth + 2
    let valueWidth = max(1, inner.maxX - valueX - 1)
    var y = inner.y + 1
    for (index, field) in form.fields.enumerated() {
      guard y < inner.maxY - 1 else { break }
      let focused = index == form.focus
      frame.put(
        TextLayout.truncate(field.label, to: labelWidth), x: inner.x + 1, y: y,
        style: Style(focused ? .dialogTitle : .dialog), clip: inner)
      let valueArea = Rect(x: valueX, y: y, width: valueWidth, height: 1)
      switch field.value {
      case .text(let text):
        TextInput.draw(
          text, in: valueArea, frame: &frame, style: Style(.input, underline: focused),
          focused: focused && !form.submitting)
        y += 1
      case .note(let text):
        frame.put(
          TextLayout.truncate(text, to: valueWidth), x: valueX, y: y, style: Style(.muted),
          clip: inner)
        y += 1
      case .toggle(let on):
        frame.put(
          (on ? "[x]" : "[ ]") + (focused ? "  Space toggles" : ""), x: valueX, y: y,
          style: Style(focused ? .buttonFocus : .dialog), clip: inner)
        y += 1
      case .picker(let picker):
        let label = picker.selectedOption?.label ?? "(nothing to pick)"
        let shown = "‹ " + TextLayout.truncate(label, to: max(1, valueWidth - 4)) + " ›"
        frame.put(
          shown, x: valueX, y: y, style: Style(focused ? .buttonFocus : .input), clip: inner)
        y += 1
        if focused && !picker.options.isEmpty {
          let count = min(pickerRows, picker.options.count)
          var first = max(0, picker.selected - count / 2)
          first = min(first, picker.options.count - count)
          for offset in 0..<count {
            guard y < inner.maxY - 1 else { break }
            let position = first + offset
            let option = picker.options[position]
            let selected = position == picker.selected
            // A region picker's options are regions: not "IAD  IAD".
            let region =
              option.region.isEmpty || option.region == option.label ? "" : "  " + option.region
            let text = (selected ? "▶ " : "  ") + option.label + region
            frame.put(
              TextLayout.pad(text, to: valueWidth), x: valueX, y: y,
              style: Style(selected ? .selection : .dialog), clip: inner)
            y += 1
          }
        }
      }
    }
    let statusY = inner.maxY - 1
    if form.submitting {
      frame.put(" Submitting…", x: inner.x, y: statusY, style: Style(.statusProgress), clip: inner)
    } else if form.error != nil, !errorLines.isEmpty {
      let top = max(inner.y, inner.maxY - errorLines.count)
      for (index, line) in errorLines.enumerated() where top + index < inner.maxY {
        frame.put(" " + line, x: inner.x, y: top + index, style: Style(.messageError), clip: inner)
      }
    } else {
      frame.put(
        " Enter submits · Esc cancels", x: inner.x, y: statusY, style: Style(.dialog),
        clip: inner)
    }
  }

  static func drawConfirm(_ confirm: DeleteConfirmation, in area: Rect, frame: inout Frame) {
    let width = min(area.width, 64)
    let textWidth = max(1, width - 4)
    let noun = confirm.pane == .backups ? "backup" : "snapshot"
    let kind = confirm.isBulk ? "\(confirm.rows.count) \(noun)s" : noun
    let verb = confirm.force ? "Force delete" : "Delete"
    var question = confirm.isBulk ? "\(verb) \(kind)" : "\(verb) \(kind) “\(confirm.name)”"
    if let total = confirm.totalSize { question += " (\(Formatting.totalSize(total)))" }
    var lines = TextLayout.wrap(question + "?", width: textWidth)
    if confirm.isBulk { lines += TextLayout.wrap(confirm.name, width: textWidth) }
    let plain = lines.count
    if let warning = confirm.warning { lines += TextLayout.wrap(warning, width: textWidth) }
    let height = min(area.height, lines.count + 5)
    guard width >= 12, height >= 3 else { return }
    let box = area.centered(width: width, height: height)
    let inner = Box.draw(
      box, in: &frame, border: Style(.statusError), fill: Style(.dialog),
      title: "\(verb) \(kind)", titleStyle: Style(.statusError))
    for (index, line) in lines.enumerated() where inner.y + index < inner.maxY - 1 {
      frame.put(
        line, x: inner.x + 1, y: inner.y + index,
        style: Style(index < plain ? .dialog : .statusError), clip: inner)
    }
    let cancel = "[ Cancel ]"
    let delete = confirm.isBulk ? "[ Delete \(confirm.rows.count) ]" : "[ Delete ]"
    let buttonsWidth = DisplayWidth.of(cancel) + 2 + DisplayWidth.of(delete)
    let bx = inner.x + max(0, (inner.width - buttonsWidth) / 2)
    let by = inner.maxY - 1
    frame.put(
      cancel, x: bx, y: by, style: Style(confirm.focus == .cancel ? .buttonFocus : .button),
      clip: inner)
    frame.put(
      delete, x: bx + DisplayWidth.of(cancel) + 2, y: by,
      style: Style(confirm.focus == .confirm ? .buttonFocus : .button), clip: inner)
  }
}
