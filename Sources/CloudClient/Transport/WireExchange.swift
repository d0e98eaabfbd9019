import Foundation
import NIOHTTP1

/// One HTTP request as the session builds it.
struct WireRequest: Sendable {
  var method: HTTPMethod
  var url: String
  var headers: [(String, String)] = []
  var body: Data?
  /// What the operator asked for, for error summaries: "Creating backup".
  var operation: String
  /// Safe to send twice even after a timeout (a sign-in: a second token does no harm).
  var idempotent = false

  /// GET is retried on 5xx and connection errors; nothing else is (a POST that timed out
  /// may have been applied).
  var isRetriable: Bool { method == .GET || method == .HEAD || idempotent }
}

/// One HTTP response with its body read in full.
struct WireResponse: Sendable {
  var status: Int
  var headers: HTTPHeaders
  var body: Data

  func header(_ name: String) -> String? { headers.first(name: name) }
}
