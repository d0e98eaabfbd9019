import CloudClient
import Foundation

/// A snapshot's metadata (view, add, change, remove) and Cinder's admin actions on it.
extension Reducer {
  /// Cinder's limit for keys and values.
  static let metadataLimit = 255

  // MARK: - Metadata

  static func beginMetadata(_ state: inout BrowserState) -> [Effect] {
    guard state.focusedPane == .snapshots, let row = state.focused.selectedRow,
      let snapshot = row.resource.snapshot, row.pending != .creating
    else {
      post(&state, .info, "Select a snapshot to see its metadata (Snapshots pane)")
      return []
    }
    // Read-only shows the keys but the form refuses to save.
    var fields = snapshot.metadata.keys.sorted().map { key in
      FormField(
        id: .metadataValue(key: key), label: key,
        value: .text(TextField(snapshot.metadata[key] ?? "")))
    }
    if !state.profile.readOnly {
      fields.append(FormField(id: .newKey, label: "New key", value: .text(TextField())))
      fields.append(FormField(id: .newValue, label: "New value", value: .text(TextField())))
    }
    if fields.isEmpty {
      fields.append(FormField(id: .description, label: "Metadata", value: .note("(none)")))
    }
    var form = Form(
      purpose: .snapshotMetadata(row.id), title: "Metadata of \(label(row.resource))",
      fields: fields)
    // Start on the new key when there are keys above it: adding is the common case.
    if let newKey = form.fields.firstIndex(where: { $0.id == .newKey }) { form.focus = newKey }
    if case .note = form.fields[form.focus].value {
      form.error = state.profile.readOnly ? "Read-only mode: metadata cannot be changed" : nil
    }
    state.dialog = .form(form)
    return []
  }

  /// Sends only what the operator changed: edited and new keys merged in (POST), cleared
  /// ones deleted. Keys left alone are never sent back, so a key the screen shows made safe
  /// (an escape character as ␛) is never rewritten in its safe form.
  static func sendMetadata(_ state: inout BrowserState, _ form: Form, _ id: RowID) -> Result<
    [Effect], ValidationError
  > {
    guard let current = state.pane(.snapshots).row(id)?.resource.snapshot?.metadata else {
      return .failure(ValidationError("The snapshot is no longer listed"))
    }
    var set: [String: String] = [:]
    var remove: [String] = []
    for field in form.fields {
      guard case .metadataValue(let key) = field.id, case .text(let value) = field.value else {
        continue
      }
      if value.text.isEmpty {
        remove.append(key)
      } else if value.text != current[key] {
        set[key] = value.text
      }
    }
    let newKey = form.text(.newKey).trimmingCharacters(in: .whitespaces)
    let newValue = form.text(.newValue)
    if !newKey.isEmpty {
      set[newKey] = newValue
      remove.removeAll { $0 == newKey }
    } else if !newValue.isEmpty {
      return .failure(ValidationError("The new value needs a key"))
    }
    if set.keys.contains(where: { $0.count > metadataLimit })
      || set.values.contains(where: { $0.count > metadataLimit })
    {
      return .failure(ValidationError("Keys and values are at most \(metadataLimit) characters"))
    }
    guard !set.isEmpty || !remove.isEmpty else {
      return .failure(ValidationError("Nothing changed (Esc closes)"))
    }
    return .success([
      .changeSnapshotMetadata(id: id.id, set: set, remove: remove.sorted(), region: id.region)
    ])
  }

  static func metadataSaved(
    _ state: inout BrowserState, _ id: RowID, _ result: Result<[String: String], CloudError>,
    now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let formOpen = state.formPurpose == .snapshotMetadata(id)
    switch result {
    case .success(let metadata):
      var safe: [String: String] = [:]
      for (key, value) in metadata {
        safe[TerminalSafe.sanitize(key)] = TerminalSafe.sanitize(value)
      }
      state.withPane(.snapshots) { pane in
        pane.updateRow(id) { row in
          guard case .snapshot(var value) = row.resource else { return }
          value.metadata = safe
          row.setResource(.snapshot(value))
          row.change = RowChange(.changed, at: now)
        }
      }
      if formOpen { state.dialog = nil }
      let name = state.pane(.snapshots).row(id).map { label($0.resource) } ?? id.id
      post(
        &state, .success,
        "Metadata of \(name) saved (\(safe.count) key\(safe.count == 1 ? "" : "s"))")
      return []
    case .failure(let error):
      return refused(&state, formOpen: formOpen, "Metadata not saved: \(describe(error))")
    }
  }

  // MARK: - Admin actions

  /// What the admin form offers, in order.
  enum AdminChoice: String, CaseIterable {
    case resetAvailable = "available"
    case resetError = "error"
    case forceDelete = "force-delete"

    var label: String {
      switch self {
      case .resetAvailable: "Reset status to available"
      case .resetError: "Reset status to error"
      case .forceDelete: "Force delete (whatever its status)"
      }
    }
  }

  static func beginAdmin(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "admin actions") { return [] }
    guard state.profile.admin else {
      post(&state, .info, "Admin actions need admin: true in the profile")
      return []
    }
    guard state.focusedPane == .snapshots, let row = state.focused.selectedRow,
      let snapshot = row.resource.snapshot, row.pending == nil
    else {
      post(&state, .info, "Select a snapshot for admin actions (Snapshots pane)")
      return []
    }
    let options = AdminChoice.allCases.map {
      Picker.Option(value: $0.rawValue, label: $0.label, region: "")
    }
    state.dialog = .form(
      Form(
        purpose: .snapshotAdmin(row.id), title: "Admin: snapshot \(label(row.resource))",
        fields: [
          FormField(id: .description, label: "Status now", value: .note(snapshot.status.wire)),
          FormField(id: .adminAction, label: "Action", value: .picker(Picker(options: options))),
        ]
      ).focusing(.adminAction))
    return []
  }

  static func sendAdmin(_ state: inout BrowserState, _ form: Form, _ id: RowID) -> Result<
    [Effect], ValidationError
  > {
    guard state.profile.admin else { return .failure(ValidationError("Not an admin profile")) }
    guard let row = state.pane(.snapshots).row(id) else {
      return .failure(ValidationError("The snapshot is no longer listed"))
    }
    guard let value = form.picker(.adminAction)?.selectedOption?.value,
      let choice = AdminChoice(rawValue: value)
    else { return .failure(ValidationError("Pick an action")) }
    switch choice {
    case .resetAvailable, .resetError:
      return .success([.resetSnapshotStatus(id: id.id, status: choice.rawValue, region: id.region)])
    case .forceDelete:
      state.dialog = .confirmDelete(
        DeleteConfirmation(
          pane: .snapshots, rows: [id], name: label(row.resource),
          warning: "Force delete: Cinder removes it whatever its status", force: true))
      return .success([])
    }
  }

  static func statusReset(
    _ state: inout BrowserState, _ id: RowID, to status: String, _ result: Result<Void, CloudError>,
    now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let formOpen = state.formPurpose == .snapshotAdmin(id)
    let name = state.pane(.snapshots).row(id).map { label($0.resource) } ?? id.id
    switch result {
    case .success:
      if formOpen { state.dialog = nil }
      post(&state, .success, "Status of \(name) reset to \(status)")
      refreshSoon(&state, .snapshots, region: id.region)
      return []
    case .failure(let error):
      return refused(&state, formOpen: formOpen, "Reset refused: \(describe(error))")
    }
  }

  /// The server's refusal goes into the open form (what was typed stays), else on the
  /// message line.
  static func refused(_ state: inout BrowserState, formOpen: Bool, _ text: String) -> [Effect] {
    if formOpen, case .form(var form) = state.dialog {
      form.submitting = false
      form.error = text
      state.dialog = .form(form)
    } else {
      post(&state, .error, text)
    }
    return state.bellEnabled ? [.bell] : []
  }

  /// Asks for the list again at the fast interval (the server changed something).
  static func refreshSoon(_ state: inout BrowserState, _ kind: PaneKind, region: String) {
    let due = state.now.addingTimeInterval(state.refresh.fast.seconds)
    state.withPane(kind) { pane in
      if var list = pane.lists[region], !list.inFlight {
        list.nextDue = min(list.nextDue ?? due, due)
        pane.lists[region] = list
      }
    }
  }
}

extension Form {
  /// The same form with the focus on a field.
  func focusing(_ id: FieldID) -> Form {
    var form = self
    if let index = fields.firstIndex(where: { $0.id == id }) { form.focus = index }
    return form
  }
}
