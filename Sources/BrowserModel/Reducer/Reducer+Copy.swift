import CloudClient
import Foundation

/// Copying a backup to another region (Rackspace `POST /backups/{id}/action`, `copy-backup`):
/// `C` on a backup in the Backups pane. The Protection view's `C` copies an instance's newest
/// good backup through the same form; the answer is handled with the Protection forms'.
extension Reducer {
  static func beginCopyBackup(_ state: inout BrowserState) -> [Effect] {
    if refuseIfReadOnly(&state, "copy") { return [] }
    guard state.focusedPane == .backups, let row = state.focused.selectedRow,
      let backup = row.resource.backup, row.pending == nil
    else {
      post(&state, .info, "Select a backup to copy (Backups pane)")
      return []
    }
    guard backup.status == .completed else {
      post(
        &state, .info, "Only a COMPLETED backup can be copied; this one is \(backup.status.wire)")
      return []
    }
    guard let form = copyBackupForm(state, backup, region: row.id.region) else {
      post(&state, .info, "No other region to copy to")
      return []
    }
    state.dialog = .form(form)
    return []
  }

  /// The form asking which region to copy `backup` to; nil when the account has no other.
  static func copyBackupForm(_ state: BrowserState, _ backup: Backup, region: String) -> Form? {
    let targets = state.availableRegions.filter { $0 != region }
    guard !targets.isEmpty else { return nil }
    let picker = Picker(
      options: targets.map { Picker.Option(value: $0, label: $0, region: $0) }, selected: 0)
    return Form(
      purpose: .copyBackup(RowID(region: region, id: backup.id)),
      title: "Copy \(backup.name.isEmpty ? backup.id : backup.name) to",
      fields: [FormField(id: .targetRegion, label: "Region", value: .picker(picker))])
  }
}
