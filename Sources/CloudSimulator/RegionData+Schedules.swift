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
    schedules[index].lastScheduled = run
    if let made = backups.last, !s.copyTo.isEmpty {
      for target in s.copyTo where target != name {
        outgoingCopies.append(
          BackupCopyOrder(
            source: made, region: target, name: made.name, description: made.description,
            start: run + made.duration))
      }
    }
  }
}
