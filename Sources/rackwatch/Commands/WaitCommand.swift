import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch wait backup|snapshot ID`: returns when the job settles.
/// Exits 0 when settled as asked, 1 when the job failed, 4 when it does not exist, 5 on timeout.
struct WaitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wait", abstract: "Wait until a backup or snapshot completes or is deleted.")

  enum Goal: String, ExpressibleByArgument, CaseIterable { case completed, deleted }

  @Argument(help: "backup or snapshot") var kind: SingleKind
  @Argument(help: "The backup or snapshot ID.") var id: String
  @Option(help: "completed or deleted") var until: Goal = .completed
  @Option(help: "Give up after this long (e.g. 90s, 30m, 2h).") var timeout = DurationArgument(
    seconds: 1800)
  @Option(help: "Time between checks.") var interval = DurationArgument(seconds: 5)
  @OptionGroup var connection: ConnectionOptions

  /// What one look at the job says.
  enum Observation: Equatable {
    case running(String, progress: Double?)
    case done(String)
    case failed(String)
    case gone
  }

  func run() async throws {
    let connection = try CloudConnection.open(connection)
    let code: Int32
    do {
      let region = try await connection.regions(allRegions: false)[0]
      code = try await poll(connection.session, region: region)
    } catch let error as CloudError {
      try? await connection.session.shutdown()
      throw CommandFailure.from(error, doing: "Waiting for \(kind.rawValue) \(id)").exit()
    }
    try? await connection.session.shutdown()
    if code != 0 { throw ExitCode(code) }
  }

  private func poll(_ session: CloudSession, region: String) async throws -> Int32 {
    let loop = WaitLoop(
      clock: ContinuousClock(), timeout: .seconds(timeout.seconds),
      interval: .seconds(interval.seconds))
    var sawIt = false
    var elapsed = 0
    let code = try await loop.run { since -> Int32? in
      let observation = try await observe(session, region: region)
      elapsed = Int(since.components.seconds)
      report(observation, elapsed: elapsed)
      switch (observation, until) {
      case (.gone, .deleted):
        finish("\(kind.rawValue) \(id) is deleted")
        return ExitStatus.ok
      case (.gone, .completed):
        finish(sawIt ? "\(kind.rawValue) \(id) disappeared" : "no \(kind.rawValue) \(id)")
        return ExitStatus.notFound
      case (.done(let status), .completed):
        finish("\(kind.rawValue) \(id) is \(status)")
        return ExitStatus.ok
      case (.failed(let status), _):
        finish("\(kind.rawValue) \(id) ended \(status)")
        return ExitStatus.jobFailed
      default:
        sawIt = true
        return nil
      }
    }
    if let code { return code }
    finish(
      "timed out after \(elapsed) s waiting for \(kind.rawValue) \(id) to be \(until.rawValue)")
    return ExitStatus.timeoutOrNetwork
  }

  private func observe(_ session: CloudSession, region: String) async throws -> Observation {
    do {
      switch kind {
      case .backup:
        let backup = try await session.backup(id: id, region: region)
        switch backup.status {
        case .completed: return .done(backup.status.wire)
        case .failed, .deleteFailed: return .failed(backup.status.wire)
        default: return .running(backup.status.wire, progress: nil)
        }
      case .snapshot:
        let snapshot = try await session.snapshot(id: id, region: region)
        switch snapshot.status {
        case .available where snapshot.progress.map({ $0 >= 100 }) ?? true:
          return .done(snapshot.status.wire)
        case .error, .errorDeleting: return .failed(snapshot.status.wire)
        default: return .running(snapshot.status.wire, progress: snapshot.progress)
        }
      }
    } catch let error as CloudError where error.kind == .notFound {
      return .gone
    }
  }

  private func report(_ observation: Observation, elapsed: Int) {
    guard StandardError.isTerminal, case .running(let status, let progress) = observation else {
      return
    }
    let percent = progress.map { String(format: " %.0f%%", $0) } ?? ""
    StandardError.write(
      "\r\u{1B}[K"
        + TerminalSafe.sanitize("\(kind.rawValue) \(id): \(status)\(percent)  \(elapsed)s"))
  }

  private func finish(_ line: String) {
    if StandardError.isTerminal { StandardError.write("\r\u{1B}[K") }
    StandardError.write(TerminalSafe.sanitize(line) + "\n")
  }
}
