/// The one error type the client throws.
///
/// It never carries a token, API key or password: the description is built only from the
/// method, the path (with the tenant kept, it is not a secret), the status and the server's
/// own message.
public struct CloudError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// Credentials refused (401 after one renewal) or identity unreachable for auth.
    case unauthorized
    case forbidden
    case notFound
    /// 400/409/422: the server rejected what was sent.
    case rejected
    /// 413/429: rate limited (or over quota when `retryAfter` is nil).
    case rateLimited
    /// 5xx.
    case server
    /// The body could not be decoded.
    case malformedResponse
    /// Connection refused, reset, DNS, TLS.
    case network
    case timeout
    case cancelled
    /// No endpoint for this service/region in the catalog.
    case noEndpoint
    /// Rejected client-side before sending (e.g. a name of 64 characters or more).
    case invalidRequest
  }

  public var kind: Kind
  /// HTTP status when there was a response.
  public var status: Int?
  /// The server's own message from a `{"kind":{"message","code"}}` body.
  public var serverMessage: String?
  /// Seconds to wait before trying again, from `Retry-After` / `retryAfter` / `retryAt`.
  public var retryAfter: Double?
  /// One line for a human: what failed and, when it helps, what to do.
  public var summary: String

  public init(
    kind: Kind, status: Int? = nil, serverMessage: String? = nil, retryAfter: Double? = nil,
    summary: String
  ) {
    self.kind = kind
    self.status = status
    self.serverMessage = serverMessage
    self.retryAfter = retryAfter
    self.summary = summary
  }

  public var description: String { summary }
}
