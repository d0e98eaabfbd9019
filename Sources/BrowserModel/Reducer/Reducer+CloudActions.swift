import CloudClient
import Foundation

/// Validating and sending create / rename / delete, showing them as pending rows at once,
/// and handling the server's answers.
extension Reducer {
  /// The client's rule, checked in the dialog so the operator sees it before sending.
  static let backupNameLimit = BackupCreateRequest.nameLimit
  /// Cinder's column is 255 wide.
  static let snapshotNameLimit = 255

  static func submit(_ state: inout BrowserState, _ form: Form) -> [Effect] {
    var form = form
    guard !form.submitting else { return [] }
    if refuseIfReadOnly(&state, "this action") {
      state.dialog = nil
      return []
    }
    let result: Result<[Effect], ValidationError>
    switch form.purpose {
    case .createBackup: result = sendCreateBackup(&state, form)
    case .createSnapshot: result = sendCreateSnapshot(&state, form)
    case .renameSnapshot(let id): result = sendRename(&state, form, id)
    case .restoreBackup(let id): result = sendRestore(&state, form, id)
    case .volumeFromSnapshot(let id): result = sendVolumeFromSnapshot(&state, form, id)
    case .snapshotMetadata(let id): result = sendMetadata(&state, form, id)
    case .snapshotAdmin(let id): result = sendAdmin(&state, form, id)
    case .schedule(let instance, let scheduleID):
      result = ProtectionSchedules.send(&state, form, instance: instance, scheduleID: scheduleID)
    case .copyBackup(let backup): result = ProtectionCopies.send(&state, form, backup: backup)
    }
    switch result {
    case .success(let effects):
      if case .confirmDelete = state.dialog {
        // An admin force delete asks once more before anything is sent.
        return effects
      }
      // Stays open until the server answers, so a refusal keeps what was typed.
      form.submitting = true
      form.error = nil
      state.dialog = .form(form)
      return effects
    case .failure(let error):
      form.error = error.message
      state.dialog = .form(form)
      return [.bell]
    }
  }

  struct ValidationError: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  static func sendCreateBackup(_ state: inout BrowserState, _ form: Form) -> Result<
    [Effect], ValidationError
  > {
    let name = form.text(.name).trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { return .failure(ValidationError("Name is required")) }
    guard name.count < backupNameLimit else {
      return .failure(ValidationError("Name must be shorter than \(backupNameLimit) characters"))
    }
    guard let option = form.picker(.instance)?.selectedOption else {
      return .failure(ValidationError("Pick an instance (none loaded yet)"))
    }
    let instanceID = RowID(region: option.region, id: option.value)
    guard let instance = state.pane(.instances).row(instanceID)?.resource.instance else {
      return .failure(ValidationError("Instance \(option.value) is no longer listed"))
    }
    guard instance.acceptsBackup else {
      return .failure(
        ValidationError(
          "Instance \(instance.name) is \(instance.status): only ACTIVE instances can be backed up")
      )
    }
    // Trove runs one backup per instance at a time (422 otherwise): say so before sending.
    let running = state.pane(.backups).rows.contains { row in
      guard row.id.region == option.region, let backup = row.resource.backup else { return false }
      return backup.instanceID == option.value
        && (backup.status.isInMotion || row.pending == .creating)
    }
    guard !running else {
      return .failure(ValidationError("A backup of \(instance.name) is already running"))
    }
    var parentID: String?
    if let parent = form.picker(.parent)?.selectedOption, !parent.value.isEmpty {
      let parentRow = state.pane(.backups).row(RowID(region: parent.region, id: parent.value))
      guard parent.region == option.region, parentRow?.resource.backup?.instanceID == option.value
      else {
        return .failure(
          ValidationError("The incremental parent must be a backup of the same instance"))
      }
      parentID = parent.value
    }
    let description = form.text(.description).trimmingCharacters(in: .whitespaces)
    let copyTo: [String]
    switch copyRegions(state, form.text(.copyTo), from: option.region) {
    case .success(let regions): copyTo = regions
    case .failure(let error): return .failure(error)
    }
    let request = BackupCreateRequest(
      name: name, instanceID: option.value, description: description.isEmpty ? nil : description,
      parentID: parentID, copyTo: copyTo)
    let placeholder = nextPlaceholder(&state, region: option.region)
    var row = Row(
      region: option.region,
      resource: .backup(
        Backup(
          id: placeholder.id, name: name, description: request.description,
          instanceID: option.value, parentID: parentID, status: .new, created: state.now,
          datastore: instance.datastore)),
      change: RowChange(.added, at: state.now))
    row.pending = .creating
    state.withPane(.backups) { $0.appendRow(row) }
    return .success([.createBackup(request, region: option.region, placeholder: placeholder)])
  }

  static func sendCreateSnapshot(_ state: inout BrowserState, _ form: Form) -> Result<
    [Effect], ValidationError
  > {
    guard let option = form.picker(.volume)?.selectedOption else {
      return .failure(ValidationError("Pick a volume (none loaded yet)"))
    }
    let name = form.text(.name).trimmingCharacters(in: .whitespaces)
    guard name.count <= snapshotNameLimit else {
      return .failure(ValidationError("Name must be at most \(snapshotNameLimit) characters"))
    }
    let volumeID = RowID(region: option.region, id: option.value)
    guard let volume = state.pane(.volumes).row(volumeID)?.resource.volume else {
      return .failure(ValidationError("Volume \(option.value) is no longer listed"))
    }
    let force = form.toggle(.force)
    if volume.isInUse && !force {
      return .failure(
        ValidationError("Volume \(label(.volume(volume))) is in use: turn on Force to snapshot it"))
    }
    let description = form.text(.description).trimmingCharacters(in: .whitespaces)
    let request = SnapshotCreateRequest(
      volumeID: option.value, name: name, description: description.isEmpty ? nil : description,
      force: force)
    let placeholder = nextPlaceholder(&state, region: option.region)
    var row = Row(
      region: option.region,
      resource: .snapshot(
        Snapshot(
          id: placeholder.id, name: name, description: request.description, volumeID: option.value,
          status: .creating, size: volume.size, created: state.now, progress: 0)),
      change: RowChange(.added, at: state.now))
    row.pending = .creating
    state.withPane(.snapshots) { $0.appendRow(row) }
    return .success([.createSnapshot(request, region: option.region, placeholder: placeholder)])
  }

  static func sendRename(_ state: inout BrowserState, _ form: Form, _ id: RowID) -> Result<
    [Effect], ValidationError
  > {
    let name = form.text(.name).trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { return .failure(ValidationError("Name is required")) }
    guard name.count <= snapshotNameLimit else {
      return .failure(ValidationError("Name must be at most \(snapshotNameLimit) characters"))
    }
    guard let snapshot = state.pane(.snapshots).row(id)?.resource.snapshot else {
      return .failure(ValidationError("The snapshot is no longer listed"))
    }
    let description = form.text(.description)
    let request = SnapshotUpdateRequest(name: name, description: description)
    state.withPane(.snapshots) { pane in
      pane.updateRow(id) { row in
        row.pending = .renaming(
          previousName: snapshot.name, previousDescription: snapshot.description)
        row.pendingAcknowledged = false
        if case .snapshot(var value) = row.resource {
          value.name = name
          value.description = description
          row.setResource(.snapshot(value))
        }
      }
    }
    return .success([.updateSnapshot(id: id.id, request, region: id.region)])
  }

  static func nextPlaceholder(_ state: inout BrowserState, region: String) -> RowID {
    defer { state.nextPendingID += 1 }
    return RowID(region: region, id: "pending-\(state.nextPendingID)")
  }
}
