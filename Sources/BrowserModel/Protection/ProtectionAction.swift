import CloudClient
import Foundation

/// What the Protection view does (one `Action.protection` case, so the shared action list
/// grows by one line).
public enum ProtectionAction: Sendable {
  /// `5` or `:protection`.
  case open
  /// Esc: back to the pane shown before; with a kind, to that pane.
  case close(then: PaneKind?)
  case move(by: Int)
  case first, last
  /// Enter: the selected instance's backups, or the volume's snapshots, filtered.
  case openResource
  /// `a` on an instance row: the schedule form (create, change, or delete the existing one).
  case beginSchedule
  /// `C` on an instance row: copy its newest good backup to a region picked in a form.
  case beginCopy
  case schedulesLoaded(region: String, Result<[BackupSchedule]?, CloudError>, now: Date)
  /// A create, change or delete of a schedule came back.
  case scheduleSaved(region: String, String, Result<Void, CloudError>, now: Date)
}

/// The cloud calls of the Protection view.
public enum ProtectionEffect: Sendable, Hashable {
  case loadSchedules(region: String)
  case createSchedule(ScheduleRequest, region: String)
  case updateSchedule(id: String, ScheduleRequest, region: String)
  case deleteSchedule(id: String, region: String)
  case copyBackup(id: String, to: String, region: String)
}
