import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The Protection view as a derived view over the panes (issue 15): its rows follow the
/// lists, worst first; Enter opens the resource's backups or snapshots; schedules load with
/// it, and a cloud without them says so; the schedule form sends what was typed.
@Suite("Protection view (view-model)")
struct ProtectionViewTests {
  @Test("opening asks every pane and the schedules; the rows are worst first, one per resource")
  func open() {
    var state = ProtectionSample.state(open: false)
    let effects = reduce(&state, .protection(.open))
    #expect(effects.contains(.protection(.loadSchedules(region: "DFW"))))
    #expect(state.protection.isOpen)
    _ = reduce(
      &state,
      .protection(
        .schedulesLoaded(
          region: "DFW", .success(ProtectionSample.schedules), now: ProtectionSample.now)))
    let rows = state.protection.rows
    #expect(
      rows.map(\.name) == [
        "billing-db", "ledger-db", "reports-db", "archive-db", "data-vol", "orders-db",
      ])
    #expect(
      rows.map(\.verdict) == [
        .neverBackedUp, .lastJobFailed, .scheduleMissed, .ageing, .protected, .protected,
      ])
    #expect(state.protection.orphans.map(\.name) == ["b-orphan"])
    #expect(state.protection.totals.first?.orphanGB == 4.2)
    #expect(state.protection.totals.first?.snapshotGB == 100)
    #expect(state.protection.problemCount == 4)
  }

  @Test("a cloud without /schedules: no schedule verdicts, and the view knows why")
  func unsupported() {
    let state = ProtectionSample.state(schedules: nil)
    #expect(state.protection.regionsWithoutSchedules == ["DFW"])
    #expect(state.protection.rows.first { $0.name == "reports-db" }?.verdict == .protected)
  }

  @Test("a refresh that brings the missing backup turns its row green, the selection stays put")
  func refresh() {
    var state = ProtectionSample.state(schedules: ProtectionSample.schedules)
    _ = reduce(&state, .protection(.move(by: 2)))
    #expect(state.protection.selectedRow?.name == "reports-db")
    let later = ProtectionSample.now.addingTimeInterval(60)
    _ = reduce(
      &state,
      .listLoaded(
        .backups, region: "DFW",
        .success(
          ProtectionSample.backups + [
            ProtectionSample.backup("b-new", of: "i-never", .completed, hoursAgo: 0)
          ]), now: later))
    #expect(state.protection.rows.first { $0.name == "billing-db" }?.verdict == .protected)
    #expect(state.protection.selectedRow?.name == "reports-db")
  }

  @Test("verdicts age as time passes with nothing refreshed")
  func ageing() {
    var state = ProtectionSample.state()
    #expect(state.protection.rows.first { $0.name == "orders-db" }?.verdict == .protected)
    _ = reduce(&state, .tick(now: ProtectionSample.now.addingTimeInterval(24 * 3600)))
    #expect(state.protection.rows.first { $0.name == "orders-db" }?.verdict == .ageing)
  }

  @Test("Enter opens the instance's backups, filtered by it; Esc goes back to where it was")
  func enter() {
    var state = ProtectionSample.state()
    _ = reduce(&state, .protection(.move(by: 1)))  // ledger-db
    _ = reduce(&state, .protection(.openResource))
    #expect(!state.protection.isOpen)
    #expect(state.focusedPane == .backups)
    #expect(state.focused.filter.text == "instance:ledger-db")
    let visible = (0..<state.focused.visibleCount).compactMap {
      state.focused.visibleRow(at: $0)?.id.id
    }
    #expect(Set(visible) == ["b-failed", "b-failed-old"])

    _ = reduce(&state, .focusPane(.volumes))
    _ = reduce(&state, .protection(.open))
    _ = reduce(&state, .protection(.close(then: nil)))
    #expect(state.focusedPane == .volumes)
  }

  @Test("the schedule form: bad fields stay in the form; good ones send a create; then close")
  func scheduleForm() {
    var state = ProtectionSample.state(schedules: [])
    _ = reduce(&state, .protection(.first))  // billing-db, no schedule
    _ = reduce(&state, .protection(.beginSchedule))
    guard case .form(let form) = state.dialog else {
      Issue.record("no form")
      return
    }
    #expect(form.title == "Schedule backups of billing-db")
    // Hour is empty: refused in the form.
    var effects = reduce(&state, .submitDialog)
    guard case .form(let refused) = state.dialog else { return }
    #expect(refused.error?.contains("Hour") == true)
    #expect(!effects.contains { if case .protection = $0 { true } else { false } })
    _ = reduce(&state, .nextField)
    for c in "23" { _ = reduce(&state, .editField(.insert(String(c)))) }
    effects = reduce(&state, .submitDialog)
    let expected = ScheduleRequest(
      instanceID: "i-never", dayOfWeek: 0, hour: 23, minute: 0, fullBackupRetention: 2, copyTo: [])
    #expect(effects.contains(.protection(.createSchedule(expected, region: "DFW"))))
    effects = reduce(
      &state,
      .protection(
        .scheduleSaved(region: "DFW", "scheduled", .success(()), now: ProtectionSample.now)))
    #expect(state.dialog == nil)
    #expect(effects.contains(.protection(.loadSchedules(region: "DFW"))))
  }

  @Test("an existing schedule opens filled in, and the delete toggle sends a delete")
  func changeAndDelete() {
    var state = ProtectionSample.state(schedules: ProtectionSample.schedules)
    _ = reduce(&state, .protection(.move(by: 2)))  // reports-db
    _ = reduce(&state, .protection(.beginSchedule))
    guard case .form(var form) = state.dialog else {
      Issue.record("no form")
      return
    }
    #expect(form.title == "Change the schedule of reports-db")
    #expect(form.text(.hour) == String(ProtectionSample.schedules[0].hour))
    form.focus = form.fields.count - 1
    state.dialog = .form(form)
    _ = reduce(&state, .toggleField)
    let effects = reduce(&state, .submitDialog)
    #expect(effects.contains(.protection(.deleteSchedule(id: "sched-1", region: "DFW"))))
  }

  @Test("scheduling is refused on a cloud without schedules and in read-only mode")
  func refused() {
    var state = ProtectionSample.state(schedules: nil)
    _ = reduce(&state, .protection(.first))
    _ = reduce(&state, .protection(.beginSchedule))
    #expect(state.dialog == nil)
    #expect(state.activeMessages.last?.text.contains("No schedules on this cloud") == true)
  }
}
