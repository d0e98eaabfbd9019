import Foundation
import NIOHTTP1

/// Holds the token in memory, renews it before it expires, and renews it once when a
/// request is refused with 401. Concurrent callers share one sign-in.
actor TokenKeeper {
  private let configuration: ClientConfiguration
  private let transport: HTTPTransport
  private var grant: IdentityWire.Grant?
  /// When `grant` arrived, by our clock: its lifetime is measured from here.
  private var issued = Date()
  private var signingIn: Task<IdentityWire.Grant, any Error>?

  private let secrets: SecretBook

  init(configuration: ClientConfiguration, transport: HTTPTransport, secrets: SecretBook) {
    self.secrets = secrets
    self.configuration = configuration
    self.transport = transport
    if case .token(let token) = configuration.auth {
      grant = .init(token: token, expires: nil, catalog: .init(entries: []), defaultRegion: nil)
    }
  }

  /// The token currently in use, if any (for `Redactor`).
  var currentToken: String? { grant?.token }

  /// A token that is good for at least the renewal margin.
  func current() async throws -> IdentityWire.Grant {
    if let grant, !expiresSoon(grant) { return grant }
    return try await signIn()
  }

  /// Called after a 401: signs in again unless another caller already replaced `token`.
  func renew(replacing token: String) async throws -> IdentityWire.Grant {
    if case .token = configuration.auth {
      throw CloudError(
        kind: .unauthorized, status: 401,
        summary: "The fixed token was refused (HTTP 401); supply a fresh one")
    }
    if let grant, grant.token != token { return grant }
    grant = nil
    return try await signIn()
  }

  private func expiresSoon(_ grant: IdentityWire.Grant) -> Bool {
    guard let expires = grant.expires else { return false }
    return Date()
      >= Self.renewalTime(
        issued: issued, expires: expires, margin: configuration.tokenRenewalMargin)
  }

  /// A token is used for at least this long, whatever its expiry says: a token that lives
  /// 2 s (or whose server clock is behind ours) must not mean a sign-in before every request.
  static let minimumUse: TimeInterval = 5

  /// When to renew a token: `margin` before it expires, but never later than 80% of its life
  /// has passed (a 20 s token is renewed after 16 s, not before every request as a fixed
  /// 120 s margin did), and never sooner than `minimumUse` after it was issued (a 401
  /// renews it if it really has expired by then).
  static func renewalTime(issued: Date, expires: Date, margin: TimeInterval) -> Date {
    let life = max(0, expires.timeIntervalSince(issued))
    let early = min(margin, life * 0.2)
    return max(issued.addingTimeInterval(minimumUse), expires.addingTimeInterval(-early))
  }

  private func signIn() async throws -> IdentityWire.Grant {
    if let signingIn { return try await signingIn.value }
    let task = Task { [configuration, transport] in
      try await Self.authenticate(configuration, transport)
    }
    signingIn = task
    defer { signingIn = nil }
    let fresh = try await task.value
    secrets.add(fresh.token)
    grant = fresh
    issued = Date()
    return fresh
  }

  private static func authenticate(_ configuration: ClientConfiguration, _ transport: HTTPTransport)
    async throws -> IdentityWire.Grant
  {
    guard let identityURL = configuration.identityURL else {
      throw CloudError(
        kind: .unauthorized, summary: "Signing in failed: no identity URL is configured")
    }
    let request = WireRequest(
      method: .POST,
      url: IdentityWire.tokensURL(identityURL: identityURL, auth: configuration.auth),
      body: try IdentityWire.requestBody(configuration.auth), operation: "Signing in",
      idempotent: true)
    let response: WireResponse
    do {
      response = try await transport.send(request)
    } catch var error as CloudError where error.kind == .notFound {
      // Keystone answers an unknown application credential with 404, not 401
      // (keystone/error-404-unknown-application-credential.json): it is still a sign-in the
      // cloud refused, so it is reported (and exits) as one.
      error.kind = .unauthorized
      throw error
    }
    do {
      switch configuration.auth {
      case .keystonePassword, .applicationCredential, .keystoneToken:
        guard let token = response.header("X-Subject-Token") else {
          throw CloudError(
            kind: .malformedResponse, status: response.status,
            summary: "Signing in failed: keystone sent no X-Subject-Token header")
        }
        return try IdentityWire.decodeV3(response.body, subjectToken: token)
      default:
        return try IdentityWire.decodeV2(response.body)
      }
    } catch let error as CloudError {
      throw error
    } catch {
      throw transport.errors.malformed(response, operation: "Signing in")
    }
  }
}
