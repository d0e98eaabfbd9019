/// Schedules firing as the simulated clock passes their time.
extension RegionData {
  /// Takes the backups whose scheduled time has come. After a long gap only the latest due
  /// run is taken (a scheduler that was down does not catch up on every missed night). A run
  /// finds the instance busy or not ACTIVE: it is skipped, and so shows as missed.
  mutating func fireSchedules(
    at now: Double, _ configuration: SimulatorConfiguration, _ ids: inout SeededGenerator
  ) {
    guard !schedules.isEmpty else { return }
    for i in schedules.indices where schedules[i].nextRun <= now {
      let s = schedules[i]
      var run = s.nextRun
      while run + ScheduleRecord.day <= now { run += ScheduleRecord.day }
      takeScheduledBackup(i, at: run, configuration, &ids)
      schedules[i].nextRun = run + ScheduleRecord.day
    }
  }

  /// One scheduled backup at `run`: full on the schedule's day, else an incremental of the
  /// instance's newest completed backup (a full one when there is none).
  mutating func takeScheduledBackup(
    _ index: Int, at run: Double, _ configuration: SimulatorConfiguration,
    _ ids: inout SeededGenerator
  ) {
    let s = schedules[index]
    guard let position = instancePosition(s.instanceID) else { return }
    let instance = instances[position]
    guard instanceStatus(instance, at: run) == "ACTIVE" else { return }
    var parentID: String? = nil
    if !s.isFull(at: run) {
      parentID = backups.last { $0.instanceID == s.instanceID && $0.isCompleted(at: run) }?.id
    }
    let baseSize = max(0.01, (instance.volumeUsed * 100).rounded() / 100)
    let size = parentID == nil ? baseSize : max(0.01, (baseSize * 10).rounded() / 100)
    let kind = parentID == nil ? "full" : "incremental"
    append(
      BackupRecord(
        seq: takeSeq(), id: ids.uuid(),
        name: "\(instance.name)-scheduled-\(kind)-\(NameBook.day(run))",
        description: "scheduled \(kind) backup", instanceID: s.instanceID, parentID: parentID,
        datastore: instance.datastore, created: run, duration: configuration.backupDuration,
        finalSize: size, fails: ids.chance(configuration.failureRate)))
    backups[backups.count - 1].scheduleID = s.id
    schedules[index].lastScheduled = run
    if parentID == nil {
      pruneFullBackups(of: s, at: run, doneAt: run + configuration.deleteDuration)
    }
    if let made = backups.last, !s.copyTo.isEmpty {
      for target in s.copyTo where target != name {
        outgoingCopies.append(
          BackupCopyOrder(
            source: made, region: target, name: made.name, description: made.description,
            start: run + made.duration))
      }
    }
  }

  /// A schedule keeps `full_backup_retention` full backups: a new full run deletes the older
  /// ones (each with its incrementals), as Rackspace does. A family with a backup still
  /// running is left for the next run.
  mutating func pruneFullBackups(of s: ScheduleRecord, at run: Double, doneAt: Double) {
    var fulls: [Int] = []
    for j in backups.indices
    where backups[j].scheduleID == s.id && backups[j].parentID == nil
      && backups[j].deleteDoneAt == nil && !backups[j].deleteFailed
    {
      fulls.append(j)
    }
    let keep = max(1, s.fullBackupRetention)
    guard fulls.count > keep else { return }
    for j in fulls.dropLast(keep).reversed() {
      let family = familyPositions(at: j)
      guard !family.contains(where: { backups[$0].isRunning(at: run) }) else { continue }
      deleteFamily(at: j, doneAt: doneAt, failing: false)
    }
  }

  /// Positions of the backup at `i` and its incrementals (and theirs): children are newer,
  /// so one forward pass collects the whole family.
  func familyPositions(at i: Int) -> [Int] {
    var family: Set<String> = [backups[i].id]
    var positions = [i]
    for j in (i + 1)..<backups.count where backups[j].parentID.map(family.contains) == true {
      family.insert(backups[j].id)
      positions.append(j)
    }
    return positions
  }

  /// Starts deleting the backup at `i` with its family: they go at `doneAt` (when `failing`,
  /// the backup at `i` turns DELETE_FAILED instead; its family goes all the same).
  mutating func deleteFamily(at i: Int, doneAt: Double, failing: Bool) {
    let id = backups[i].id
    for j in familyPositions(at: i) {
      if backups[j].deleteDoneAt == nil {
        backups[j].deleteDoneAt = doneAt
        backups[j].deleteWillFail = failing && backups[j].id == id
        backups[j].deleteFailed = false
      }
      pendingBackupDeletes.insert(backups[j].id)
    }
  }
}
