import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

/// Cloud Databases schedules (`/schedules`): the documented samples decode and encode, and
/// the client against the simulator over real HTTP lists, creates, changes and deletes them;
/// a schedule fires as the simulated clock passes its time; a cloud without `/schedules`
/// (OpenStack Trove's 404) reads as "none here".
@Suite("Backup schedules")
struct ScheduleTests {
  @Test("the documented list, show and create answers decode (running false or 0; no zone = UTC)")
  func docSamples() throws {
    let list = try JSONDecoder().decode(
      ScheduleWire.Page.self, from: Fixtures.data("docs/rax-cdb-schedules-list-response.json"))
    let first = try #require(list.items.first)
    #expect(first.id == "2e351a71-dd28-4bcb-a7d6-d36a5b487173")
    #expect(first.instanceID == "44b277eb-39be-4921-be31-3d61b43651d7")
    #expect((first.dayOfWeek, first.hour, first.minute) == (0, 14, 30))
    #expect(first.nextRun == Date(timeIntervalSince1970: 1_414_938_600))  // 2014-11-02T14:30:00Z
    let show = try JSONDecoder().decode(
      ScheduleWire.One.self, from: Fixtures.data("docs/rax-cdb-schedules-show-response.json"))
    #expect(show.schedule.value == first)
    let created = try JSONDecoder().decode(
      ScheduleWire.One.self, from: Fixtures.data("docs/rax-cdb-schedules-create-response.json")
    ).schedule.value
    #expect(created.fullBackupRetention == nil)
    let copy = try JSONDecoder().decode(
      ScheduleWire.One.self,
      from: Fixtures.data("docs/rax-cdb-schedules-create-copy-to-response.json")
    ).schedule.value
    #expect(copy.fullBackupRetention == 2)
    #expect(copy.copyTo == ["ORD", "IAD"])
  }

  @Test("the create body is the documented request")
  func createBody() throws {
    let body = try ScheduleWire.createBody(
      ScheduleRequest(
        instanceID: "44b277eb-39be-4921-be31-3d61b43651d7", dayOfWeek: 0, hour: 14, minute: 30,
        copyTo: ["IAD", "ORD"]))
    let sent = try JSONSerialization.jsonObject(with: body) as? NSDictionary
    let documented =
      try JSONSerialization.jsonObject(
        with: Fixtures.data("docs/rax-cdb-schedules-create-copy-to-request.json")) as? NSDictionary
    #expect(sent == documented)
  }

  @Test("list, create, show in the list, change, delete over HTTP; bad fields refused")
  func lifecycle() async throws {
    try await SimulatorHarness.run(simulator: { $0.speed = 0 }) { h in
      #expect(try await h.session.listSchedules(region: "DFW") == [])
      let instance = try #require(try await h.session.listInstances(region: "DFW").first)
      let made = try await h.session.createSchedule(
        ScheduleRequest(
          instanceID: instance.id, dayOfWeek: 3, hour: 23, minute: 45, copyTo: ["IAD"]),
        region: "DFW")
      #expect(made.instanceID == instance.id)
      #expect((made.dayOfWeek, made.hour, made.minute) == (3, 23, 45))
      #expect(made.fullBackupRetention == 2)  // the documented default
      #expect(made.copyTo == ["IAD"])
      let listed = try await h.session.listSchedules(region: "DFW")
      #expect(listed?.map(\.id) == [made.id])
      // The simulator's next run is the next 23:45 UTC, as rackwatch computes it.
      #expect(
        listed?.first?.nextRun?.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)
          == 85_500)

      try await h.session.updateSchedule(
        id: made.id, ScheduleRequest(instanceID: instance.id, hour: 4, minute: 5), region: "DFW")
      let changed = try #require(try await h.session.listSchedules(region: "DFW")?.first)
      #expect((changed.dayOfWeek, changed.hour, changed.minute) == (3, 4, 5))

      // A second schedule of the same instance: 422 in the fault shape.
      let twice = await SimulatorHarness.cloudError {
        _ = try await h.session.createSchedule(
          ScheduleRequest(instanceID: instance.id, dayOfWeek: 0, hour: 1, minute: 0),
          region: "DFW")
      }
      #expect(twice?.kind == .rejected)
      // Out of range never leaves the client.
      let bad = await SimulatorHarness.cloudError {
        _ = try await h.session.createSchedule(
          ScheduleRequest(instanceID: instance.id, dayOfWeek: 8, hour: 1, minute: 0),
          region: "DFW")
      }
      #expect(bad?.kind == .invalidRequest)

      try await h.session.deleteSchedule(id: made.id, region: "DFW")
      #expect(try await h.session.listSchedules(region: "DFW") == [])
      let gone = await SimulatorHarness.cloudError {
        try await h.session.deleteSchedule(id: made.id, region: "DFW")
      }
      #expect(gone?.kind == .notFound)
    }
  }

  @Test(
    "a schedule fires when the simulated clock passes its time: a backup, full then incremental")
  func fires() async throws {
    try await SimulatorHarness.run(simulator: {
      SimulatorHarness.still(&$0)
    }) { h in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.status == "ACTIVE" })
      let now = h.sim.now
      // Two minutes from now, UTC; the full backup on today's weekday.
      let run = (now / 60).rounded(.down) * 60 + 120
      let secondOfDay = Int(run.truncatingRemainder(dividingBy: 86_400))
      let weekday = ((Int((run / 86_400).rounded(.down)) + 4) % 7 + 7) % 7
      _ = try await h.session.createSchedule(
        ScheduleRequest(
          instanceID: instance.id, dayOfWeek: weekday, hour: secondOfDay / 3600,
          minute: (secondOfDay % 3600) / 60),
        region: "DFW")
      let before = try await h.session.listBackups(region: "DFW", instanceID: instance.id)
      h.sim.advanceClock(by: 60)
      #expect(
        try await h.session.listBackups(region: "DFW", instanceID: instance.id).count
          == before.count)
      h.sim.advanceClock(by: 61 + 300)
      let after = try await h.session.listBackups(region: "DFW", instanceID: instance.id)
      #expect(after.count == before.count + 1)
      let taken = try #require(after.first { b in !before.contains { $0.id == b.id } })
      #expect(taken.created == Date(timeIntervalSince1970: run))
      #expect(taken.status == .completed)
      #expect(taken.parentID == nil)  // the schedule's day: full
      let schedule = try #require(try await h.session.listSchedules(region: "DFW")?.first)
      #expect(schedule.lastScheduled == Date(timeIntervalSince1970: run))
      #expect(schedule.nextRun == Date(timeIntervalSince1970: run + 86_400))
      // The next day's run is an incremental of it.
      h.sim.advanceClock(by: 86_400)
      let next = try await h.session.listBackups(region: "DFW", instanceID: instance.id)
      #expect(next.count == before.count + 2)
      #expect(next.contains { $0.parentID == taken.id })
    }
  }

  @Test("a schedule keeps full_backup_retention full backups: older ones go with their family")
  func retention() async throws {
    try await SimulatorHarness.run(simulator: {
      SimulatorHarness.still(&$0)
    }) { h in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.status == "ACTIVE" })
      let run = (h.sim.now / 60).rounded(.down) * 60 + 120
      let secondOfDay = Int(run.truncatingRemainder(dividingBy: 86_400))
      // Day 7: a full backup every day; keep two.
      _ = try await h.session.createSchedule(
        ScheduleRequest(
          instanceID: instance.id, dayOfWeek: 7, hour: secondOfDay / 3600,
          minute: (secondOfDay % 3600) / 60, fullBackupRetention: 2),
        region: "DFW")
      let seeded = Set(
        try await h.session.listBackups(region: "DFW", instanceID: instance.id).map(\.id))
      var taken: [String] = []
      for day in 0..<4 {
        h.sim.advanceClock(by: day == 0 ? 181 : 86_400)
        let listed = try await h.session.listBackups(region: "DFW", instanceID: instance.id)
        for backup in listed where !seeded.contains(backup.id) && !taken.contains(backup.id) {
          taken.append(backup.id)
        }
      }
      #expect(taken.count == 4, "one full backup a day")
      h.sim.advanceClock(by: 7_200)  // the deletes finish (well before the next run)
      let left = try await h.session.listBackups(region: "DFW", instanceID: instance.id)
        .filter { !seeded.contains($0.id) }
      #expect(Set(left.map(\.id)) == Set(taken.suffix(2)), "the newest two are kept")
      #expect(left.count == 2, "\(left.map { "\($0.name) \($0.status) \($0.created!)" })")
      // Backups the schedule did not take are not its to prune.
      #expect(
        seeded.isSubset(
          of: Set(
            try await h.session.listBackups(region: "DFW", instanceID: instance.id).map(\.id))))
    }
  }

  @Test("a cloud without /schedules (OpenStack Trove) answers 404: listed as nil, not an error")
  func unsupported() async throws {
    try await SimulatorHarness.run(simulator: { $0.schedulesSupported = false }) { h in
      #expect(try await h.session.listSchedules(region: "DFW") == nil)
      let instance = try #require(try await h.session.listInstances(region: "DFW").first)
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.createSchedule(
          ScheduleRequest(instanceID: instance.id, dayOfWeek: 0, hour: 1, minute: 0),
          region: "DFW")
      }
      #expect(error?.kind == .notFound)
    }
  }
}

extension ScheduleTests {
  @Test("what the schedule form sends (retention 2, no copies) is accepted on the demo mix")
  func formDefaults() async throws {
    try await SimulatorHarness.run(simulator: {
      $0.speed = 0
      $0.protectionMix = true
    }) { h in
      let instances = try await h.session.listInstances(region: "DFW")
      let payroll = try #require(instances.first { $0.name == "payroll-db" })
      let made = try await h.session.createSchedule(
        ScheduleRequest(
          instanceID: payroll.id, dayOfWeek: 0, hour: 11, minute: 14, fullBackupRetention: 2,
          copyTo: []), region: "DFW")
      #expect(made.instanceID == payroll.id)
    }
  }
}
