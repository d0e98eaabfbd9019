/// The protection mix of the demo (`SimulatorConfiguration.protectionMix`), laid over what
/// ``RegionSeeder`` made: every instance gets a nightly schedule and last night's backup,
/// every volume a snapshot from yesterday, so all are protected, except, in the first region:
///
/// - `payroll-db`, never backed up;
/// - `reports-db`, whose 02:00 UTC schedule missed last night (its newest backup is from the
///   night before, and the simulator will not take the run it skipped);
/// - `ledger-db`, whose last backup failed an hour ago (an older one is good);
/// - an orphan: `legacy-crm-db-final`, a backup of an instance that is gone.
///
/// Names are fixed so `rackwatch check` against the demo names exactly these.
struct ProtectionSeeder {
  let configuration: SimulatorConfiguration
  let start: Double

  static let neverBackedUp = "payroll-db"
  static let scheduleMissed = "reports-db"
  static let lastJobFailed = "ledger-db"
  static let orphan = "legacy-crm-db-final"

  func seed(_ data: inout RegionData, index: Int) {
    var rng = SeededGenerator(seed: configuration.seed &+ 0x0015_0015 &+ UInt64(index))
    let minute = 60.0
    let day = ScheduleRecord.day
    for i in data.instances.indices {
      // Last night's run, a different minute per instance, two to three hours ago.
      let run = ((start - 2 * 3600 - Double(i) * 7 * minute) / minute).rounded(.down) * minute
      addBackup(&data, instance: i, at: run, fails: false, &rng)
      guard data.instances[i].baseStatus == "ACTIVE" else { continue }
      let t = Int(run.truncatingRemainder(dividingBy: day))
      addSchedule(
        &data, instance: data.instances[i].id, hour: t / 3600, minute: (t % 3600) / 60,
        dayOfWeek: i % 7, nextRun: run + day, lastScheduled: run, &rng)
    }
    for v in data.volumes.indices {
      let volume = data.volumes[v]
      data.append(
        SnapshotRecord(
          seq: data.takeSeq(), id: rng.uuid(), name: "\(volume.name ?? "volume")-nightly",
          description: "nightly snapshot", volumeID: volume.id, size: volume.size,
          created: start - day - Double(v) * 11 * minute, duration: 60, fails: false))
    }
    guard index == 0 else { return }

    _ = addInstance(&data, Self.neverBackedUp, &rng)

    let missed = addInstance(&data, Self.scheduleMissed, &rng)
    // Due at 02:00 UTC: the last run due (grace one hour) was skipped; the one before ran.
    let dueSkipped = ScheduleRecord.nextRun(after: start - 3600 - day, hour: 2, minute: 0)
    addBackup(&data, instance: missed, at: dueSkipped - day, fails: false, &rng)
    addSchedule(
      &data, instance: data.instances[missed].id, hour: 2, minute: 0, dayOfWeek: 0,
      nextRun: dueSkipped + day, lastScheduled: dueSkipped - day, &rng)

    let failed = addInstance(&data, Self.lastJobFailed, &rng)
    addBackup(&data, instance: failed, at: start - 5 * 3600, fails: false, &rng)
    addBackup(&data, instance: failed, at: start - 3600, fails: true, &rng)

    let gone = rng.uuid()
    data.append(
      BackupRecord(
        seq: data.takeSeq(), id: rng.uuid(), name: Self.orphan,
        description: "kept after the instance was deleted", instanceID: gone, parentID: nil,
        datastore: 0, created: start - 40 * day, duration: 120, finalSize: 4.2, fails: false))
  }

  private func addInstance(_ data: inout RegionData, _ name: String, _ rng: inout SeededGenerator)
    -> Int
  {
    data.instances.append(
      InstanceRecord(
        id: rng.uuid(), name: name, baseStatus: "ACTIVE", datastore: 0, flavorID: "2",
        volumeSize: 10, volumeUsed: 3.1, created: start - 60 * ScheduleRecord.day))
    return data.instances.count - 1
  }

  private func addBackup(
    _ data: inout RegionData, instance i: Int, at t: Double, fails: Bool,
    _ rng: inout SeededGenerator
  ) {
    let instance = data.instances[i]
    // A job the seeder left running stays the instance's latest (it makes it BACKUP and
    // refuses a second one); this older, finished backup must not hide it.
    let running = data.runningBackup(of: instance.id, at: start)?.id
    defer { if let running { data.latestBackupByInstance[instance.id] = running } }
    data.append(
      BackupRecord(
        seq: data.takeSeq(), id: rng.uuid(),
        name: "\(instance.name)-nightly-\(NameBook.day(t))", description: "nightly backup",
        instanceID: instance.id, parentID: nil, datastore: instance.datastore, created: t,
        duration: 120, finalSize: max(0.01, (instance.volumeUsed * 100).rounded() / 100),
        fails: fails))
  }

  private func addSchedule(
    _ data: inout RegionData, instance: String, hour: Int, minute: Int, dayOfWeek: Int,
    nextRun: Double, lastScheduled: Double, _ rng: inout SeededGenerator
  ) {
    let created = start - 30 * ScheduleRecord.day
    data.schedules.append(
      ScheduleRecord(
        id: rng.uuid(), instanceID: instance, dayOfWeek: dayOfWeek, hour: hour, minute: minute,
        fullBackupRetention: 2, copyTo: [], created: created, updated: created,
        lastScheduled: lastScheduled, nextRun: nextRun))
  }
}
