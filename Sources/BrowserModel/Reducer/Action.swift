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
  /// `d`: confirm deleting the selected backup or snapshot (or every marked row).
  case beginDelete

  // Recovery
  /// `R`: restore the selected backup to a new database instance.
  case beginRestore
  /// `V`: a new volume from the selected snapshot.
  case beginVolumeFromSnapshot
  /// `C`: copy the selected backup to another region (Rackspace `copy-backup`).
  case beginCopyBackup
  /// `m`: view and edit the selected snapshot's metadata.
  case beginMetadata
  /// `A`: admin actions on the selected snapshot (profile `admin: true`, never read-only).
  case beginAdmin
  /// Space: mark or unmark the selected row, then move down.
  case toggleMark
  /// Unmark every row of the focused pane.
  case clearMarks
  /// `o`: from a backup or snapshot to its instance or volume; from an instance or volume to
  /// its backups or snapshots (Enter does the latter too).
  case jumpToRelated
  /// Scrolls the open detail view (`Int.min` / `Int.max`: to the top / bottom).
  case scrollDetail(by: Int)
  /// The UI measured the open detail view.
  case setDetailExtent(ScrollExtent)
  /// Scrolls the help (`Int.min` / `Int.max`: to the top / bottom).
  case scrollHelp(by: Int)
  /// The UI measured the help.
  case setHelpExtent(ScrollExtent)
  /// `Y`: copy the selected record as JSON (the keys of `rackwatch show --format json`).
  case copySelectedRecord

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
  case flavorsLoaded(region: String, Result<[Flavor], CloudError>)
  /// A restore's answer: the new instance (BUILD) or the server's refusal.
  case instanceRestored(placeholder: RowID, Result<DatabaseInstance, CloudError>, now: Date)
  /// A volume-from-snapshot's answer: the new volume (creating) or the refusal.
  case volumeCreated(placeholder: RowID, Result<Volume, CloudError>, now: Date)
  /// The metadata the server holds after a change.
  case metadataSaved(RowID, Result<[String: String], CloudError>, now: Date)
  /// An admin status reset's answer.
  case statusReset(RowID, to: String, Result<Void, CloudError>, now: Date)

  /// History, notifications and the events view (`History/WatchAction.swift`).
  case watch(WatchAction)

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
  case loadFlavors(region: String)
  case restoreBackup(RestoreRequest, region: String, placeholder: RowID)
  case createVolume(VolumeFromSnapshotRequest, region: String, placeholder: RowID)
  /// Changes only the keys the operator touched: `set` merged in (POST), `remove` deleted one
  /// by one; keys left alone are never rewritten.
  case changeSnapshotMetadata(id: String, set: [String: String], remove: [String], region: String)
  case resetSnapshotStatus(id: String, status: String, region: String)
  case forceDeleteSnapshot(id: String, region: String)
  /// Send `tick(now:)` after this long (replaces any earlier wake-up).
  case scheduleTick(after: Duration)
  case copyToClipboard(String)
  case bell
  /// Send `continueMerge` back as an action of its own, after whatever is queued.
  case continueMerge(PaneKind, region: String)
  case loadTheme(String)
  /// Cancel everything and stop.
  case quit
  /// Append events to the profile's history file.
  case recordHistory([HistoryEvent])
  /// Show a desktop notification through the terminal (OSC 9/777, or the bell).
  case notifyDesktop(DesktopNotification)
  /// Like `load`, but always the whole list (`r`): never only what changed.
  case reload(PaneKind, region: String, since: ListVersion? = nil, watch: Set<String> = [])
  /// The Protection view's cloud calls (schedules).
  case protection(ProtectionEffect)
}
