import Foundation
import HostileCloud
import Testing

/// The UI in tmux against a hostile cloud (issue 13). Part of the end-to-end suite, so it
/// never runs beside the other tmux journeys (it loads the machine for a few seconds).
extension EndToEndTests {
  /// Peak resident memory of a process in MB (`VmHWM`), nil when it cannot be read.
  static func peakResidentMB(_ pid: Int32) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes / 1024
  }

  @Test("a 200 MB name: the UI answers keys and stays under 400 MB resident (13.4)")
  func hugeName() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    let server = try HostileServer.playing(.bigName(bytes: 200 << 20))
    defer { server.stop() }
    let home = NSTemporaryDirectory() + "rw-hostile-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let tmux = try await TmuxSession(width: 120, height: 40)
    do {
      try await tmux.type(
        line: "cd \(home) && export HOME=\(home) && TERM=tmux-256color exec "
          + "\(BinaryRunner.rackwatch.path) --token hostile-token-0042 --region RegionOne "
          + "--endpoint volume=\(server.volumeURL) --endpoint database=\(server.databaseURL)")
      try await tmux.waitFor(text: "Backups", timeout: 20)
      let pid = try await tmux.panePID()
      try await tmux.press("2")
      try await tmux.waitFor("the snapshot with the huge name", timeout: 90) {
        $0.contains("Snapshots · ") && $0.contains("NNNNNNNNNN")
      }
      // Keys are answered: the detail opens, help opens and closes, the pane switches.
      try await tmux.press("Enter")
      try await tmux.waitFor(text: "Detail · NNNN")
      try await tmux.press("?")
      try await tmux.waitFor(text: "close help")
      try await tmux.press("Escape")
      try await tmux.waitFor("help closed") { !$0.contains("close help") }
      try await tmux.press("1")
      try await tmux.waitFor(text: "Backups · ")
      let peak = try #require(Self.peakResidentMB(pid))
      #expect(peak < 400, "peak resident \(peak) MB")
      try await tmux.press("q")
    } catch {
      await tmux.kill()
      try? FileManager.default.removeItem(atPath: home)
      throw error
    }
    await tmux.kill()
    try? FileManager.default.removeItem(atPath: home)
  }
}
