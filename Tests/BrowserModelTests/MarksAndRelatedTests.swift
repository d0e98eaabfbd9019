import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// Marks and bulk delete, metadata and admin actions, chains, jumps between related rows,
/// the scrolling detail view and copying a record as JSON.
@Suite("Marks, metadata, admin, chains and related rows")
struct MarksAndRelatedTests {
  func form(_ state: BrowserState) -> Form? {
    if case .form(let form) = state.dialog { return form }
    return nil
  }

  func confirmation(_ state: BrowserState) -> DeleteConfirmation? {
    if case .confirmDelete(let value) = state.dialog { return value }
    return nil
  }

  func snapshotsState(readOnly: Bool = false, admin: Bool = false) -> BrowserState {
    var state = Fixtures.loaded(
      snapshots: (1...5).map { Fixtures.snapshot("s\($0)", size: 10 * $0, created: Double(-$0)) },
      volumes: [Fixtures.volume("v1", name: "data")], readOnly: readOnly)
    state.profile.admin = admin
    _ = reduce(&state, .focusPane(.snapshots))
    return state
  }

  // MARK: - Marks

  @Test("Space marks and moves down; d deletes every marked row after one confirmation")
  func bulkDelete() {
    var state = snapshotsState()
    _ = reduce(&state, .toggleMark)
    _ = reduce(&state, .toggleMark)
    _ = reduce(&state, .moveSelection(by: 1))
    _ = reduce(&state, .toggleMark)
    #expect(state.focused.marked.map(\.id).sorted() == ["s1", "s2", "s4"])
    _ = reduce(&state, .beginDelete)
    let confirm = confirmation(state)
    #expect(confirm?.rows.map(\.id) == ["s1", "s2", "s4"])
    #expect(confirm?.totalSize == 70)
    #expect(confirm?.name == "snap-s1, snap-s2, snap-s4")
    #expect(confirm?.focus == .cancel)
    _ = reduce(&state, .focusConfirm)
    let effects = reduce(&state, .submitDialog)
    #expect(
      effects.filter { if case .deleteSnapshot = $0 { true } else { false } }.count == 3)
    #expect(state.pane(.snapshots).row(RowID(region: "ORD", id: "s2"))?.pending == .deleting)
    // Two succeed, one is refused: it stays marked with the reason; one summary line.
    let forbidden = CloudError(
      kind: .rejected, status: 400, serverMessage: "Invalid snapshot: must be available",
      summary: "Deleting snapshot s2 failed")
    _ = reduce(
      &state, .deleted(.snapshots, RowID(region: "ORD", id: "s1"), .success(()), now: Fixtures.t0))
    _ = reduce(
      &state,
      .deleted(.snapshots, RowID(region: "ORD", id: "s2"), .failure(forbidden), now: Fixtures.t0))
    #expect(state.bulk != nil)
    _ = reduce(
      &state, .deleted(.snapshots, RowID(region: "ORD", id: "s4"), .success(()), now: Fixtures.t0))
    #expect(state.bulk == nil)
    #expect(state.focused.marked == [RowID(region: "ORD", id: "s2")])
    #expect(
      state.focused.markNotes[RowID(region: "ORD", id: "s2")]?.contains("must be available") == true
    )
    #expect(state.messages.last?.text.hasPrefix("Deleting 2 of 3 snapshots; 1 refused") == true)
    #expect(state.messages.contains { $0.text.contains("Could not delete snap-s2") })
    // Esc clears the marks that are left.
    _ = reduce(&state, .back)
    #expect(state.focused.marked.isEmpty)
  }

  @Test("read-only refuses a bulk delete; a mark goes when its row goes")
  func marksReadOnlyAndGone() {
    var state = snapshotsState(readOnly: true)
    _ = reduce(&state, .toggleMark)
    _ = reduce(&state, .beginDelete)
    #expect(state.dialog == nil)
    #expect(state.messages.last?.text.contains("Read-only") == true)
    // The marked row vanishes from the list, then fades: the mark goes with it.
    Fixtures.load(&state, .snapshots, (2...5).map { .snapshot(Fixtures.snapshot("s\($0)")) }, at: 1)
    _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(600)))
    #expect(state.focused.marked.isEmpty)
  }

  @Test("a parent backup's delete names how many incremental children (and theirs) go with it")
  func chainWarning() {
    var state = Fixtures.loaded(backups: [
      Fixtures.backup("full", created: 0), Fixtures.backup("inc1", created: 10, parent: "full"),
      Fixtures.backup("inc2", created: 20, parent: "inc1"),
      Fixtures.backup("other", created: 5),
    ])
    _ = reduce(&state, .focusPane(.backups))
    state.withPane(.backups) { $0.selectedID = RowID(region: "ORD", id: "full") }
    _ = reduce(&state, .beginDelete)
    #expect(confirmation(state)?.warning == "2 incremental backups built on it will be deleted too")
    _ = reduce(&state, .cancelDialog)
    // Marked with its child: only the grandchild is extra.
    _ = reduce(&state, .toggleMark)
    state.withPane(.backups) { $0.selectedID = RowID(region: "ORD", id: "inc1") }
    _ = reduce(&state, .toggleMark)
    _ = reduce(&state, .beginDelete)
    #expect(
      confirmation(state)?.warning == "1 incremental backup built on them will be deleted too")
  }

  @Test(
    "a chain: parents oldest first, children depth first, broken when a parent failed or is gone")
  func chains() {
    var state = Fixtures.loaded(backups: [
      Fixtures.backup("full", status: .failed, created: 0),
      Fixtures.backup("inc1", created: 10, parent: "full"),
      Fixtures.backup("inc2", created: 20, parent: "inc1"),
      Fixtures.backup("inc2b", created: 25, parent: "inc1"),
      Fixtures.backup("inc3", created: 30, parent: "inc2"),
      Fixtures.backup("orphan", created: 40, parent: "deleted-long-ago"),
    ])
    _ = reduce(&state, .focusPane(.backups))
    let pane = state.pane(.backups)
    let chain = BackupChain.of(RowID(region: "ORD", id: "inc1"), in: pane)
    #expect(chain?.ancestors.map(\.id.id) == ["full"])
    #expect(chain?.descendants.map(\.id.id) == ["inc2", "inc3", "inc2b"])
    #expect(chain?.descendants.map(\.depth) == [2, 3, 2])
    #expect(chain?.brokenReason == "parent backup-full is FAILED")
    let orphan = BackupChain.of(RowID(region: "ORD", id: "orphan"), in: pane)
    #expect(orphan?.brokenReason == "parent deleted-long-ago is gone")
    #expect(BackupChain.of(RowID(region: "ORD", id: "nope"), in: pane) == nil)
  }

  @Test("the family index follows refreshes: a child arriving, then going")
  func familyIndexFollowsRefreshes() {
    var state = Fixtures.loaded(backups: [Fixtures.backup("full")])
    let full = RowID(region: "ORD", id: "full")
    #expect(BackupChain.of(full, in: state.pane(.backups))?.descendants.isEmpty == true)
    Fixtures.load(
      &state, .backups,
      [.backup(Fixtures.backup("full")), .backup(Fixtures.backup("inc", parent: "full"))], at: 1)
    #expect(BackupChain.of(full, in: state.pane(.backups))?.descendants.map(\.id.id) == ["inc"])
    // Deleted by the server: marked gone (no longer a child), then faded out of the pane.
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("full"))], at: 2)
    #expect(BackupChain.of(full, in: state.pane(.backups))?.descendants.isEmpty == true)
    _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(600)))
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "inc")) == nil)
    #expect(state.pane(.backups).families.children.isEmpty)
  }

  // MARK: - Metadata and admin

  @Test("metadata: every key a field; only changed keys are sent, cleared ones deleted")
  func metadata() {
    var state = snapshotsState()
    state.withPane(.snapshots) { pane in
      pane.updateRow(RowID(region: "ORD", id: "s1")) { row in
        var snapshot = row.resource.snapshot!
        snapshot.metadata = ["owner": "ops", "ticket": "OPS-1"]
        row.setResource(.snapshot(snapshot))
      }
      pane.selectedID = RowID(region: "ORD", id: "s1")
    }
    _ = reduce(&state, .beginMetadata)
    let fields = form(state)?.fields.map(\.id)
    #expect(
      fields == [.metadataValue(key: "owner"), .metadataValue(key: "ticket"), .newKey, .newValue])
    #expect(form(state)?.fields[form(state)?.focus ?? 0].id == .newKey)
    _ = reduce(&state, .editField(.insert("tier")))
    _ = reduce(&state, .nextField)
    _ = reduce(&state, .editField(.insert("gold")))
    // Clear `ticket`.
    _ = reduce(&state, .previousField)
    _ = reduce(&state, .previousField)
    _ = reduce(&state, .editField(.clearLine))
    let effects = reduce(&state, .submitDialog)
    #expect(
      effects == [
        .changeSnapshotMetadata(id: "s1", set: ["tier": "gold"], remove: ["ticket"], region: "ORD")
      ])
    let id = RowID(region: "ORD", id: "s1")
    // A refusal keeps the form; the answer updates the row and closes it.
    _ = reduce(
      &state,
      .metadataSaved(
        id, .failure(CloudError(kind: .forbidden, status: 403, summary: "Changing metadata")),
        now: Fixtures.t0))
    #expect(form(state)?.error?.contains("Metadata not saved") == true)
    #expect(form(state)?.text(.newKey) == "tier")
    _ = reduce(&state, .submitDialog)
    _ = reduce(
      &state,
      .metadataSaved(id, .success(["owner": "ops", "tier": "gold\u{1B}[2J"]), now: Fixtures.t0))
    #expect(state.dialog == nil)
    let saved = state.pane(.snapshots).row(id)?.resource.snapshot?.metadata
    #expect(saved?["tier"]?.contains("\u{1B}") == false)
    #expect(state.messages.last?.text == "Metadata of snap-s1 saved (2 keys)")
  }

  @Test("metadata: an untouched key is never sent back, even one shown made safe")
  func metadataUntouched() {
    var state = Fixtures.loaded(snapshots: [
      Snapshot(
        id: "s1", name: "hostile", volumeID: "v1", status: .available, size: 1,
        metadata: ["a\u{1B}[2Jb": "x", "owner": "ops"])
    ])
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginMetadata)
    #expect(reduce(&state, .submitDialog) == [.bell])
    #expect(form(state)?.error == "Nothing changed (Esc closes)")
    Fixtures.type(&state, "tier", into: { .editField($0) })
    _ = reduce(&state, .nextField)
    Fixtures.type(&state, "gold", into: { .editField($0) })
    #expect(
      reduce(&state, .submitDialog) == [
        .changeSnapshotMetadata(id: "s1", set: ["tier": "gold"], remove: [], region: "ORD")
      ])
  }

  @Test("the runner merges set keys, deletes removed ones, then reads back what the server holds")
  func metadataRunner() async {
    let cloud = FakeCloud()
    await cloud.set(metadata: .success(["owner": "ops", "tier": "gold"]))
    let runner = EffectRunner(service: cloud, now: { Fixtures.t0 })
    let action = await runner.perform(
      .changeSnapshotMetadata(id: "s1", set: ["tier": "gold"], remove: ["ticket"], region: "ORD"))
    let calls = await cloud.calls
    #expect(
      calls == [
        "setSnapshotMetadata ORD s1", "deleteSnapshotMetadataKey ORD s1 ticket",
        "snapshotMetadata ORD s1",
      ])
    #expect(await cloud.metadataRequests.first?.replace == false)
    guard case .metadataSaved(_, .success(let held), _) = action else {
      Issue.record("unexpected \(String(describing: action))")
      return
    }
    #expect(held == ["owner": "ops", "tier": "gold"])
  }

  @Test("admin actions: only with admin: true, never read-only; a 403 shows the server's words")
  func admin() {
    var member = snapshotsState()
    _ = reduce(&member, .beginAdmin)
    #expect(member.dialog == nil)
    #expect(member.messages.last?.text == "Admin actions need admin: true in the profile")
    var readOnly = snapshotsState(readOnly: true, admin: true)
    _ = reduce(&readOnly, .beginAdmin)
    #expect(readOnly.dialog == nil)

    var state = snapshotsState(admin: true)
    _ = reduce(&state, .beginAdmin)
    #expect(form(state)?.picker(.adminAction)?.options.count == 3)
    let reset = reduce(&state, .submitDialog)
    #expect(reset == [.resetSnapshotStatus(id: "s1", status: "available", region: "ORD")])
    let policy = CloudError(
      kind: .forbidden, status: 403,
      serverMessage: "Policy doesn't allow volume_extension:snapshot_admin_actions:reset_status",
      summary: "Resetting snapshot s1 failed")
    _ = reduce(
      &state,
      .statusReset(
        RowID(region: "ORD", id: "s1"), to: "available", .failure(policy), now: Fixtures.t0))
    #expect(form(state)?.error?.contains("Policy doesn't allow") == true)
    // Force delete asks once more, then sends os-force_delete.
    _ = reduce(&state, .pickerMove(by: 2))
    _ = reduce(&state, .submitDialog)
    #expect(confirmation(state)?.force == true)
    _ = reduce(&state, .focusConfirm)
    #expect(reduce(&state, .submitDialog) == [.forceDeleteSnapshot(id: "s1", region: "ORD")])
  }

  // MARK: - Related rows

  @Test("Enter on an instance shows its backups (instance:NAME); o goes back to the instance")
  func relatedJumps() {
    var state = Fixtures.loaded(
      backups: [
        Fixtures.backup("b1", instance: "i1"), Fixtures.backup("b2", instance: "i2"),
        Fixtures.backup("b3", instance: "i1"),
      ],
      instances: [
        Fixtures.instance("i1", name: "orders"), Fixtures.instance("i2", name: "orders-archive"),
      ])
    _ = reduce(&state, .focusPane(.instances))
    _ = reduce(&state, .jumpToRelated)
    #expect(state.focusedPane == .backups)
    #expect(state.focused.filter.text == "instance:orders")
    // "orders" is exactly one instance's name: not orders-archive's backups.
    #expect(Fixtures.visibleIDs(state, .backups).sorted() == ["b1", "b3"])
    // Typed by hand, a part of a name matches every instance it is in.
    _ = reduce(&state, .beginFilter)
    _ = reduce(&state, .editFilter(.clearLine))
    Fixtures.type(&state, "instance:archive", into: { .editFilter($0) })
    #expect(Fixtures.visibleIDs(state, .backups) == ["b2"])
    _ = reduce(&state, .commitFilter)
    _ = reduce(&state, .jumpToRelated)
    #expect(state.focusedPane == .instances)
    #expect(state.focused.selectedID == RowID(region: "ORD", id: "i2"))
  }

  @Test("o on a backup whose instance is gone says so (an orphan)")
  func orphanJump() {
    var state = Fixtures.loaded(backups: [Fixtures.backup("b1", instance: "gone")])
    _ = reduce(&state, .focusPane(.backups))
    _ = reduce(&state, .jumpToRelated)
    #expect(state.focusedPane == .backups)
    #expect(state.messages.last?.text.contains("gone is not listed") == true)
  }

  // MARK: - Detail view

  @Test("the detail scrolls within what the UI measured; opening it starts at the top")
  func detailScroll() {
    var state = snapshotsState()
    _ = reduce(&state, .openDetail)
    _ = reduce(&state, .setDetailExtent(ScrollExtent(lines: 30, visible: 10)))
    _ = reduce(&state, .scrollDetail(by: 5))
    #expect(state.detailScroll == 5)
    _ = reduce(&state, .scrollDetail(by: Int.max))
    #expect(state.detailScroll == 20)
    _ = reduce(&state, .scrollDetail(by: -3))
    #expect(state.detailScroll == 17)
    _ = reduce(&state, .setDetailExtent(ScrollExtent(lines: 12, visible: 10)))
    #expect(state.detailScroll == 2)
    _ = reduce(&state, .scrollDetail(by: Int.min))
    #expect(state.detailScroll == 0)
    _ = reduce(&state, .scrollDetail(by: 1))
    _ = reduce(&state, .back)
    _ = reduce(&state, .openDetail)
    #expect(state.detailScroll == 0)
  }

  @Test("Y copies the whole record as JSON with the CLI's keys, escaped")
  func copyJSON() throws {
    var state = Fixtures.loaded(snapshots: [Fixtures.snapshot("s1", name: "evil\u{1B}]52;c;x\u{7}")]
    )
    _ = reduce(&state, .focusPane(.snapshots))
    let effects = reduce(&state, .copySelectedRecord)
    guard case .copyToClipboard(let text) = effects.first else {
      Issue.record("no copy effect: \(effects)")
      return
    }
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    #expect(object?["id"] as? String == "s1")
    #expect(object?["volume_id"] as? String == "v1")
    #expect(object?["size_gb"] as? Int == 10)
    #expect(text.hasPrefix("{\n  \"id\": \"s1\",\n  \"name\""))
  }
}
