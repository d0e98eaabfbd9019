import CloudClient
import Foundation

/// Restoring a backup to a new database instance and making a volume from a snapshot: the
/// dialogs, their checks, the pending rows and the server's answers.
extension Reducer {
  // MARK: - Restore a backup

  static func beginRestore(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "restore") { return [] }
    guard state.focusedPane == .backups, let row = state.focused.selectedRow,
      let backup = row.resource.backup, row.pending != .creating
    else {
      post(&state, .info, "Select a backup to restore (Backups pane)")
      return []
    }
    let region = row.id.region
    let source = backup.instanceID.flatMap {
      state.pane(.instances).row(RowID(region: region, id: $0))?.resource.instance
    }
    let base = source?.name ?? (backup.name.isEmpty ? "restore" : backup.name)
    let minimum = minimumRestoreSize(backup)
    let size = max(minimum, source?.volumeSize ?? 0)
    var fields = [
      FormField(id: .name, label: "Name", value: .text(TextField("\(base)-restored"))),
      FormField(
        id: .flavor, label: "Flavor",
        value: .picker(flavorPicker(state, region: region, preferred: source?.flavorID))),
      FormField(id: .size, label: "Volume GB", value: .text(TextField(String(size)))),
    ]
    if let datastore = backup.datastore {
      fields.append(FormField(id: .description, label: "Datastore", value: .note(datastore.label)))
    }
    if backup.status != .completed {
      // The server has the last word (409 in its words); say what to expect.
      fields.append(
        FormField(
          id: .parent, label: "Note",
          value: .note("the backup is \(backup.status.wire): only COMPLETED ones restore")))
    }
    state.dialog = .form(
      Form(
        purpose: .restoreBackup(row.id), title: "Restore backup \(label(row.resource))",
        fields: fields))
    var effects = loadIfNeverLoaded(&state, .instances)
    if state.flavors[region] == nil { effects.append(.loadFlavors(region: region)) }
    return effects
  }

  /// A volume must hold the backup: its size rounded up, at least 1 GB.
  static func minimumRestoreSize(_ backup: Backup) -> Int {
    max(1, Int((backup.size ?? 0).rounded(.up)))
  }

  static func flavorPicker(_ state: BrowserState, region: String, preferred: String?) -> Picker {
    let flavors = state.flavors[region] ?? []
    let options = flavors.map { flavor in
      Picker.Option(
        value: flavor.id,
        label: flavor.ram.map {
          "\(flavor.name) (\($0 / 1024 >= 1 ? "\($0 / 1024) GB" : "\($0) MB") RAM)"
        }
          ?? flavor.name,
        region: region)
    }
    return Picker(options: options, selected: options.firstIndex { $0.value == preferred } ?? 0)
  }

  static func flavorsLoaded(
    _ state: inout BrowserState, region: String, _ result: Result<[Flavor], CloudError>
  ) -> [Effect] {
    switch result {
    case .success(let flavors):
      state.flavors[region] = flavors.map {
        Flavor(id: TerminalSafe.sanitize($0.id), name: TerminalSafe.sanitize($0.name), ram: $0.ram)
      }.sorted { ($0.ram ?? 0, $0.name) < ($1.ram ?? 0, $1.name) }
      guard case .form(var form) = state.dialog, case .restoreBackup(let id) = form.purpose,
        id.region == region, let current = form.picker(.flavor)
      else { return [] }
      let keep = current.selectedOption?.value ?? sourceFlavor(state, backup: id)
      form.setPicker(.flavor, flavorPicker(state, region: region, preferred: keep))
      state.dialog = .form(form)
    case .failure(let error):
      let text = "Could not load flavors: \(describe(error))"
      if case .form(var form) = state.dialog, case .restoreBackup = form.purpose {
        form.error = text
        state.dialog = .form(form)
      } else {
        post(&state, .error, text)
      }
    }
    return []
  }

  private static func sourceFlavor(_ state: BrowserState, backup id: RowID) -> String? {
    guard let instanceID = state.pane(.backups).row(id)?.resource.backup?.instanceID else {
      return nil
    }
    return state.pane(.instances).row(RowID(region: id.region, id: instanceID))?.resource
      .instance?.flavorID
  }

  static func sendRestore(_ state: inout BrowserState, _ form: Form, _ id: RowID) -> Result<
    [Effect], ValidationError
  > {
    let name = form.text(.name).trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { return .failure(ValidationError("Name is required")) }
    guard let backup = state.pane(.backups).row(id)?.resource.backup else {
      return .failure(ValidationError("The backup is no longer listed"))
    }
    guard let flavor = form.picker(.flavor)?.selectedOption else {
      return .failure(
        ValidationError(
          state.flavors[id.region] == nil ? "Flavors are still loading" : "No flavor to pick"))
    }
    let minimum = minimumRestoreSize(backup)
    guard let size = Int(form.text(.size).trimmingCharacters(in: .whitespaces)), size >= minimum
    else {
      return .failure(
        ValidationError("Volume GB must be a whole number of at least \(minimum) (the backup's)"))
    }
    let request = RestoreRequest(
      backupID: id.id, name: name, flavorID: flavor.value, volumeSize: size,
      datastore: backup.datastore)
    let placeholder = nextPlaceholder(&state, region: id.region)
    var row = Row(
      region: id.region,
      resource: .instance(
        DatabaseInstance(
          id: placeholder.id, name: name, status: "BUILD", datastore: backup.datastore,
          flavorID: flavor.value, volumeSize: size)),
      change: RowChange(.added, at: state.now))
    row.pending = .creating
    state.withPane(.instances) { $0.appendRow(row) }
    return .success([.restoreBackup(request, region: id.region, placeholder: placeholder)])
  }

  static func instanceRestored(
    _ state: inout BrowserState, placeholder: RowID,
    _ result: Result<DatabaseInstance, CloudError>, now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let effects = finishCreate(
      &state, .instances, placeholder: placeholder, result.map { Resource.instance($0) },
      isForm: { if case .restoreBackup = $0 { true } else { false } })
    if case .success(let instance) = result {
      showNewRow(&state, .instances, RowID(region: placeholder.region, id: instance.id))
    }
    return effects
  }

  // MARK: - A volume from a snapshot

  static func beginVolumeFromSnapshot(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "create volume") { return [] }
    guard state.focusedPane == .snapshots, let row = state.focused.selectedRow,
      let snapshot = row.resource.snapshot, row.pending != .creating
    else {
      post(&state, .info, "Select a snapshot to make a volume from (Snapshots pane)")
      return []
    }
    let source = state.pane(.volumes).row(RowID(region: row.id.region, id: snapshot.volumeID))?
      .resource.volume
    let size = snapshot.size ?? source?.size ?? 1
    let base = snapshot.name.isEmpty ? (source?.name ?? "volume") : snapshot.name
    var fields = [
      FormField(id: .name, label: "Name", value: .text(TextField("\(base)-volume"))),
      FormField(id: .size, label: "Size GB", value: .text(TextField(String(size)))),
      FormField(
        id: .volumeType, label: "Volume type", value: .text(TextField(source?.volumeType ?? ""))),
    ]
    if snapshot.status != .available {
      fields.append(
        FormField(
          id: .parent, label: "Note",
          value: .note("the snapshot is \(snapshot.status.wire): only available ones copy")))
    }
    state.dialog = .form(
      Form(
        purpose: .volumeFromSnapshot(row.id), title: "Volume from snapshot \(label(row.resource))",
        fields: fields))
    return loadIfNeverLoaded(&state, .volumes)
  }

  static func sendVolumeFromSnapshot(_ state: inout BrowserState, _ form: Form, _ id: RowID)
    -> Result<[Effect], ValidationError>
  {
    let name = form.text(.name).trimmingCharacters(in: .whitespaces)
    guard name.count <= snapshotNameLimit else {
      return .failure(ValidationError("Name must be at most \(snapshotNameLimit) characters"))
    }
    guard let snapshot = state.pane(.snapshots).row(id)?.resource.snapshot else {
      return .failure(ValidationError("The snapshot is no longer listed"))
    }
    // Empty: Cinder makes it the snapshot's size.
    let sizeText = form.text(.size).trimmingCharacters(in: .whitespaces)
    let minimum = snapshot.size ?? 1
    var size: Int?
    if !sizeText.isEmpty {
      guard let value = Int(sizeText), value >= minimum else {
        return .failure(
          ValidationError(
            "Size GB must be a whole number of at least \(minimum) (the snapshot's), or empty"))
      }
      size = value
    }
    let type = form.text(.volumeType).trimmingCharacters(in: .whitespaces)
    let request = VolumeFromSnapshotRequest(
      snapshotID: id.id, name: name, size: size, volumeType: type.isEmpty ? nil : type)
    let placeholder = nextPlaceholder(&state, region: id.region)
    var volume = Volume(
      id: placeholder.id, name: name, status: "creating", size: size ?? minimum,
      volumeType: request.volumeType, created: state.now)
    volume.snapshotID = id.id
    var row = Row(
      region: id.region, resource: .volume(volume), change: RowChange(.added, at: state.now))
    row.pending = .creating
    state.withPane(.volumes) { $0.appendRow(row) }
    return .success([.createVolume(request, region: id.region, placeholder: placeholder)])
  }

  static func volumeCreated(
    _ state: inout BrowserState, placeholder: RowID, _ result: Result<Volume, CloudError>,
    now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let effects = finishCreate(
      &state, .volumes, placeholder: placeholder, result.map { Resource.volume($0) },
      isForm: { if case .volumeFromSnapshot = $0 { true } else { false } })
    if case .success(let volume) = result {
      showNewRow(&state, .volumes, RowID(region: placeholder.region, id: volume.id))
    }
    return effects
  }

  /// The new instance or volume is what the operator wants to watch now: its pane comes to
  /// the front with the row selected (the list it came from is one key away).
  private static func showNewRow(_ state: inout BrowserState, _ kind: PaneKind, _ id: RowID) {
    guard state.dialog == nil else { return }
    state.focusedPane = kind
    state.detailOpen = false
    let height = state.viewportRows
    state.withPane(kind) { pane in
      pane.selectedID = id
      pane.keepSelectionOnScreen(height: height)
    }
  }
}
