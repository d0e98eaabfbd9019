import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch events`: the event history the UI kept for a profile, for scripts and for a
/// look without opening the UI. Reads the history file only; no cloud is asked.
struct EventsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "events",
    abstract: "Print the event history kept by the UI (jobs started, finished, failed, gone).")

  @Option(help: "The profile whose history to print (default: the only one kept).")
  var profile: String?
  @Option(help: "Only events newer than this (e.g. 2h, 1d).") var since: DurationArgument?
  @Option(help: "table or json.") var format: OutputFormat = .table
  @Option(
    help:
      "Where the history is kept (default: RACKWATCH_STATE_DIR, else $XDG_STATE_HOME/rackwatch).")
  var stateDir: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let directory = StateDirectory.resolve(
      flag: stateDir, environment: environment,
      stateHome: ProfileResolver.current().paths.stateHome)
    let name = try profile ?? Self.onlyProfile(in: directory)
    let file = HistoryFile(directory: directory, profile: name)
    let now = Date()
    var events = file.load(now: now).filter { !$0.change.isMark }
    if let since { events = events.filter { now.timeIntervalSince($0.at) <= since.seconds } }
    switch format {
    case .json: print(try Self.json(events))
    case .table, .csv:
      for event in events { print(Self.line(event)) }
    }
  }

  /// The one profile with a history, or a usage error naming them.
  static func onlyProfile(in directory: URL) throws -> String {
    let folder = directory.appendingPathComponent("history")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".jsonl") && !$0.hasSuffix(".1.jsonl") }
      .map { String($0.dropLast(".jsonl".count)) }.sorted()
    guard names.count == 1, let only = names.first else {
      throw CommandFailure(
        message: names.isEmpty
          ? "no event history in \(folder.path) (the UI keeps one per profile)"
          : "several profiles have a history: --profile \(names.joined(separator: "|"))",
        code: ExitStatus.usage
      ).exit()
    }
    return only
  }

  /// `2026-12-01T11:21:05Z  completed  Backups  DFW  nightly  BUILDING → COMPLETED  3.18 GB`:
  /// every text made inert (the file could have been edited by anyone).
  static func line(_ event: HistoryEvent) -> String {
    var parts = [
      Formatting.iso8601(event.at), event.change.rawValue, event.kind?.title ?? "",
      TerminalSafe.sanitize(event.region),
      TerminalSafe.sanitize(event.name.isEmpty ? event.id : event.name),
    ]
    if !event.statusText.isEmpty { parts.append(TerminalSafe.sanitize(event.statusText)) }
    if let size = event.size { parts.append(Formatting.gigabytes(size)) }
    return parts.joined(separator: "  ")
  }

  /// A JSON array, dates ISO 8601 UTC like the other commands' output.
  static func json(_ events: [HistoryEvent]) throws -> String {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Formatting.iso8601(date))
    }
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(events), as: UTF8.self)
  }
}
