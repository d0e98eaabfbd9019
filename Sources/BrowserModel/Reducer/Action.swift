import CloudClient
import Foundation

/// Everything that can happen: what the operator does and what comes back from the cloud.
public enum Action: Sendable {
  // Lifecycle and time
  /// First action: loads every pane of the watched regions.
  case start(now: Date)
  /// Time passes: expires messages and marks, sends due refreshes.
  case tick(now: Date)
  /// The regions the catalog offers arrived.
  case regionsLoaded(Result<[String], CloudError>)
  /// The UI reports how many rows fit (page up/down).
  case setViewport(rows: Int)

  // Navigation
  case moveSelection(by: Int)
  case pageUp, pageDown
  case selectFirst, selectLast
  case focusPane(PaneKind)
  case nextPane, previousPane
  case openDetail
  /// Esc: closes whatever is on top (help, dialog, filter/command, detail) or clears the
  /// filter.
  case back
  /// `t`: times as ages ("3h", "2d") or as UTC dates.
  case toggleTimes
  case toggleHelp
  case refreshNow
  /// `s`: sort by the next column.
  case sortNextColumn
  /// `S`: reverse the sort.
  case reverseSort
  case sortBy(Column)
  /// `y`.
  case copySelectedID
  case quit

  // Filter (`/`)
  case beginFilter
  case editFilter(TextEdit)
  case commitFilter
  case cancelFilter

  // Command line (`:`)
  case beginCommand
  case editCommand(TextEdit)
  case historyUp, historyDown
  case submitCommand
  case cancelCommand

  // Cloud actions
  /// `c`: create backup or snapshot dialog, depending on the focused pane.
  case beginCreate
  /// `e`: rename the selected snapshot.
  case beginRename
  /// `d`: confirm deleting the selected backup or snapshot.
  case beginDelete

  // Dialogs
  case editField(TextEdit)
  case nextField, previousField
  case pickerMove(by: Int)
  /// Space on a toggle (force).
  case toggleField
  /// Enter: submit a form or press the focused confirmation button.
  case submitDialog
  case cancelDialog
  case focusCancel, focusConfirm

  /// A message from the front end (a broken theme file, an unknown theme name).
  case notify(Message.Level, String)

  // Results
  /// A whole list result (tests, sample data) or a failure; the runner sends successes as
  /// `listUpdated`.
  case listLoaded(PaneKind, region: String, Result<[Resource], CloudError>, now: Date)
  /// A successful list result prepared by the runner (sanitised rows, or only what changed).
  case listUpdated(PaneKind, region: String, ListUpdate, now: Date)
  /// The next step of a large list difference (see `RefreshPolicy.mergeStep`).
  case continueMerge(PaneKind, region: String)
  /// `placeholder` is the pending row shown since submit.
  case backupCreated(placeholder: RowID, Result<Backup, CloudError>, now: Date)
  case snapshotCreated(placeholder: RowID, Result<Snapshot, CloudError>, now: Date)
  case snapshotUpdated(RowID, Result<Snapshot, CloudError>, now: Date)
  case deleted(PaneKind, RowID, Result<Void, CloudError>, now: Date)

  /// The Protection view (`ProtectionAction`).
  case protection(ProtectionAction)
}

/// A side effect the reducer asks for; the effect runner performs it and answers with an
/// action.
public enum Effect: Sendable, Hashable {
  case loadRegions
  /// One list request. `since` is the version the pane holds (so the answer can be a
  /// difference); `watch` are IDs to report even if unchanged (pending operations).
  case load(PaneKind, region: String, since: ListVersion? = nil, watch: Set<String> = [])
  case createBackup(BackupCreateRequest, region: String, placeholder: RowID)
  case deleteBackup(id: String, region: String)
  case createSnapshot(SnapshotCreateRequest, region: String, placeholder: RowID)
  case updateSnapshot(id: String, SnapshotUpdateRequest, region: String)
  case deleteSnapshot(id: String, region: String)
  /// Send `tick(now:)` after this long (replaces any earlier wake-up).
  case scheduleTick(after: Duration)
  case copyToClipboard(String)
  case bell
  /// Send `continueMerge` back as an action of its own, after whatever is queued.
  case continueMerge(PaneKind, region: String)
  case loadTheme(String)
  /// Cancel everything and stop.
  case quit
  /// The Protection view's cloud calls (schedules).
  case protection(ProtectionEffect)
}
