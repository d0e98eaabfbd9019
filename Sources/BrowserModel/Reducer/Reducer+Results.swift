import CloudClient
import Foundation

/// The server's answers to create / rename / delete.
extension Reducer {
  static func backupCreated(
    _ state: inout BrowserState, placeholder: RowID, _ result: Result<Backup, CloudError>,
    now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let outcome = result.map { Resource.backup($0) }
    return finishCreate(
      &state, .backups, placeholder: placeholder, outcome, isForm: { $0 == .createBackup })
  }

  static func snapshotCreated(
    _ state: inout BrowserState, placeholder: RowID, _ result: Result<Snapshot, CloudError>,
    now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let outcome = result.map { Resource.snapshot($0) }
    return finishCreate(
      &state, .snapshots, placeholder: placeholder, outcome, isForm: { $0 == .createSnapshot })
  }

  /// Replaces the pending row with the server's item, or puts the server's refusal in the
  /// form that sent it (`isForm` recognises it), keeping what was typed.
  static func finishCreate(
    _ state: inout BrowserState, _ kind: PaneKind, placeholder: RowID,
    _ result: Result<Resource, CloudError>, isForm: (FormPurpose) -> Bool
  ) -> [Effect] {
    let now = state.now
    let fast = state.refresh.fast.seconds
    let focused = state.focusedPane == kind
    state.withPane(kind) { $0.removeRows { $0.id == placeholder } }
    let formOpen = state.formPurpose.map(isForm) ?? false
    switch result {
    case .success(let resource):
      var row = Row(
        region: placeholder.region, resource: resource.sanitized(),
        change: RowChange(.added, at: now))
      // Shown as pending until a list confirms it (the list may lag behind the create).
      row.pending = .creating
      row.pendingAcknowledged = true
      state.withPane(kind) { pane in
        pane.appendRow(row)
        if focused { pane.selectedID = row.id }
      }
      if formOpen { state.dialog = nil }
      post(&state, .success, "\(PaneState.noun(row.resource)) \(label(row.resource)) requested")
      // Refresh this list soon: the new row is in motion.
      state.withPane(kind) { pane in
        if var list = pane.lists[placeholder.region], !list.inFlight {
          list.nextDue = now.addingTimeInterval(fast)
          pane.lists[placeholder.region] = list
        }
      }
      return []
    case .failure(let error):
      let text = describe(error)
      if formOpen, case .form(var form) = state.dialog {
        form.submitting = false
        form.error = text
        state.dialog = .form(form)
      } else {
        post(&state, .error, "Create failed: \(text)")
      }
      return state.bellEnabled ? [.bell] : []
    }
  }

  static func snapshotUpdated(
    _ state: inout BrowserState, _ id: RowID, _ result: Result<Snapshot, CloudError>, now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    switch result {
    case .success(let snapshot):
      let fresh = snapshot.sanitized()
      state.withPane(.snapshots) { pane in
        pane.updateRow(id) { row in
          // Cinder's update reply leaves out progress and the project (seen on Cinder 29):
          // keep what the row knew rather than blank them until the next refresh.
          var value = fresh
          if case .snapshot(let old) = row.resource {
            value.progress = value.progress ?? old.progress
            value.projectID = value.projectID ?? old.projectID
          }
          row.setResource(.snapshot(value))
          row.pending = nil
          row.pendingAcknowledged = false
          row.change = RowChange(.changed, at: now)
        }
      }
      if state.formPurpose == .renameSnapshot(id) { state.dialog = nil }
      post(&state, .success, "Snapshot \(label(.snapshot(fresh))) renamed")
      return []
    case .failure(let error):
      state.withPane(.snapshots) { pane in
        pane.updateRow(id) { row in
          if case .renaming(let name, let description) = row.pending,
            case .snapshot(var value) = row.resource
          {
            value.name = name
            value.description = description
            row.setResource(.snapshot(value))
          }
          row.pending = nil
          row.pendingAcknowledged = false
        }
      }
      return refused(
        &state, formOpen: state.formPurpose == .renameSnapshot(id),
        "Rename failed: \(describe(error))")
    }
  }

  static func deleted(
    _ state: inout BrowserState, _ kind: PaneKind, _ id: RowID, _ result: Result<Void, CloudError>,
    now: Date
  ) -> [Effect] {
    advance(&state, to: now)
    let name = state.pane(kind).row(id).map { label($0.resource) } ?? id.id
    let fast = state.refresh.fast.seconds
    switch result {
    case .success:
      state.withPane(kind) { pane in
        pane.updateRow(id) { $0.pendingAcknowledged = true }
        if var list = pane.lists[id.region], !list.inFlight {
          list.nextDue = now.addingTimeInterval(fast)
          pane.lists[id.region] = list
        }
      }
      if !countBulkAnswer(&state, kind, id, refusal: nil) {
        post(&state, .info, "Deleting \(name)…")
      }
      return []
    case .failure(let error):
      state.withPane(kind) { pane in
        pane.updateRow(id) { row in
          row.pending = nil
          row.pendingAcknowledged = false
        }
      }
      let reason = describe(error)
      // Each refusal is said, with its reason, even among marked rows.
      post(&state, .error, "Could not delete \(name): \(reason)")
      _ = countBulkAnswer(&state, kind, id, refusal: reason)
      return state.bellEnabled ? [.bell] : []
    }
  }
}
