import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// `C` in the Backups pane: the selected backup copied to another region.
@Suite("Copying a backup to another region from the Backups pane")
struct BackupCopyTests {
  func state(status: BackupStatus = .completed, regions: [String] = ["ORD", "DFW", "IAD"])
    -> BrowserState
  {
    var state = Fixtures.loaded(
      backups: [Fixtures.backup("b1", name: "nightly", status: status, size: 3.2)])
    state.availableRegions = regions
    _ = reduce(&state, .focusPane(.backups))
    return state
  }

  @Test("C offers the other regions; the chosen one is what is sent")
  func copyToChosenRegion() {
    var state = state()
    _ = reduce(&state, .beginCopyBackup)
    guard case .form(let form) = state.dialog else {
      Issue.record("no form")
      return
    }
    #expect(form.title == "Copy nightly to")
    #expect(form.picker(.targetRegion)?.options.map(\.value) == ["DFW", "IAD"])
    _ = reduce(&state, .pickerMove(by: 1))
    let effects = reduce(&state, .submitDialog)
    #expect(effects == [.protection(.copyBackup(id: "b1", to: "IAD", region: "ORD"))])
    guard case .form(let waiting) = state.dialog else {
      Issue.record("the form closed before the server answered")
      return
    }
    #expect(waiting.submitting)
    _ = reduce(
      &state,
      .protection(
        .scheduleSaved(
          region: "ORD", "Copy of backup b1 to IAD requested",
          .failure(
            CloudError(
              kind: .rejected, status: 409, serverMessage: "quota reached", summary: "quota reached"
            )), now: Fixtures.t0)))
    guard case .form(let refused) = state.dialog else {
      Issue.record("a refusal closed the form")
      return
    }
    #expect(refused.error?.contains("quota reached") == true)
    _ = reduce(
      &state,
      .protection(
        .scheduleSaved(
          region: "ORD", "Copy of backup b1 to IAD requested", .success(()), now: Fixtures.t0)))
    #expect(state.dialog == nil)
    #expect(state.activeMessages.last?.text == "Copy of backup nightly to IAD requested")
  }

  @Test(
    "C refuses what cannot be copied: a running backup, one region, read-only, another pane")
  func refusals() {
    var building = state(status: .building)
    _ = reduce(&building, .beginCopyBackup)
    #expect(building.dialog == nil)
    #expect(building.activeMessages.last?.text.contains("COMPLETED") == true)

    var alone = state(regions: ["ORD"])
    _ = reduce(&alone, .beginCopyBackup)
    #expect(alone.dialog == nil && alone.activeMessages.last?.text == "No other region to copy to")

    var readOnly = Fixtures.loaded(
      backups: [Fixtures.backup("b1", name: "nightly", status: .completed)], readOnly: true)
    readOnly.availableRegions = ["ORD", "DFW"]
    _ = reduce(&readOnly, .focusPane(.backups))
    _ = reduce(&readOnly, .beginCopyBackup)
    #expect(readOnly.dialog == nil)

    var snapshots = state()
    _ = reduce(&snapshots, .focusPane(.snapshots))
    _ = reduce(&snapshots, .beginCopyBackup)
    #expect(snapshots.dialog == nil)
  }
}
