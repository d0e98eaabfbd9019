import CloudClient
import Foundation

/// What a region said about schedules.
public enum ScheduleAvailability: Sendable, Equatable {
  /// Not asked yet, or the answer is on its way.
  case loading
  /// The cloud's schedules in the region.
  case listed([BackupSchedule])
  /// The cloud has no `/schedules` (OpenStack Trove answers 404): thresholds alone decide.
  case unsupported
  /// Reading them failed (sanitised message); thresholds alone decide until a retry works.
  case failed(String)
}

/// The Protection view (`5`, `:protection`): one row per database instance and volume of
/// the regions in view, derived from the four panes' rows (not a pane of its own), with its
/// own selection. Recomputed by the reducer when a list or the schedules change, or when a
/// minute passes (verdicts age); the renderer only reads it.
public struct ProtectionViewState: Sendable {
  public var isOpen = false
  /// The pane shown before the view opened, focused again when it closes.
  public var returnPane: PaneKind = .backups
  public var thresholds: ProtectionThresholds
  public internal(set) var rows: [ProtectionRow] = []
  public internal(set) var orphans: [ProtectionOrphan] = []
  public internal(set) var totals: [ProtectionTotal] = []
  public internal(set) var schedules: [String: ScheduleAvailability] = [:]
  /// Index into `rows` of the selected row.
  public internal(set) var selected = 0
  /// When the rows were last computed (the clock of the state).
  public internal(set) var computedAt: Date?
  /// What the rows were computed from: when it changes they are recomputed.
  var stamp: Int?
  var scheduleVersion = 0
  /// Counts the results that changed a pane's rows (a refresh that found nothing new does
  /// not), so an idle refresh does not recompute.
  var paneChanges = 0
  /// The backups and snapshots tallied per instance and volume while the view is open, kept
  /// up to date from the panes' change logs (see `ProtectionDerivation.update`).
  var backupTallies: OwnerTallies?
  var snapshotTallies: OwnerTallies?

  public init(thresholds: ProtectionThresholds = .init()) { self.thresholds = thresholds }

  /// The selected row, if any.
  public var selectedRow: ProtectionRow? {
    rows.indices.contains(selected) ? rows[selected] : nil
  }

  /// Rows whose verdict is not `protected`.
  public var problemCount: Int { rows.reduce(0) { $0 + ($1.verdict == .protected ? 0 : 1) } }

  /// Regions in view that have no `/schedules`.
  public var regionsWithoutSchedules: [String] {
    schedules.filter { $0.value == .unsupported }.keys.sorted()
  }

  /// The schedules known for a region (empty when none, unsupported or not loaded).
  public func schedules(in region: String) -> [BackupSchedule] {
    if case .listed(let list)? = schedules[region] { return list }
    return []
  }
}
