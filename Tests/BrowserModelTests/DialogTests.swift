import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Dialogs and cloud actions")
struct DialogTests {
  func form(_ state: BrowserState) -> Form? {
    if case .form(let form) = state.dialog { return form }
    return nil
  }

  func confirmation(_ state: BrowserState) -> DeleteConfirmation? {
    if case .confirmDelete(let value) = state.dialog { return value }
    return nil
  }

  func backupState(
    instances: [DatabaseInstance] = [Fixtures.instance("i1")], backups: [Backup] = [],
    readOnly: Bool = false
  ) -> BrowserState {
    Fixtures.loaded(backups: backups, instances: instances, readOnly: readOnly)
  }

  /// Types a name into the focused (first) field.
  func typeName(_ state: inout BrowserState, _ name: String) {
    _ = reduce(&state, .editField(.insert(name)))
  }

  @Test("create backup: the form has name, instance picker, description, parent and copies")
  func createBackupForm() {
    var state = backupState(instances: [Fixtures.instance("i1"), Fixtures.instance("i2")])
    _ = reduce(&state, .beginCreate)
    let form = form(state)
    #expect(form?.fields.map(\.id) == [.name, .instance, .description, .parent, .copyTo])
    #expect(form?.picker(.instance)?.options.map(\.value) == ["i1", "i2"])
    #expect(form?.picker(.parent)?.selectedOption?.value == "")
  }

  @Test("create backup: copies go to other known regions; a wrong region keeps the form")
  func createBackupWithCopies() {
    var state = backupState()
    state.availableRegions = ["ORD", "DFW", "IAD"]
    _ = reduce(&state, .beginCreate)
    typeName(&state, "nightly")
    for _ in 0..<4 { _ = reduce(&state, .nextField) }
    _ = reduce(&state, .editField(.insert("ord")))
    #expect(reduce(&state, .submitDialog) == [.bell])
    #expect(form(state)?.error == "Copies go to other regions than ORD")
    _ = reduce(&state, .editField(.clearLine))
    _ = reduce(&state, .editField(.insert("dfw, LON")))
    #expect(reduce(&state, .submitDialog) == [.bell])
    #expect(form(state)?.error?.contains("No region LON") == true)
    #expect(form(state)?.text(.name) == "nightly", "what was typed stays")
    _ = reduce(&state, .editField(.clearLine))
    _ = reduce(&state, .editField(.insert("dfw iad dfw")))
    let effects = reduce(&state, .submitDialog)
    #expect(
      effects.contains(
        .createBackup(
          BackupCreateRequest(name: "nightly", instanceID: "i1", copyTo: ["DFW", "IAD"]),
          region: "ORD", placeholder: RowID(region: "ORD", id: "pending-1"))))
  }

  @Test("create backup: valid input sends the request and shows a pending row at once")
  func createBackupSends() {
    var state = backupState()
    _ = reduce(&state, .beginCreate)
    typeName(&state, "nightly")
    _ = reduce(&state, .nextField)
    _ = reduce(&state, .nextField)
    _ = reduce(&state, .editField(.insert("before upgrade")))
    let effects = reduce(&state, .submitDialog)
    let placeholder = RowID(region: "ORD", id: "pending-1")
    #expect(
      effects.contains(
        .createBackup(
          BackupCreateRequest(name: "nightly", instanceID: "i1", description: "before upgrade"),
          region: "ORD", placeholder: placeholder)))
    let row = state.pane(.backups).row(placeholder)
    #expect(row?.pending == .creating)
    #expect(row?.statusCell(CellContext(now: state.now)).text == "creating…")
    #expect(form(state)?.submitting == true)
    // The server answers: the placeholder becomes the real row, the dialog closes.
    _ = reduce(
      &state,
      .backupCreated(
        placeholder: placeholder,
        .success(Fixtures.backup("real-1", name: "nightly", status: .new)), now: Fixtures.t0))
    #expect(state.dialog == nil)
    #expect(state.pane(.backups).row(placeholder) == nil)
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "real-1"))?.pending == .creating)
    #expect(state.focused.selectedID?.id == "real-1")
    // The next refresh lists it: the pending mark goes.
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("real-1", status: .building))], at: 2)
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "real-1"))?.pending == nil)
  }

  @Test("a failed create keeps the dialog, what was typed, and shows the server's message")
  func createFails() {
    var state = backupState()
    _ = reduce(&state, .beginCreate)
    typeName(&state, "nightly")
    _ = reduce(&state, .submitDialog)
    let error = CloudError(
      kind: .rejected, status: 422, serverMessage: "Instance i1 is busy", summary: "Create refused")
    _ = reduce(
      &state,
      .backupCreated(
        placeholder: RowID(region: "ORD", id: "pending-1"), .failure(error), now: Fixtures.t0))
    #expect(form(state)?.text(.name) == "nightly")
    #expect(form(state)?.error == "Create refused: Instance i1 is busy")
    #expect(form(state)?.submitting == false)
    #expect(state.pane(.backups).rows.isEmpty)
  }

  @Test(
    "backup validation: name required, under 64 characters, ACTIVE instance, one running backup",
    arguments: [
      ("", "ACTIVE", false, "Name is required"),
      (
        String(repeating: "n", count: 64), "ACTIVE", false,
        "Name must be shorter than 64 characters"
      ),
      ("ok", "BUILD", false, "Instance db-i1 is BUILD: only ACTIVE instances can be backed up"),
      ("ok", "ACTIVE", true, "A backup of db-i1 is already running"),
    ])
  func backupValidation(name: String, status: String, running: Bool, message: String) {
    var state = backupState(
      instances: [Fixtures.instance("i1", status: status)],
      backups: running ? [Fixtures.backup("r", status: .building, instance: "i1")] : [])
    _ = reduce(&state, .beginCreate)
    typeName(&state, name)
    let effects = reduce(&state, .submitDialog)
    #expect(form(state)?.error == message)
    #expect(effects == [.bell])
    #expect(state.pane(.backups).rows.allSatisfy { $0.pending == nil })
  }

  @Test("backup validation: no instance to pick")
  func noInstance() {
    var state = backupState(instances: [])
    _ = reduce(&state, .beginCreate)
    typeName(&state, "x")
    _ = reduce(&state, .submitDialog)
    #expect(form(state)?.error == "Pick an instance (none loaded yet)")
  }

  @Test("incremental parent must be of the same instance and is sent as parent_id")
  func incremental() {
    var state = backupState(
      instances: [Fixtures.instance("i1"), Fixtures.instance("i2")],
      backups: [
        Fixtures.backup("p1", instance: "i1"), Fixtures.backup("p2", instance: "i2", created: 5),
      ])
    _ = reduce(&state, .beginCreate)
    typeName(&state, "inc")
    _ = reduce(&state, .previousField)  // wraps to the copies field
    _ = reduce(&state, .previousField)  // the parent picker
    _ = reduce(&state, .pickerMove(by: 1))  // newest: p2 of i2
    _ = reduce(&state, .submitDialog)
    #expect(form(state)?.error == "The incremental parent must be a backup of the same instance")
    _ = reduce(&state, .pickerMove(by: 1))  // p1 of i1
    let effects = reduce(&state, .submitDialog)
    #expect(
      effects.contains(
        .createBackup(
          BackupCreateRequest(name: "inc", instanceID: "i1", parentID: "p1"), region: "ORD",
          placeholder: RowID(region: "ORD", id: "pending-1"))))
  }

  @Test("c on the instances pane preselects the selected instance")
  func preselect() {
    var state = backupState(instances: [Fixtures.instance("i1"), Fixtures.instance("i2")])
    _ = reduce(&state, .focusPane(.instances))
    _ = reduce(&state, .selectLast)
    _ = reduce(&state, .beginCreate)
    #expect(form(state)?.picker(.instance)?.selectedOption?.value == "i2")
  }

  @Test("create snapshot: in-use volume needs force; then the request carries it")
  func createSnapshot() {
    var state = Fixtures.loaded(volumes: [Fixtures.volume("v1", status: "in-use")])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginCreate)
    #expect(form(state)?.fields.map(\.id) == [.volume, .name, .description, .force])
    _ = reduce(&state, .nextField)
    typeName(&state, "pre-patch")
    _ = reduce(&state, .submitDialog)
    #expect(form(state)?.error == "Volume vol-v1 is in use: turn on Force to snapshot it")
    _ = reduce(&state, .previousField)
    _ = reduce(&state, .previousField)  // wraps to force
    _ = reduce(&state, .toggleField)
    #expect(form(state)?.toggle(.force) == true)
    let effects = reduce(&state, .submitDialog)
    #expect(
      effects.contains(
        .createSnapshot(
          SnapshotCreateRequest(volumeID: "v1", name: "pre-patch", force: true), region: "ORD",
          placeholder: RowID(region: "ORD", id: "pending-1"))))
    #expect(state.pane(.snapshots).row(RowID(region: "ORD", id: "pending-1"))?.pending == .creating)
    _ = reduce(
      &state,
      .snapshotCreated(
        placeholder: RowID(region: "ORD", id: "pending-1"),
        .success(Fixtures.snapshot("s-new", status: .creating)), now: Fixtures.t0))
    #expect(state.dialog == nil)
    #expect(state.pane(.snapshots).row(RowID(region: "ORD", id: "s-new")) != nil)
  }

  @Test("rename shows the new name at once; a refusal reverts it and keeps the dialog as typed")
  func rename() {
    var state = Fixtures.loaded(snapshots: [Fixtures.snapshot("s1", name: "old")])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginRename)
    #expect(form(state)?.text(.name) == "old")
    _ = reduce(&state, .editField(.clearLine))
    typeName(&state, "new")
    let effects = reduce(&state, .submitDialog)
    let id = RowID(region: "ORD", id: "s1")
    #expect(
      effects.contains(
        .updateSnapshot(
          id: "s1", SnapshotUpdateRequest(name: "new", description: ""), region: "ORD")))
    #expect(state.pane(.snapshots).row(id)?.resource.name == "new")
    #expect(form(state)?.submitting == true)
    _ = reduce(
      &state,
      .snapshotUpdated(
        id,
        .failure(
          CloudError(
            kind: .rejected, status: 400, serverMessage: "bad name", summary: "Rename refused")),
        now: Fixtures.t0))
    #expect(state.pane(.snapshots).row(id)?.resource.name == "old")
    #expect(state.pane(.snapshots).row(id)?.pending == nil)
    #expect(form(state)?.error == "Rename failed: Rename refused: bad name")
    #expect(form(state)?.text(.name) == "new")
    #expect(form(state)?.submitting == false)
    // Esc gives up: the old name stays.
    _ = reduce(&state, .cancelDialog)
    #expect(state.dialog == nil)
  }

  @Test("rename success takes the server's value")
  func renameSuccess() {
    var state = Fixtures.loaded(snapshots: [Fixtures.snapshot("s1", name: "old")])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginRename)
    _ = reduce(&state, .editField(.clearLine))
    typeName(&state, "new")
    _ = reduce(&state, .submitDialog)
    let id = RowID(region: "ORD", id: "s1")
    _ = reduce(
      &state, .snapshotUpdated(id, .success(Fixtures.snapshot("s1", name: "new")), now: Fixtures.t0)
    )
    #expect(state.pane(.snapshots).row(id)?.pending == nil)
    #expect(state.pane(.snapshots).row(id)?.resource.name == "new")
    #expect(state.dialog == nil)
  }

  @Test("a rename reply without progress (Cinder's) keeps the progress the row had")
  func renameKeepsProgress() {
    var state = Fixtures.loaded(snapshots: [Fixtures.snapshot("s1", name: "old", progress: 100)])
    let id = RowID(region: "ORD", id: "s1")
    _ = reduce(
      &state,
      .snapshotUpdated(
        id, .success(Fixtures.snapshot("s1", name: "new", progress: nil)), now: Fixtures.t0))
    #expect(state.pane(.snapshots).row(id)?.resource.snapshot?.progress == 100)
    #expect(state.pane(.snapshots).row(id)?.resource.name == "new")
  }

  @Test("delete asks first with Cancel focused; Enter on Cancel does nothing")
  func deleteCancel() {
    var state = backupState(backups: [Fixtures.backup("b1")])
    _ = reduce(&state, .beginDelete)
    #expect(confirmation(state)?.focus == .cancel)
    #expect(reduce(&state, .submitDialog).isEmpty)
    #expect(state.dialog == nil)
    #expect(state.pane(.backups).rows.first?.pending == nil)
  }

  @Test("confirmed delete marks the row pending, then it goes with the next refresh")
  func deleteConfirm() {
    var state = backupState(backups: [Fixtures.backup("b1"), Fixtures.backup("c1", parent: "b1")])
    _ = reduce(&state, .sortBy(.id))
    _ = reduce(&state, .selectFirst)
    _ = reduce(&state, .beginDelete)
    #expect(confirmation(state)?.warning == "1 incremental backup built on it will be deleted too")
    _ = reduce(&state, .focusConfirm)
    let effects = reduce(&state, .submitDialog)
    #expect(effects.contains(.deleteBackup(id: "b1", region: "ORD")))
    let id = RowID(region: "ORD", id: "b1")
    #expect(state.pane(.backups).row(id)?.pending == .deleting)
    _ = reduce(&state, .deleted(.backups, id, .success(()), now: Fixtures.t0))
    #expect(state.pane(.backups).row(id)?.pending == .deleting)
    Fixtures.load(&state, .backups, [], at: 2)
    #expect(state.pane(.backups).row(id)?.change?.kind == .gone)
    #expect(state.messages.map(\.text).contains("Backup backup-b1 deleted"))
  }

  @Test("a failed delete clears the pending mark and shows the server's message")
  func deleteFails() {
    var state = Fixtures.loaded(snapshots: [Fixtures.snapshot("s1")])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginDelete)
    _ = reduce(&state, .nextField)
    #expect(confirmation(state)?.focus == .confirm)
    #expect(reduce(&state, .submitDialog).contains(.deleteSnapshot(id: "s1", region: "ORD")))
    let id = RowID(region: "ORD", id: "s1")
    let error = CloudError(
      kind: .rejected, status: 400, serverMessage: "Snapshot is busy", summary: "Delete refused")
    _ = reduce(&state, .deleted(.snapshots, id, .failure(error), now: Fixtures.t0))
    #expect(state.pane(.snapshots).row(id)?.pending == nil)
    #expect(
      state.messages.last?.text == "Could not delete snap-s1: Delete refused: Snapshot is busy")
  }

  @Test("read-only mode refuses create, rename and delete with a message")
  func readOnly() {
    var state = backupState(backups: [Fixtures.backup("b1")], readOnly: true)
    for action in [Action.beginCreate, .beginRename, .beginDelete] {
      #expect(
        reduce(&state, action).allSatisfy { if case .scheduleTick = $0 { true } else { false } })
      #expect(state.dialog == nil)
    }
    #expect(state.messages.map(\.text).contains("Read-only mode: create is disabled"))
    #expect(state.messages.map(\.text).contains("Read-only mode: delete is disabled"))
  }

  @Test("Esc and cancel close dialogs without sending")
  func cancel() {
    var state = backupState()
    _ = reduce(&state, .beginCreate)
    #expect(reduce(&state, .back).isEmpty)
    #expect(state.dialog == nil)
    _ = reduce(&state, .beginCreate)
    _ = reduce(&state, .cancelDialog)
    #expect(state.dialog == nil)
  }

  @Test("the instance picker refreshes when instances arrive while the form is open")
  func pickerRefresh() {
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: Fixtures.t0))
    _ = reduce(&state, .beginCreate)
    #expect(form(state)?.picker(.instance)?.options.isEmpty == true)
    Fixtures.load(&state, .instances, [.instance(Fixtures.instance("i9"))])
    #expect(form(state)?.picker(.instance)?.options.map(\.value) == ["i9"])
  }
}
