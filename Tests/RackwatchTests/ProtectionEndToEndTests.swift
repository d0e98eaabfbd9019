import Foundation
import Testing

/// The Protection view in the real program (issue 15): `rackwatch --demo` in tmux shows each
/// seeded case in its colour, and a schedule created from the UI fires in the simulator and
/// turns its row green.
@Suite("end to end: the Protection view in tmux", .serialized)
struct ProtectionEndToEndTests {
  /// The line of the screen naming `name`.
  static func line(_ screen: String, _ name: String) -> String? {
    screen.split(separator: "\n").first { $0.contains(" \(name) ") }.map(String.init)
  }

  /// The SGR sequence in force where `text` starts on the coloured screen line naming `name`.
  static func colour(_ coloured: String, line name: String, of text: String) -> String? {
    guard let line = coloured.split(separator: "\n").first(where: { $0.contains(name) }),
      let range = line.range(of: text)
    else { return nil }
    let before = line[..<range.lowerBound]
    guard let escape = before.range(of: "\u{1B}[", options: .backwards) else { return nil }
    return String(before[escape.lowerBound...])
  }

  @Test("5 shows every seeded case in its colour; a schedule made with a turns payroll-db green")
  func protectionJourney() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    // No random failures: the scheduled backup must complete for the row to turn green.
    let (tmux, home) = try await EndToEndTests.startDemo(
      width: 160, height: 45, flags: "--demo-failure-rate 0")
    do {
      try await tmux.press("5")
      let screen = try await tmux.waitFor("the seeded cases", timeout: 20) { screen in
        ["payroll-db", "ledger-db", "reports-db", "legacy-crm-db-final"].allSatisfy {
          screen.contains($0)
        } && screen.contains(" protected ")
      }
      #expect(screen.contains("Protection · "))
      #expect(Self.line(screen, "payroll-db")?.contains("never backed up") == true)
      #expect(Self.line(screen, "ledger-db")?.contains("last job failed") == true)
      #expect(Self.line(screen, "reports-db")?.contains("schedule missed") == true)
      #expect(screen.contains("orphan backup legacy-crm-db-final"))
      // Red for the problems, green for the protected, and not the same.
      let coloured = try await tmux.screen(colours: true)
      let red = Self.colour(coloured, line: "ledger-db", of: "last job failed")
      let redToo = Self.colour(coloured, line: "reports-db", of: "schedule missed")
      let green = Self.colour(coloured, line: " protected ", of: "protected")
      #expect(red != nil && red == redToo)
      #expect(green != nil && green != red)

      // payroll-db is the worst row, selected first: schedule it for two minutes from now.
      #expect(Self.line(screen, "payroll-db")?.contains("never backed up") == true)
      let run = Date().addingTimeInterval(120)
      let parts = Calendar(identifier: .gregorian).dateComponents(
        in: TimeZone(identifier: "UTC")!, from: run)
      try await tmux.press("g", "a")
      try await tmux.waitFor(text: "Schedule backups of payroll-db")
      try await tmux.press("Tab")
      try await tmux.text(String(parts.hour!))
      try await tmux.press("Tab", "C-u")
      try await tmux.text(String(parts.minute!))
      try await tmux.press("Enter")
      try await tmux.waitFor("the schedule on the row", timeout: 15) { screen in
        Self.line(screen, "payroll-db")?.contains(
          String(format: "%02d:%02d", parts.hour!, parts.minute!))
          == true
      }
      // The simulator takes the backup at that minute; a refresh brings it.
      try await tmux.waitFor("payroll-db protected", timeout: 200) { screen in
        Self.line(screen, "payroll-db")?.contains("protected") == true
      }
      try await tmux.press("q")
      try await tmux.waitFor(text: "exit status: 0")
      let before = try String(contentsOfFile: home + "/stty.before", encoding: .utf8)
      // The shell prints the status before stty writes the file: wait for it.
      let after = try await EndToEndTests.readWhenWritten(home + "/stty.after")
      #expect(before == after)
    } catch {
      await EndToEndTests.finish(tmux, home)
      throw error
    }
    await EndToEndTests.finish(tmux, home)
  }
}
