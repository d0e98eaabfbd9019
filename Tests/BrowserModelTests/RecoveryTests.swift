import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// Restoring a backup and making a volume from a snapshot: the dialogs, what they send, the
/// pending rows, the server's refusals and the watch until the new item settles.
@Suite("Recovery: restore and volume from snapshot")
struct RecoveryTests {
  func form(_ state: BrowserState) -> Form? {
    if case .form(let form) = state.dialog { return form }
    return nil
  }

  let flavors = [
    Flavor(id: "1", name: "m1.tiny", ram: 512), Flavor(id: "2", name: "m1.small", ram: 2048),
    Flavor(id: "3", name: "m1.medium", ram: 4096),
  ]

  /// Backups pane focused on a COMPLETED 3.2 GB backup of `i1` (flavor 3, 20 GB volume).
  func restoreState(status: BackupStatus = .completed) -> BrowserState {
    var source = Fixtures.instance("i1", name: "orders-db")
    source.flavorID = "3"
    source.volumeSize = 2
    var state = Fixtures.loaded(
      backups: [Fixtures.backup("b1", name: "nightly", status: status, size: 3.2)],
      instances: [source])
    _ = reduce(&state, .focusPane(.backups))
    return state
  }

  func replace(_ state: inout BrowserState, _ id: FieldID, with text: String) {
    guard case .form(var form) = state.dialog,
      let index = form.fields.firstIndex(where: { $0.id == id })
    else { return }
    form.focus = index
    state.dialog = .form(form)
    _ = reduce(&state, .editField(.clearLine))
    _ = reduce(&state, .editField(.insert(text)))
  }

  @Test("R opens a restore dialog prefilled from the backup and its instance; flavors load once")
  func restoreDialog() {
    var state = restoreState()
    let effects = reduce(&state, .beginRestore)
    #expect(effects.contains(.loadFlavors(region: "ORD")))
    #expect(form(state)?.text(.name) == "orders-db-restored")
    // The volume must hold the 3.2 GB backup: 4 GB, more than the source's 2.
    #expect(form(state)?.text(.size) == "4")
    #expect(form(state)?.picker(.flavor)?.options.isEmpty == true)
    _ = reduce(&state, .flavorsLoaded(region: "ORD", .success(flavors)))
    // The source instance's flavor is preselected.
    #expect(form(state)?.picker(.flavor)?.selectedOption?.value == "3")
    #expect(form(state)?.picker(.flavor)?.options.first?.label == "m1.tiny (512 MB RAM)")
    // A second dialog does not ask again.
    _ = reduce(&state, .cancelDialog)
    #expect(!reduce(&state, .beginRestore).contains(.loadFlavors(region: "ORD")))
    // The datastore is shown, not edited: focus skips it.
    _ = reduce(&state, .previousField)
    _ = reduce(&state, .previousField)
    #expect(form(state)?.fields[form(state)?.focus ?? 0].id == .flavor)
  }

  @Test("a restore sends name, flavor, size and datastore; the instance row appears at once")
  func restoreSends() throws {
    var state = restoreState()
    _ = reduce(&state, .beginRestore)
    _ = reduce(&state, .flavorsLoaded(region: "ORD", .success(flavors)))
    replace(&state, .name, with: "orders-copy")
    replace(&state, .size, with: "8")
    let effects = reduce(&state, .submitDialog)
    let placeholder = RowID(region: "ORD", id: "pending-1")
    #expect(
      effects.contains(
        .restoreBackup(
          RestoreRequest(
            backupID: "b1", name: "orders-copy", flavorID: "3", volumeSize: 8,
            datastore: Datastore(type: "mysql", version: "8.0")),
          region: "ORD", placeholder: placeholder)))
    #expect(state.pane(.instances).row(placeholder)?.pending == .creating)
    #expect(form(state)?.submitting == true)
    // The server answers with the new instance in BUILD: it replaces the placeholder, the
    // Instances pane comes to the front with it selected.
    let built = DatabaseInstance(id: "new-1", name: "orders-copy", status: "BUILD")
    _ = reduce(
      &state, .instanceRestored(placeholder: placeholder, .success(built), now: Fixtures.t0))
    #expect(state.dialog == nil)
    #expect(state.focusedPane == .instances)
    #expect(state.focused.selectedID == RowID(region: "ORD", id: "new-1"))
    // Watched on every tick while it builds, even from another pane.
    _ = reduce(&state, .focusPane(.backups))
    Fixtures.load(&state, .instances, [.instance(built)], at: 1)
    let tick = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(60)))
    #expect(Fixtures.loads(tick).contains("instances ORD"))
    // ACTIVE: announced once.
    var active = built
    active.status = "ACTIVE"
    Fixtures.load(&state, .instances, [.instance(active)], at: 61)
    #expect(state.messages.contains { $0.text == "Instance orders-copy is ACTIVE" })
  }

  @Test("a restore the server refuses keeps the dialog, what was typed, and the server's words")
  func restoreRefused() {
    var state = restoreState(status: .failed)
    _ = reduce(&state, .beginRestore)
    #expect(form(state)?.fields.contains { $0.label == "Note" } == true)
    _ = reduce(&state, .flavorsLoaded(region: "ORD", .success(flavors)))
    replace(&state, .name, with: "try-anyway")
    _ = reduce(&state, .submitDialog)
    let refusal = CloudError(
      kind: .rejected, status: 409,
      serverMessage: "Backup b1 cannot be restored: it is not COMPLETED.",
      summary: "Restoring backup b1 failed")
    _ = reduce(
      &state,
      .instanceRestored(
        placeholder: RowID(region: "ORD", id: "pending-1"), .failure(refusal), now: Fixtures.t0))
    #expect(form(state)?.text(.name) == "try-anyway")
    #expect(form(state)?.submitting == false)
    #expect(form(state)?.error?.contains("it is not COMPLETED") == true)
    #expect(state.pane(.instances).row(RowID(region: "ORD", id: "pending-1")) == nil)
  }

  @Test("restore checks the size and the flavor before sending")
  func restoreValidation() {
    var state = restoreState()
    _ = reduce(&state, .beginRestore)
    #expect(reduce(&state, .submitDialog) == [.bell])
    #expect(form(state)?.error == "Flavors are still loading")
    _ = reduce(&state, .flavorsLoaded(region: "ORD", .success(flavors)))
    replace(&state, .size, with: "3")
    _ = reduce(&state, .submitDialog)
    #expect(form(state)?.error?.contains("at least 4") == true)
    #expect(form(state)?.text(.size) == "3")
    // A flavor list the server refuses says so in the dialog.
    _ = reduce(
      &state,
      .flavorsLoaded(
        region: "ORD", .failure(CloudError(kind: .server, status: 500, summary: "Listing flavors")))
    )
    #expect(form(state)?.error?.contains("Could not load flavors") == true)
  }

  @Test("R is refused in read-only mode and outside the Backups pane")
  func restoreRefusedLocally() {
    var readOnly = Fixtures.loaded(backups: [Fixtures.backup("b1")], readOnly: true)
    #expect(!reduce(&readOnly, .beginRestore).contains(.loadFlavors(region: "ORD")))
    #expect(readOnly.dialog == nil)
    #expect(readOnly.messages.last?.text.contains("Read-only") == true)
    var state = restoreState()
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginRestore)
    #expect(state.dialog == nil)
  }

  @Test("V makes a volume from a snapshot: size at least the snapshot's, type from its volume")
  func volumeFromSnapshot() {
    var volume = Fixtures.volume("v1", name: "data")
    volume.volumeType = "SSD"
    var state = Fixtures.loaded(
      snapshots: [Fixtures.snapshot("s1", name: "before-upgrade", size: 50)], volumes: [volume])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginVolumeFromSnapshot)
    #expect(form(state)?.text(.name) == "before-upgrade-volume")
    #expect(form(state)?.text(.size) == "50")
    #expect(form(state)?.text(.volumeType) == "SSD")
    replace(&state, .size, with: "40")
    _ = reduce(&state, .submitDialog)
    #expect(form(state)?.error?.contains("at least 50") == true)
    replace(&state, .size, with: "60")
    let effects = reduce(&state, .submitDialog)
    let placeholder = RowID(region: "ORD", id: "pending-1")
    #expect(
      effects.contains(
        .createVolume(
          VolumeFromSnapshotRequest(
            snapshotID: "s1", name: "before-upgrade-volume", size: 60, volumeType: "SSD"),
          region: "ORD", placeholder: placeholder)))
    var created = Volume(id: "v9", name: "before-upgrade-volume", status: "creating", size: 60)
    _ = reduce(
      &state, .volumeCreated(placeholder: placeholder, .success(created), now: Fixtures.t0))
    #expect(state.focusedPane == .volumes)
    #expect(state.focused.selectedID?.id == "v9")
    created.status = "available"
    Fixtures.load(&state, .volumes, [.volume(volume), .volume(created)], at: 5)
    #expect(state.messages.contains { $0.text == "Volume before-upgrade-volume is available" })
  }

  @Test("a volume the server refuses keeps the dialog with Cinder's words")
  func volumeRefused() {
    var state = Fixtures.loaded(snapshots: [Fixtures.snapshot("s1", size: 50)])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginVolumeFromSnapshot)
    _ = reduce(&state, .submitDialog)
    let refusal = CloudError(
      kind: .rejected, status: 400,
      serverMessage:
        "Invalid input received: Volume size 50GB cannot be smaller than the snapshot size.",
      summary: "Creating a volume from snapshot s1 failed")
    _ = reduce(
      &state,
      .volumeCreated(
        placeholder: RowID(region: "ORD", id: "pending-1"), .failure(refusal), now: Fixtures.t0))
    #expect(form(state)?.error?.contains("cannot be smaller than the snapshot size") == true)
    #expect(state.pane(.volumes).rows.isEmpty)
  }
}
