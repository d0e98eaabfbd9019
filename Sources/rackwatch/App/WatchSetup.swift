import BrowserModel
import CloudSimulator
import Foundation
import TerminalUI

/// The profile's `notifications:` value, checked where the config is read.
enum NotificationSetting {
  static func valid(_ text: String) -> Bool { NotificationStyle(setting: text) != nil }
}

/// Where rackwatch keeps what it learns while open (history, the demo's world): `--state-dir`,
/// else `RACKWATCH_STATE_DIR`, else `$XDG_STATE_HOME/rackwatch` (`~/.local/state/rackwatch`).
/// Tests point it at a temporary directory, never at the real home.
enum StateDirectory {
  static func resolve(flag: String?, environment: [String: String], stateHome: String) -> URL {
    if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag, isDirectory: true) }
    if let env = environment["RACKWATCH_STATE_DIR"], !env.isEmpty {
      return URL(fileURLWithPath: env, isDirectory: true)
    }
    return URL(fileURLWithPath: stateHome + "/rackwatch", isDirectory: true)
  }
}

/// The demo's cloud kept between runs: the same seed, and the seeded jobs placed around the
/// first run's start, for an hour. So a demo quit while jobs run and started again finds them
/// finished, as a real cloud would, and "since you last looked" has something to say. After
/// an hour (or without a state directory) the demo is a fresh, lively cloud again.
enum DemoWorld {
  struct Saved: Codable {
    var seed: UInt64
    var anchor: Date
  }

  static let lifetime: TimeInterval = 3600

  /// The seed and the seed date for this run, saving a new world when there is none.
  static func choose(in directory: URL?, now: Date) -> (seed: UInt64, anchor: Date?) {
    let fresh = UInt64(now.timeIntervalSince1970) & 0xFFFF
    guard let directory else { return (fresh, nil) }
    let file = directory.appendingPathComponent("demo-world.json")
    if let data = try? Data(contentsOf: file),
      let saved = try? JSONDecoder().decode(Saved.self, from: data),
      now.timeIntervalSince(saved.anchor) >= 0, now.timeIntervalSince(saved.anchor) < lifetime
    {
      return (saved.seed, saved.anchor)
    }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    if let data = try? JSONEncoder().encode(Saved(seed: fresh, anchor: now)) {
      try? data.write(to: file, options: .atomic)
    }
    return (fresh, nil)
  }
}

/// The history, notifications and settings of a UI session, wired together.
struct WatchSetup: Sendable {
  var history: HistoryFile?
  var style: NotificationStyle
  var insideTmux: Bool

  /// The initial watch state from the saved history; writes the `opened` mark.
  func start(now: Date, notifyFailures: Bool) -> WatchState {
    var watch = WatchState(saved: history?.load(now: now) ?? [])
    watch.notifyFailures = notifyFailures
    history?.append([.mark(.opened, at: now)])
    return watch
  }

  /// Writes the `closed` mark and waits for every event to reach the disk.
  func finish(now: Date) {
    guard let history else { return }
    history.append([.mark(.closed, at: now)])
    history.flush()
  }
}
