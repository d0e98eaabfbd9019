/// Fills a region with deterministic data from the configuration's seed: instances, volumes,
/// a long history of settled backups and snapshots, and a few jobs in motion at `start`.
struct RegionSeeder {
  let configuration: SimulatorConfiguration
  /// Simulated seconds since 1970 at which the simulator starts.
  let start: Double

  func seed(region: String, index: Int) -> RegionData {
    var rng = SeededGenerator(seed: configuration.seed &+ UInt64(index) &* 0x1000_0000_0001)
    var data = RegionData(name: region)
    seedInstances(&data, &rng)
    seedVolumes(&data, &rng)
    seedBackups(&data, &rng)
    seedSnapshots(&data, &rng)
    return data
  }

  private func hostile(_ i: Int, _ rng: inout SeededGenerator) -> String? {
    guard configuration.hostileNames, i % 5 == 2 else { return nil }
    return NameBook.hostile[Int(rng.next() % UInt64(NameBook.hostile.count))]
  }

  private func seedInstances(_ data: inout RegionData, _ rng: inout SeededGenerator) {
    let count = max(0, configuration.instancesPerRegion)
    for i in 0..<count {
      // With four or more instances the last one is SHUTDOWN, so the "instance must be
      // ACTIVE" validation (422) can be seen in the demo.
      let status = count >= 4 && i == count - 1 ? "SHUTDOWN" : "ACTIVE"
      let size = [2, 5, 10, 20, 50, 100][Int(rng.next() % 6)]
      data.instances.append(
        InstanceRecord(
          id: rng.uuid(), name: hostile(i, &rng) ?? NameBook.numbered(NameBook.instances, i),
          baseStatus: status, datastore: Int(rng.next() % UInt64(Datastore.all.count)),
          flavorID: String(1 + rng.next() % 8), volumeSize: size,
          volumeUsed: (Double(size) * rng.unit() * 60).rounded() / 100,
          created: start - 90 * 86_400 - Double(rng.next() % 86_400)))
    }
  }

  private func seedVolumes(_ data: inout RegionData, _ rng: inout SeededGenerator) {
    let count = max(0, configuration.volumesPerRegion)
    for i in 0..<count {
      let attached = i % 3 == 1  // every third volume is in-use, with an attachment
      data.volumes.append(
        VolumeRecord(
          id: rng.uuid(), name: hostile(i, &rng) ?? NameBook.numbered(NameBook.volumes, i),
          description: i % 4 == 3 ? nil : "volume for \(NameBook.numbered(NameBook.volumes, i))",
          size: [75, 100, 150, 250, 500, 1024][Int(rng.next() % 6)],
          volumeType: rng.chance(0.5) ? "SSD" : "SATA",
          created: start - 120 * 86_400 - Double(rng.next() % 86_400),
          serverID: attached ? rng.uuid() : nil, attachmentID: rng.uuid(),
          device: "/dev/xvd\(Character(UnicodeScalar(UInt8(ascii: "b") + UInt8(i % 20))))",
          readyAt: 0))
      data.volumes[i].readyAt = data.volumes[i].created
    }
  }

  private func seedBackups(_ data: inout RegionData, _ rng: inout SeededGenerator) {
    let instances = data.instances
    guard !instances.isEmpty else { return }
    let active = instances.indices.filter { instances[$0].baseStatus == "ACTIVE" }
    let moving = min(max(0, configuration.inMotion), active.count, configuration.backupsPerRegion)
    let settled = max(0, configuration.backupsPerRegion - moving)
    let spacing = max(30, 45 * 86_400 / Double(max(settled, 1)))
    let baseSize = instances.map { Double($0.volumeSize) * (0.1 + rng.unit() * 0.5) }
    var lastCompleted: [Int: String] = [:]
    for i in 0..<settled {
      let owner = Int(rng.next() % UInt64(instances.count))
      let created = start - 600 - Double(settled - i) * spacing + rng.unit() * spacing * 0.5
      let kindIndex = Int(rng.next() % UInt64(NameBook.backupKinds.count))
      let parent = rng.chance(0.2) ? lastCompleted[owner] : nil
      let size =
        baseSize[owner] * (parent == nil ? 0.9 + rng.unit() * 0.2 : 0.05 + rng.unit() * 0.1)
      let fails = rng.chance(configuration.failureRate)
      let name =
        hostile(i, &rng)
        ?? "\(instances[owner].name)-\(NameBook.backupKinds[kindIndex])-\(NameBook.day(created))"
      var backup = BackupRecord(
        seq: data.takeSeq(), id: rng.uuid(), name: name,
        description: kindIndex == 4 ? nil : "\(NameBook.backupKinds[kindIndex]) backup",
        instanceID: instances[owner].id, parentID: parent, datastore: instances[owner].datastore,
        created: created, duration: min(configuration.backupDuration, 300),
        finalSize: max(0.01, (size * 100).rounded() / 100), fails: fails)
      if !fails, rng.chance(0.02) { backup.deleteFailed = true }
      if !fails, !backup.deleteFailed { lastCompleted[owner] = backup.id }
      data.append(backup)
    }
    for j in 0..<moving {
      let owner = active[j]
      // Later rows started later, so creation order stays the order lists are served in.
      let progress = 0.05 + 0.8 * Double(moving - j) / Double(moving + 1)
      let created = start - progress * configuration.backupDuration
      data.append(
        BackupRecord(
          seq: data.takeSeq(), id: rng.uuid(),
          name: "\(instances[owner].name)-manual-\(NameBook.day(created))",
          description: "taken before deploy", instanceID: instances[owner].id, parentID: nil,
          datastore: instances[owner].datastore, created: created,
          duration: configuration.backupDuration,
          finalSize: max(0.01, (baseSize[owner] * 100).rounded() / 100),
          fails: rng.chance(configuration.failureRate)))
    }
  }

  private func seedSnapshots(_ data: inout RegionData, _ rng: inout SeededGenerator) {
    let volumes = data.volumes
    guard !volumes.isEmpty else { return }
    let moving = min(max(0, configuration.inMotion), configuration.snapshotsPerRegion)
    let settled = max(0, configuration.snapshotsPerRegion - moving)
    let spacing = max(30, 45 * 86_400 / Double(max(settled, 1)))
    for i in 0..<settled {
      let volume = Int(rng.next() % UInt64(volumes.count))
      let created = start - 600 - Double(settled - i) * spacing + rng.unit() * spacing * 0.5
      let kind = NameBook.snapshotKinds[Int(rng.next() % UInt64(NameBook.snapshotKinds.count))]
      var snapshot = SnapshotRecord(
        seq: data.takeSeq(), id: rng.uuid(),
        name: hostile(i, &rng)
          ?? "\(volumes[volume].name ?? "volume")-\(kind)-\(NameBook.day(created))",
        description: i % 7 == 3 ? nil : "\(kind) snapshot", volumeID: volumes[volume].id,
        size: volumes[volume].size, created: created,
        duration: min(configuration.snapshotDuration, 300),
        fails: rng.chance(configuration.failureRate))
      if i % 11 == 5 { snapshot.metadata = [("owner", "ops-team"), ("ticket", "OPS-\(1000 + i)")] }
      if !snapshot.fails, rng.chance(0.02) { snapshot.errorDeleting = true }
      data.append(snapshot)
    }
    for j in 0..<moving {
      let volume = j % volumes.count
      let created =
        start - (0.05 + 0.8 * Double(moving - j) / Double(moving + 1))
        * configuration.snapshotDuration
      data.append(
        SnapshotRecord(
          seq: data.takeSeq(), id: rng.uuid(),
          name: "\(volumes[volume].name ?? "volume")-manual-\(NameBook.day(created))",
          description: "taken by hand", volumeID: volumes[volume].id, size: volumes[volume].size,
          created: created, duration: configuration.snapshotDuration,
          fails: rng.chance(configuration.failureRate)))
    }
    // One settled snapshot is being deleted at start, so "deleting" shows in the demo too.
    if moving > 0, settled > 0 {
      let i = data.snapshots.count - moving - 1
      data.snapshots[i].errorDeleting = false
      data.snapshots[i].deleteStarted = start - 1
      data.snapshots[i].deleteDoneAt = start + configuration.deleteDuration
      data.pendingSnapshotDeletes.insert(data.snapshots[i].id)
    }
  }
}
