import Foundation
import Testing

/// Recovery as an operator does it in `rackwatch --demo` in tmux: restore a COMPLETED backup
/// and watch the new instance reach ACTIVE; make a volume from a snapshot and watch it reach
/// available; mark three snapshots and delete them with one confirmation.
@Suite("end to end: recovery in the demo", .serialized)
struct RecoveryEndToEndTests {
  /// The demo with no job failing, so each journey has one ending.
  static func start() async throws -> (TmuxSession, String) {
    try await EndToEndTests.startDemo(width: 130, height: 40, flags: "--demo-failure-rate 0")
  }

  /// The list row (between the list's borders) naming `text`.
  static func row(_ screen: String, containing text: String) -> String? {
    EndToEndTests.listRows(screen).first { $0.contains(text) }
  }

  /// Moves the selection to the first COMPLETED (or `status`) row of the focused list.
  static func selectFirst(_ status: String, _ tmux: TmuxSession) async throws {
    try await tmux.press("g")
    for _ in 0..<40 {
      let screen = try await tmux.screen()
      if let selected = EndToEndTests.listRows(screen).first(where: { $0.hasPrefix("▶") }),
        selected.contains(" \(status) ")
      {
        return
      }
      try await tmux.press("j")
    }
    Issue.record("no \(status) row within 40 rows")
  }

  @Test("R restores a COMPLETED backup; the new instance is watched to ACTIVE")
  func restore() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    let (tmux, home) = try await Self.start()
    do {
      try await Self.selectFirst("COMPLETED", tmux)
      try await tmux.press("R")
      try await tmux.waitFor(text: "Restore backup")
      try await tmux.waitFor("flavors to load") { $0.contains("RAM)") }
      // Replace the prefilled name, then submit.
      try await tmux.press("C-u")
      try await tmux.text("e2e-restored")
      try await tmux.press("Enter")
      try await tmux.waitFor("the Instances pane with the new instance", timeout: 15) { screen in
        screen.contains("Instances ·") && Self.row(screen, containing: "e2e-restored") != nil
      }
      let active = try await tmux.waitFor("the new instance to reach ACTIVE", timeout: 40) {
        Self.row($0, containing: "e2e-restored")?.contains("ACTIVE") == true
      }
      #expect(Self.row(active, containing: "e2e-restored")?.contains("ERROR") == false)
      // Enter on it shows its backups: none yet, the filter names it.
      try await tmux.press("Enter")
      try await tmux.waitFor(text: "/instance:e2e-restored")
    } catch {
      await EndToEndTests.finish(tmux, home)
      throw error
    }
    await EndToEndTests.finish(tmux, home)
  }

  @Test("V makes a volume from a snapshot, watched to available; a refusal keeps the dialog")
  func volumeFromSnapshot() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    let (tmux, home) = try await Self.start()
    do {
      try await tmux.press("2")
      try await tmux.waitFor(text: "Snapshots ·")
      try await Self.selectFirst("available", tmux)
      try await tmux.press("V")
      try await tmux.waitFor(text: "Volume from snapshot")
      // Too small: refused before sending, what was typed stays.
      try await tmux.press("Tab")
      try await tmux.press("C-u")
      try await tmux.text("1")
      try await tmux.press("Enter")
      try await tmux.waitFor(text: "the snapshot's")
      // Empty: Cinder takes the snapshot's size.
      try await tmux.press("C-u")
      try await tmux.press("BTab")
      try await tmux.press("C-u")
      try await tmux.text("e2e-volume")
      try await tmux.press("Enter")
      try await tmux.waitFor("the Volumes pane with the new volume", timeout: 15) { screen in
        screen.contains("Volumes ·") && Self.row(screen, containing: "e2e-volume") != nil
      }
      try await tmux.waitFor("the volume to become available", timeout: 40) {
        Self.row($0, containing: "e2e-volume")?.contains("available") == true
      }
    } catch {
      await EndToEndTests.finish(tmux, home)
      throw error
    }
    await EndToEndTests.finish(tmux, home)
  }

  @Test("Space marks three snapshots; d deletes them with one confirmation")
  func bulkDelete() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    let (tmux, home) = try await Self.start()
    do {
      try await tmux.press("2")
      try await tmux.waitFor(text: "Snapshots ·")
      // Only snapshots that can be deleted, then the first three.
      try await tmux.press("/")
      try await tmux.text("status:available")
      try await tmux.press("Enter")
      try await tmux.press("g")
      try await tmux.press("Space")
      try await tmux.press("Space")
      try await tmux.press("Space")
      let marked = try await tmux.waitFor(text: "3 marked")
      #expect(EndToEndTests.listRows(marked).filter { $0.hasPrefix("✓") }.count == 3)
      try await tmux.press("d")
      let confirm = try await tmux.waitFor(text: "[ Delete 3 ]")
      #expect(confirm.contains("Delete 3 snapshots"))
      try await tmux.press("l")
      try await tmux.press("Enter")
      try await tmux.waitFor(text: "Deleting 3 of 3 snapshots")
      // Each goes through deleting, then leaves the list; no mark is left behind.
      try await tmux.press("Escape")
      try await tmux.waitFor("the deleted snapshots to go", timeout: 40) { screen in
        let rows = EndToEndTests.listRows(screen)
        return !rows.isEmpty && !rows.contains { $0.hasPrefix("✕") || $0.hasPrefix("✓") }
          && !screen.contains("marked")
      }
    } catch {
      await EndToEndTests.finish(tmux, home)
      throw error
    }
    await EndToEndTests.finish(tmux, home)
  }

  @Test("at 80x24 the help scrolls to its last line and back; the detail view scrolls")
  func scrolling() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    let (tmux, home) = try await EndToEndTests.startDemo(width: 80, height: 24)
    do {
      try await tmux.press("?")
      try await tmux.waitFor(text: "Help · ↑↓ scroll")
      try await tmux.press("G")
      try await tmux.waitFor("the help's last entry") {
        $0.contains(":q ") && !$0.contains("first / last row")
      }
      try await tmux.press("g")
      try await tmux.waitFor(text: "first / last row")
      try await tmux.press("Escape")
      // A backup's detail at 80x24 is longer than the screen: it scrolls to its end.
      try await tmux.press("Enter")
      let top = try await tmux.waitFor(text: "Detail ·")
      #expect(top.contains("↓"))
      try await tmux.press("G")
      try await tmux.waitFor("the detail's end") { $0.contains("↑") && !$0.contains(" Name ") }
    } catch {
      await EndToEndTests.finish(tmux, home)
      throw error
    }
    await EndToEndTests.finish(tmux, home)
  }
}
