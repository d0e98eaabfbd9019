import CloudClient
import Foundation

/// `C` on an instance row of the Protection view: its newest good backup copied to another
/// region (Rackspace `copy-backup`), which is what the "no off-region copy" verdict asks for.
enum ProtectionCopies {
  static func begin(_ state: inout BrowserState) -> [Effect] {
    if Reducer.refuseIfReadOnly(&state, "copy") { return [] }
    guard let row = state.protection.selectedRow, row.kind == .instance else {
      Reducer.post(&state, .info, "Select a database instance to copy its newest backup")
      return []
    }
    guard let backup = newestGood(state, row) else {
      Reducer.post(&state, .info, "\(row.name) has no completed backup to copy")
      return []
    }
    guard let form = Reducer.copyBackupForm(state, backup, region: row.region) else {
      Reducer.post(&state, .info, "No other region to copy to")
      return []
    }
    state.dialog = .form(form)
    return []
  }

  static func send(_ state: inout BrowserState, _ form: Form, backup: RowID) -> Result<
    [Effect], Reducer.ValidationError
  > {
    guard let target = form.picker(.targetRegion)?.selectedOption?.value else {
      return .failure(Reducer.ValidationError("Pick a region"))
    }
    return .success([.protection(.copyBackup(id: backup.id, to: target, region: backup.region))])
  }

  /// The instance's newest COMPLETED backup in the backups pane.
  static func newestGood(_ state: BrowserState, _ row: ProtectionRow) -> Backup? {
    var best: Backup?
    for candidate in state.pane(.backups).rows where candidate.id.region == row.region {
      guard let b = candidate.resource.backup, b.instanceID == row.id, b.status == .completed
      else { continue }
      if (b.created ?? .distantPast) > (best?.created ?? .distantPast) { best = b }
    }
    return best
  }
}

extension FormPurpose {
  /// The forms of the Protection view, answered by `ProtectionAction.scheduleSaved`.
  var isProtectionForm: Bool {
    switch self {
    case .schedule, .copyBackup: true
    default: false
    }
  }
}
