import Foundation

/// A private tmux server and session for driving the real binary like a person would:
/// `send-keys` to type, `capture-pane` to read the screen. Waits poll the screen (50 ms
/// steps, bounded), never sleep blindly.
struct TmuxSession {
  let socketDirectory: String
  let name: String

  static var isAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
      || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
  }

  init(width: Int, height: Int) async throws {
    socketDirectory = NSTemporaryDirectory() + "rw-tmux-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(
      atPath: socketDirectory, withIntermediateDirectories: true)
    name = "rw" + UUID().uuidString.prefix(8)
    try await tmux([
      "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
      "bash --norc --noprofile",
    ])
    try await tmux(["set-option", "-t", name, "remain-on-exit", "on"])
  }

  /// Types a shell command line and presses Enter.
  func type(line: String) async throws {
    try await tmux(["send-keys", "-t", name, "-l", line])
    try await tmux(["send-keys", "-t", name, "Enter"])
  }

  /// Sends tmux key names (`Enter`, `Escape`, `Tab`, `C-u`, `j`...).
  func press(_ keys: String...) async throws {
    try await tmux(["send-keys", "-t", name] + keys)
  }

  /// Types literal text.
  func text(_ text: String) async throws {
    try await tmux(["send-keys", "-t", name, "-l", text])
  }

  func resize(width: Int, height: Int) async throws {
    try await tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// The screen as text (trailing spaces dropped by tmux).
  func screen(colours: Bool = false) async throws -> String {
    try await tmux(["capture-pane", "-p", "-t", name] + (colours ? ["-e"] : []))
  }

  /// Waits until the screen satisfies `condition`; returns the screen, or throws with the
  /// last screen after `timeout` seconds.
  @discardableResult
  func waitFor(
    _ what: String, timeout: Double = 10, _ condition: (String) -> Bool
  ) async throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try await screen()
      if condition(last) { return last }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw TmuxTimeout(what: what, screen: last)
  }

  @discardableResult
  func waitFor(text: String, timeout: Double = 10) async throws -> String {
    try await waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
  }

  /// The process ID of the pane's program (the shell, or what it `exec`ed).
  func panePID() async throws -> Int32 {
    let text = try await tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
    guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw TmuxTimeout(what: "a pane PID", screen: text)
    }
    return pid
  }

  /// Copies everything the pane's program writes (escape sequences included, before tmux
  /// reads them) to `path`: how a test sees an OSC notification, which no screen shows.
  func pipeOutput(to path: String) async throws {
    try await tmux(["pipe-pane", "-O", "-t", name, "cat >> '\(path)'"])
  }

  func kill() async {
    _ = try? await tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: socketDirectory)
  }

  @discardableResult
  private func tmux(_ arguments: [String]) async throws -> String {
    let result = try await ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/tmux"), arguments,
      environment: ["TMUX_TMPDIR": socketDirectory, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    guard result.status == 0 else {
      throw TmuxTimeout(
        what: "tmux \(arguments.joined(separator: " ")) failed", screen: result.stderr)
    }
    return result.stdout
  }
}

struct TmuxTimeout: Error, CustomStringConvertible {
  var what: String
  var screen: String
  var description: String { "timed out waiting for \(what); screen was:\n\(screen)" }
}
