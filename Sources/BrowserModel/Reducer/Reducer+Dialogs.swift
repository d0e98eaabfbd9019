import CloudClient
import Foundation

/// Opening, editing and submitting the create / rename / delete dialogs.
extension Reducer {
  static func refuseIfReadOnly(_ state: inout BrowserState, _ what: String) -> Bool {
    guard state.profile.readOnly else { return false }
    post(&state, .error, "Read-only mode: \(what) is disabled")
    return true
  }

  static func beginCreate(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "create") { return [] }
    let selected = state.focused.selectedRow
    switch state.focusedPane {
    case .backups, .instances:
      let preselect = state.focusedPane == .instances ? selected?.id : nil
      let form = Form(
        purpose: .createBackup, title: "Create backup",
        fields: [
          FormField(id: .name, label: "Name", value: .text(TextField())),
          FormField(
            id: .instance, label: "Instance", value: .picker(instancePicker(state, preselect))),
          FormField(id: .description, label: "Description", value: .text(TextField())),
          FormField(id: .parent, label: "Incremental of", value: .picker(parentPicker(state, nil))),
          // Rackspace copies the finished backup to these regions (`copy_to`).
          FormField(id: .copyTo, label: "Copy to", value: .text(TextField())),
        ])
      state.dialog = .form(form)
      return loadIfNeverLoaded(&state, .instances)
    case .snapshots, .volumes:
      let preselect = state.focusedPane == .volumes ? selected?.id : nil
      let form = Form(
        purpose: .createSnapshot, title: "Create snapshot",
        fields: [
          FormField(id: .volume, label: "Volume", value: .picker(volumePicker(state, preselect))),
          FormField(id: .name, label: "Name", value: .text(TextField())),
          FormField(id: .description, label: "Description", value: .text(TextField())),
          FormField(id: .force, label: "Force (in-use volume)", value: .toggle(false)),
        ])
      state.dialog = .form(form)
      return loadIfNeverLoaded(&state, .volumes)
    }
  }

  static func beginRename(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "rename") { return [] }
    guard state.focusedPane == .snapshots, let row = state.focused.selectedRow,
      let snapshot = row.resource.snapshot
    else {
      post(&state, .info, "Select a snapshot to rename")
      return []
    }
    var form = Form(
      purpose: .renameSnapshot(row.id), title: "Rename snapshot \(row.id.id)",
      fields: [
        FormField(id: .name, label: "Name", value: .text(TextField(snapshot.name))),
        FormField(
          id: .description, label: "Description",
          value: .text(TextField(snapshot.description ?? ""))),
      ])
    form.focus = 0
    state.dialog = .form(form)
    return []
  }

  static func beginDelete(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "delete") { return [] }
    let kind = state.focusedPane
    if kind.isActionable, !state.focused.marked.isEmpty { return beginBulkDelete(&state) }
    guard kind.isActionable, let row = state.focused.selectedRow, row.change?.kind != .gone else {
      post(&state, .info, "Select a backup or snapshot to delete")
      return []
    }
    if row.pending != nil {
      post(&state, .info, "\(label(row.resource)) is already \(row.pending?.label ?? "busy")")
      return []
    }
    let warning = kind == .backups ? childrenWarning(state, [row.id]) : nil
    state.dialog = .confirmDelete(
      DeleteConfirmation(pane: kind, row: row.id, name: label(row.resource), warning: warning))
    return []
  }

  /// Trove deletes a parent's incremental children (and theirs) with it: the confirmation
  /// says how many go that were not asked for.
  static func childrenWarning(_ state: BrowserState, _ ids: [RowID]) -> String? {
    let extra = BackupChain.dependants(of: ids, in: state.pane(.backups))
    guard !extra.isEmpty else { return nil }
    return
      "\(extra.count) incremental backup\(extra.count == 1 ? "" : "s") built on \(ids.count == 1 ? "it" : "them") will be deleted too"
  }

  // MARK: - Pickers

  static func instancePicker(_ state: BrowserState, _ preselect: RowID?) -> Picker {
    let rows = state.pane(.instances).rows.filter { $0.change?.kind != .gone }
    let multi = state.watchedRegions.count > 1
    let sorted = rows.sorted { $0.resource.name < $1.resource.name }
    let options = sorted.map { row in
      Picker.Option(
        value: row.id.id,
        label:
          "\(row.resource.name) (\(row.resource.statusText))\(multi ? " \(row.id.region)" : "")",
        region: row.id.region)
    }
    let selected = options.firstIndex { option in
      preselect.map { option.value == $0.id && option.region == $0.region } ?? false
    }
    // With nothing preselected, start on an instance that can take a backup now.
    let firstReady = sorted.firstIndex { $0.resource.instance?.acceptsBackup == true }
    return Picker(options: options, selected: selected ?? firstReady ?? 0)
  }

  static func volumePicker(_ state: BrowserState, _ preselect: RowID?) -> Picker {
    let rows = state.pane(.volumes).rows.filter { $0.change?.kind != .gone }
    let multi = state.watchedRegions.count > 1
    let options = rows.sorted { $0.resource.name < $1.resource.name }.map { row in
      let size = row.resource.volume.map { " \($0.size) GB" } ?? ""
      return Picker.Option(
        value: row.id.id,
        label:
          "\(label(row.resource)) (\(row.resource.statusText)\(size))\(multi ? " \(row.id.region)" : "")",
        region: row.id.region)
    }
    let selected = options.firstIndex { option in
      preselect.map { option.value == $0.id && option.region == $0.region } ?? false
    }
    return Picker(options: options, selected: selected ?? 0)
  }

  /// "(none)" then every COMPLETED backup, newest first.
  static func parentPicker(_ state: BrowserState, _ current: String?) -> Picker {
    let completed = state.pane(.backups).rows.filter {
      $0.resource.backup?.status == .completed && $0.change?.kind != .gone
    }.sorted {
      ($0.resource.backup?.created ?? .distantPast) > ($1.resource.backup?.created ?? .distantPast)
    }
    var options = [Picker.Option(value: "", label: "(none: full backup)", region: "")]
    options += completed.map { row in
      Picker.Option(
        value: row.id.id,
        label: "\(label(row.resource)) · \(row.resource.backup?.instanceID ?? "?")",
        region: row.id.region)
    }
    let selected = options.firstIndex { $0.value == (current ?? "") } ?? 0
    return Picker(options: options, selected: selected)
  }

  /// New instance/volume lists arrived while a form is open: refresh its picker, keeping the
  /// chosen item.
  static func refreshPickers(_ state: inout BrowserState) {
    guard case .form(var form) = state.dialog else { return }
    if let picker = form.picker(.instance) {
      let keep = picker.selectedOption.map { RowID(region: $0.region, id: $0.value) }
      form.setPicker(.instance, instancePicker(state, keep))
    }
    if let picker = form.picker(.volume) {
      let keep = picker.selectedOption.map { RowID(region: $0.region, id: $0.value) }
      form.setPicker(.volume, volumePicker(state, keep))
    }
    if let picker = form.picker(.parent) {
      form.setPicker(.parent, parentPicker(state, picker.selectedOption?.value))
    }
    state.dialog = .form(form)
  }

  // MARK: - Editing

  static func dialogAction(_ state: inout BrowserState, _ action: Action) -> [Effect] {
    switch state.dialog {
    case nil: return []
    case .confirmDelete(var confirmation):
      switch action {
      case .focusCancel: confirmation.focus = .cancel
      case .focusConfirm: confirmation.focus = .confirm
      case .nextField, .previousField, .pickerMove:
        confirmation.focus = confirmation.focus == .cancel ? .confirm : .cancel
      case .cancelDialog:
        state.dialog = nil
        return []
      case .submitDialog:
        state.dialog = nil
        return confirmation.focus == .confirm ? sendDelete(&state, confirmation) : []
      default: break
      }
      state.dialog = .confirmDelete(confirmation)
      return []
    case .form(var form):
      switch action {
      case .cancelDialog:
        state.dialog = nil
        return []
      case .submitDialog:
        return submit(&state, form)
      case .nextField:
        form.focus = form.nextFocusable(after: form.focus, step: 1)
      case .previousField:
        form.focus = form.nextFocusable(after: form.focus, step: -1)
      case .editField(let edit):
        guard form.fields.indices.contains(form.focus) else { break }
        switch form.fields[form.focus].value {
        case .text(var field):
          field.apply(edit)
          form.fields[form.focus].value = .text(field)
        case .toggle(let on):
          if case .insert(" ") = edit { form.fields[form.focus].value = .toggle(!on) }
        case .picker, .note: break
        }
      case .pickerMove(let delta):
        guard form.fields.indices.contains(form.focus),
          case .picker(var picker) = form.fields[form.focus].value
        else { break }
        picker.move(by: delta)
        form.fields[form.focus].value = .picker(picker)
      case .toggleField:
        guard form.fields.indices.contains(form.focus),
          case .toggle(let on) = form.fields[form.focus].value
        else { break }
        form.fields[form.focus].value = .toggle(!on)
      default: break
      }
      state.dialog = .form(form)
      return []
    }
  }
}
