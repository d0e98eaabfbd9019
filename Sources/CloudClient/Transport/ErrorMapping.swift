import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Builds `CloudError`s with one-line summaries, secrets removed.
struct ErrorMapping: Sendable {
  var secrets: @Sendable () -> [String]

  /// An error for a non-2xx response.
  func error(for response: WireResponse, operation: String, retryAfter: Double?) -> CloudError {
    let body = ErrorBody(response.body)
    let status = response.status
    let kind: CloudError.Kind =
      switch status {
      case 401: .unauthorized
      case 403: .forbidden
      case 404: .notFound
      case 413, 429: .rateLimited
      // A redirect is not followed (it could carry the token to another host): the server
      // did not answer the request, which is server trouble, not the operator's mistake.
      case 300..<400, 500...: .server
      default: .rejected
      }
    let message = body?.message.map { redact($0) }
    var reason = message ?? HTTPResponseStatus(statusCode: status).reasonPhrase
    if reason.isEmpty { reason = "unexpected reply" }
    if (300..<400).contains(status) { reason = "the server redirected the request (not followed)" }
    var summary = "\(operation) failed: \(reason) (HTTP \(status))"
    if kind == .rateLimited, let retryAfter, retryAfter > 0 {
      summary += "; try again in \(Int(retryAfter.rounded(.up))) s"
    }
    return CloudError(
      kind: kind, status: status, serverMessage: message, retryAfter: retryAfter,
      summary: redact(summary))
  }

  /// An error for a failure before a complete response arrived.
  func error(for error: any Error, request: WireRequest, cancelled: Bool) -> CloudError {
    if let cloud = error as? CloudError { return cloud }
    var mapped = classify(error, request: request, cancelled: cancelled)
    mapped.summary = redact(mapped.summary)
    return mapped
  }

  private func classify(_ error: any Error, request: WireRequest, cancelled: Bool) -> CloudError {
    let host = URLParts(request.url)?.origin ?? "the server"
    if cancelled || error is CancellationError {
      return CloudError(kind: .cancelled, summary: "\(request.operation) cancelled")
    }
    if let slow = error as? ReplyTookTooLong {
      let seconds =
        Double(slow.limit.components.seconds)
        + Double(slow.limit.components.attoseconds) / 1e18
      return CloudError(
        kind: .timeout,
        summary:
          "\(request.operation) failed: \(host) did not send its whole reply within "
          + "\(Self.seconds(seconds))")
    }
    if let large = error as? ReplyTooLarge {
      return CloudError(
        kind: .malformedResponse,
        summary:
          "\(request.operation) failed: reply too large (over \(large.limit / (1024 * 1024)) MB)"
      )
    }
    if let http = error as? HTTPClientError {
      switch http {
      case .cancelled:
        return CloudError(kind: .cancelled, summary: "\(request.operation) cancelled")
      case .readTimeout, .deadlineExceeded, .writeTimeout:
        return CloudError(
          kind: .timeout, summary: "\(request.operation) failed: \(host) did not answer in time")
      case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
        return CloudError(
          kind: .timeout,
          summary: "\(request.operation) failed: could not connect to \(host) in time")
      default:
        break
      }
    }
    let detail = TerminalSafe.sanitize(String(redact(String(describing: error)).prefix(160)))
    return CloudError(
      kind: .network, summary: "\(request.operation) failed: cannot reach \(host) (\(detail))")
  }

  /// An error for a 2xx body that does not decode.
  func malformed(_ response: WireResponse, operation: String) -> CloudError {
    var error = CloudError(
      kind: .malformedResponse, status: response.status,
      summary:
        "\(operation) failed: the server's reply could not be read (HTTP \(response.status), "
        + "\(response.body.count) bytes)")
    error.summary = redact(error.summary)
    return error
  }

  func redact(_ text: String) -> String { Redactor.redact(text, secrets: secrets()) }

  /// `2 s`, `0.5 s`.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
