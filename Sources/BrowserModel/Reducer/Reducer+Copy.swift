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

extension Reducer {
  /// The regions typed in a "Copy to" field (space or comma separated, any case), checked:
  /// not the backup's own region, and among the account's regions when those are known.
  static func copyRegions(_ state: BrowserState, _ text: String, from region: String) -> Result<
    [String], ValidationError
  > {
    var regions: [String] = []
    for name in regionWords(text) where !regions.contains(name) { regions.append(name) }
    if regions.contains(region.uppercased()) {
      return .failure(ValidationError("Copies go to other regions than \(region)"))
    }
    let known = Set(state.availableRegions.map { $0.uppercased() })
    if !known.isEmpty, let unknown = regions.first(where: { !known.contains($0) }) {
      let others = state.availableRegions.filter { $0.uppercased() != region.uppercased() }
      return .failure(
        ValidationError(
          "No region \(unknown) in this account (copies can go to \(others.joined(separator: " ")))"
        ))
    }
    return .success(regions)
  }

  /// Region names typed in a "Copy to" field: space or comma separated, upper-cased.
  static func regionWords(_ text: String) -> [String] {
    text.uppercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
  }
}
