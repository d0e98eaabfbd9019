/// Everything one region holds: instances and backups (Trove), volumes and snapshots (Cinder).
///
/// Rows are kept in creation order (oldest first, `seq` ascending) and served newest first by
/// walking the arrays backwards, so paging a 100,000-row list is index arithmetic; ids map to
/// `seq` and a binary search finds the row.
struct RegionData: Sendable {
  var name: String
  var instances: [InstanceRecord] = []
  var volumes: [VolumeRecord] = []
  var backups: [BackupRecord] = []
  var snapshots: [SnapshotRecord] = []
  var backupSeqByID: [String: Int] = [:]
  var snapshotSeqByID: [String: Int] = [:]
  /// Newest backup per instance: only it can be running (one running backup per instance).
  var latestBackupByInstance: [String: String] = [:]
  var nextSeq = 0
  /// Ids of rows with a delete in progress (settled by ``settle(at:)``).
  var pendingBackupDeletes: Set<String> = []
  var pendingSnapshotDeletes: Set<String> = []
  /// Trove's newest-updated-first order of `backups`, cached for paging.
  let backupOrder = TroveBackupOrder()
  /// Cloud Databases backup schedules (`/schedules`), fired by ``fireSchedules(at:_:_:)``.
  var schedules: [ScheduleRecord] = []
  /// Copies to other regions asked for by this request, delivered by ``BackupCopies``.
  var outgoingCopies: [BackupCopyOrder] = []

  init(name: String) { self.name = name }

  mutating func takeSeq() -> Int {
    nextSeq += 1
    return nextSeq
  }

  // MARK: lookup

  func backupPosition(_ id: String) -> Int? {
    guard let seq = backupSeqByID[id] else { return nil }
    return Self.search(backups.count, seq) { backups[$0].seq }
  }

  func snapshotPosition(_ id: String) -> Int? {
    guard let seq = snapshotSeqByID[id] else { return nil }
    return Self.search(snapshots.count, seq) { snapshots[$0].seq }
  }

  func instancePosition(_ id: String) -> Int? { instances.firstIndex { $0.id == id } }

  func volumePosition(_ id: String) -> Int? { volumes.firstIndex { $0.id == id } }

  private static func search(_ count: Int, _ seq: Int, _ seqAt: (Int) -> Int) -> Int? {
    var low = 0
    var high = count - 1
    while low <= high {
      let mid = (low + high) / 2
      let value = seqAt(mid)
      if value == seq { return mid }
      if value < seq { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  // MARK: mutation

  mutating func append(_ backup: BackupRecord) {
    backupSeqByID[backup.id] = backup.seq
    backups.append(backup)
    latestBackupByInstance[backup.instanceID] = backup.id
  }

  mutating func append(_ snapshot: SnapshotRecord) {
    snapshotSeqByID[snapshot.id] = snapshot.seq
    snapshots.append(snapshot)
  }

  /// The backup of this instance that is NEW or BUILDING, if any.
  func runningBackup(of instanceID: String, at now: Double) -> BackupRecord? {
    guard let id = latestBackupByInstance[instanceID], let i = backupPosition(id) else {
      return nil
    }
    return backups[i].isRunning(at: now) ? backups[i] : nil
  }

  /// What Trove shows for an instance: BACKUP while one of its backups runs.
  func instanceStatus(_ instance: InstanceRecord, at now: Double) -> String {
    let own = instance.ownStatus(at: now)
    if own == "ACTIVE", runningBackup(of: instance.id, at: now) != nil {
      return "BACKUP"
    }
    return own
  }

  /// Ends the deletes whose deleting phase is over: the row goes, or turns DELETE_FAILED /
  /// error_deleting.
  mutating func settle(at now: Double) {
    if instances.contains(where: { $0.deleteStarted != nil }) {
      instances.removeAll {
        guard let started = $0.deleteStarted else { return false }
        return now - started >= InstanceRecord.shutdownTime
      }
    }
    if !pendingBackupDeletes.isEmpty {
      var gone: Set<String> = []
      for id in pendingBackupDeletes {
        guard let i = backupPosition(id) else {
          gone.insert(id)
          continue
        }
        guard let done = backups[i].deleteDoneAt, done <= now else { continue }
        if backups[i].deleteWillFail {
          backups[i].deleteFailed = true
          backups[i].deleteDoneAt = nil
        } else {
          backupSeqByID[id] = nil
          backups.remove(at: i)
        }
        gone.insert(id)
      }
      pendingBackupDeletes.subtract(gone)
    }
    if !pendingSnapshotDeletes.isEmpty {
      var gone: Set<String> = []
      for id in pendingSnapshotDeletes {
        guard let i = snapshotPosition(id) else {
          gone.insert(id)
          continue
        }
        guard let done = snapshots[i].deleteDoneAt, done <= now else { continue }
        if snapshots[i].deleteWillFail {
          snapshots[i].errorDeleting = true
          snapshots[i].deleteStarted = nil
          snapshots[i].deleteDoneAt = nil
        } else {
          snapshotSeqByID[id] = nil
          snapshots.remove(at: i)
        }
        gone.insert(id)
      }
      pendingSnapshotDeletes.subtract(gone)
    }
  }
}
