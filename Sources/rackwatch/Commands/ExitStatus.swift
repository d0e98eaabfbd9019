import ArgumentParser
import CloudClient

/// The documented exit codes of the scriptable commands.
enum ExitStatus {
  static let ok: Int32 = 0
  static let jobFailed: Int32 = 1
  static let usage: Int32 = 2
  static let auth: Int32 = 3
  static let notFound: Int32 = 4
  static let timeoutOrNetwork: Int32 = 5

  static func code(for error: CloudError) -> Int32 {
    switch error.kind {
    case .unauthorized, .forbidden: auth
    case .notFound: notFound
    // Refused before sending (a bad name) or no such service: the operator's to fix.
    case .invalidRequest, .noEndpoint: usage
    // Whatever the server answered (a 400 or 409 to a list or get, a redirect, a reply
    // that cannot be read) is server trouble: the command line was fine.
    case .rejected, .timeout, .network, .server, .rateLimited, .malformedResponse, .cancelled:
      timeoutOrNetwork
    }
  }
}

/// Prints one or two lines saying what failed and what to do, then exits with its code.
/// No stack traces.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var hint: String?
  var code: Int32

  var description: String { message }

  static func from(_ error: CloudError, doing what: String) -> CommandFailure {
    let hint: String? =
      switch error.kind {
      case .unauthorized:
        "Check the user name and API key or password ('rackwatch profiles' shows what is used)."
      case .network, .timeout:
        "Check the identity URL and your network; --debug logs every request."
      case .noEndpoint:
        "The catalog has no such service in this region; try --region or --endpoint."
      case .rateLimited: "The cloud is rate limiting; try again in a minute."
      default: nil
      }
    return CommandFailure(
      message: message(error.summary, doing: what), hint: hint, code: ExitStatus.code(for: error))
  }

  /// The error line, its prefix said once: the client's summaries already read
  /// "Listing backups failed: …", so they are not wrapped in another "… failed:".
  static func message(_ summary: String, doing what: String) -> String {
    summary.contains(" failed: ") ? summary : "\(what) failed: \(summary)"
  }

  static func from(_ error: ConfigError) -> CommandFailure {
    CommandFailure(message: "configuration: \(error)", hint: nil, code: ExitStatus.usage)
  }

  /// Any error from configuration or setup, as a failure to print.
  static func from(_ error: any Error) -> CommandFailure {
    switch error {
    case let failure as CommandFailure: failure
    case let config as ConfigError: from(config)
    case let cloud as CloudError: from(cloud, doing: "The request")
    default: CommandFailure(message: "\(error)", code: ExitStatus.usage)
    }
  }

  /// Writes the message to stderr and throws the matching exit code.
  /// Every character of the message is made inert first: it may quote the server.
  func exit() -> ExitCode {
    var text = "rackwatch: \(TerminalSafe.sanitize(message))\n"
    if let hint { text += "  \(TerminalSafe.sanitize(hint))\n" }
    StandardError.write(text)
    return ExitCode(code)
  }
}
