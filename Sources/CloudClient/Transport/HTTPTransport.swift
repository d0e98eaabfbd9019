import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// Sends requests over the session's one `HTTPClient`: timeouts, retries with back-off,
/// `Retry-After`, request lines at debug level, error mapping.
final class HTTPTransport: Sendable {
  let client: HTTPClient
  let policy: RetryPolicy
  let logger: Logger
  let userAgent: String
  let errors: ErrorMapping
  /// Back-off waits on this (`ClientConfiguration.clock`).
  private let clock: any Clock<Duration>
  /// Headers and body of one attempt must arrive within this (`requestDeadline`).
  let deadline: Duration
  let deadlineNanoseconds: Int64
  /// The biggest body accepted (a 1,000-item page is well under 2 MB).
  let maxBodyBytes: Int

  init(configuration: ClientConfiguration, secrets: @escaping @Sendable () -> [String]) {
    var http = HTTPClient.Configuration(
      certificateVerification: configuration.insecure ? .none : .fullVerification,
      redirectConfiguration: .disallow,
      timeout: .init(
        connect: .milliseconds(Int64(configuration.connectTimeout * 1000)),
        read: .milliseconds(Int64(configuration.readTimeout * 1000))),
      maximumAllowedIdleTimeInConnectionPool: .seconds(60))
    http.httpVersion = .automatic
    if let caFile = configuration.caCertificateFile, !configuration.insecure {
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.trustRoots = .file(caFile)
      http.tlsConfiguration = tls
    }
    // A refused connection fails at once and our RetryPolicy backs off and retries; with
    // AHC's own retry on, a closed port looked like a 10 s connect timeout per attempt, so an
    // unreachable cloud took ~40 s to report.
    http.connectionPool.retryConnectionEstablishment = false
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    policy = RetryPolicy(
      maxRetries: max(0, configuration.maxRetries), baseDelay: configuration.retryBaseDelay,
      maxDelay: configuration.retryMaxDelay, maxRetryAfter: configuration.maxRetryAfter,
      jitter: Jitter(seed: configuration.jitterSeed))
    clock = configuration.clock
    logger = configuration.logger
    userAgent = configuration.userAgent
    errors = ErrorMapping(secrets: secrets)
    deadlineNanoseconds = Int64(max(0.001, configuration.requestDeadline) * 1e9)
    deadline = .nanoseconds(deadlineNanoseconds)
    maxBodyBytes = max(1, configuration.maxReplyBytes)
  }

  func shutdown() async throws {
    try await client.shutdown()
  }

  /// Sends the request, retrying as the policy allows; returns the 2xx response or throws a
  /// `CloudError` (401 included, the session renews the token). A `first` exchange already
  /// started for this request is its first attempt.
  func send(_ request: WireRequest, first: StartedExchange? = nil) async throws -> WireResponse {
    var attempt = 0
    var started = first
    while true {
      let response: WireResponse
      do {
        if let exchange = started {
          started = nil
          response = try await finish(exchange, request)
        } else {
          response = try await sendOnce(request)
        }
      } catch {
        let mapped = errors.error(for: error, request: request, cancelled: Task.isCancelled)
        if mapped.kind == .cancelled { throw mapped }
        // A reply that outlasted the whole deadline is not asked for again: a server that
        // drips its body would drip it again.
        if request.isRetriable, attempt < policy.maxRetries, !(error is ReplyTookTooLong),
          mapped.kind == .network || mapped.kind == .timeout
        {
          try await pause(policy.backoff(attempt: attempt), request)
          attempt += 1
          continue
        }
        throw mapped
      }
      if (200..<300).contains(response.status) { return response }

      let body = ErrorBody(response.body)
      let retryAfter =
        RetryPolicy.retryAfter(header: response.header("Retry-After"), body: body)
      let failure = errors.error(
        for: response, operation: request.operation, retryAfter: retryAfter)
      guard attempt < policy.maxRetries else { throw failure }

      if response.status == 413 || response.status == 429 {
        // The server refused before acting, so any method may try again.
        if RetryPolicy.isQuota(retryAfter: retryAfter, body: body) { throw failure }
        if let retryAfter {
          guard retryAfter <= policy.maxRetryAfter else { throw failure }
          try await pause(retryAfter, request)
        } else if request.isRetriable {
          try await pause(policy.backoff(attempt: attempt), request)
        } else {
          throw failure
        }
        attempt += 1
        continue
      }
      if response.status >= 500, request.isRetriable {
        try await pause(
          retryAfter.map { min($0, policy.maxRetryAfter) } ?? policy.backoff(attempt: attempt),
          request)
        attempt += 1
        continue
      }
      throw failure
    }
  }

  private func pause(_ seconds: Double, _ request: WireRequest) async throws {
    do {
      try await clock.sleep(for: .seconds(max(0, seconds)))
    } catch {
      throw CloudError(kind: .cancelled, summary: "\(request.operation) cancelled")
    }
  }

  private func sendOnce(_ request: WireRequest) async throws -> WireResponse {
    var http = HTTPClientRequest(url: request.url)
    http.method = request.method
    http.headers.add(name: "User-Agent", value: userAgent)
    http.headers.add(name: "Accept", value: "application/json")
    for (name, value) in request.headers { http.headers.add(name: name, value: value) }
    if let body = request.body {
      http.headers.add(name: "Content-Type", value: "application/json")
      http.body = .bytes(ByteBuffer(bytes: body))
    }
    let start = ContinuousClock.now
    do {
      let headerTimeout = TimeAmount.nanoseconds(deadlineNanoseconds)
      let outgoing = http
      let response = try await withDeadline { [client, maxBodyBytes] in
        let response = try await client.execute(outgoing, timeout: headerTimeout)
        let length = response.headers.first(name: "Content-Length").flatMap(Int.init)
        if let length, length > maxBodyBytes { throw ReplyTooLarge(limit: maxBodyBytes) }
        // Read straight into the Data the decoders take (one copy of a big body in memory,
        // not a buffer and then a Data), sized up front when the length is known.
        var body = Data()
        if let length { body.reserveCapacity(length) }
        for try await chunk in response.body {
          guard body.count + chunk.readableBytes <= maxBodyBytes else {
            throw ReplyTooLarge(limit: maxBodyBytes)
          }
          body.append(contentsOf: chunk.readableBytesView)
        }
        // A cancelled read ends the body early: that is not the whole reply.
        try Task.checkCancellation()
        return WireResponse(
          status: Int(response.status.code), headers: response.headers, body: body)
      }
      logLine(request, status: "\(response.status)", since: start)
      return response
    } catch {
      logLine(request, status: "failed", since: start)
      throw error
    }
  }

  /// Runs one exchange, headers and body, against the request deadline: a body that drips
  /// a byte every few seconds never trips a read timeout, so the whole attempt is raced
  /// against a timer and cancelled when the timer wins.
  private func withDeadline(_ exchange: @escaping @Sendable () async throws -> WireResponse)
    async throws -> WireResponse
  {
    let deadline = self.deadline
    return try await withThrowingTaskGroup(of: WireResponse?.self) { group in
      group.addTask { try await exchange() }
      group.addTask {
        try await Task.sleep(for: deadline)
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let response = first else {
        throw ReplyTookTooLong(limit: deadline)
      }
      return response
    }
  }

  /// `GET /v3/PROJECT/snapshots/detail?limit=1000 200 12ms`: no headers, no body.
  func logLine(_ request: WireRequest, status: String, since start: ContinuousClock.Instant) {
    guard logger.logLevel <= .debug else { return }
    let elapsed = ContinuousClock.now - start
    let ms =
      Double(elapsed.components.seconds) * 1000
      + Double(elapsed.components.attoseconds) / 1e15
    var target = "?"
    if let parts = URLParts(request.url) {
      target = parts.path + (parts.query.map { "?" + $0 } ?? "")
    }
    let line = errors.redact("\(request.method.rawValue) \(target) \(status) \(Int(ms))ms")
    logger.debug("\(line)")
  }
}

/// An attempt whose headers and body did not all arrive within the request deadline.
struct ReplyTookTooLong: Error {
  var limit: Duration
}

/// A reply over `ClientConfiguration.maxReplyBytes`: never read further, never retried.
struct ReplyTooLarge: Error {
  var limit: Int
}

extension Data {
  /// The body as text for error summaries: UTF-8, lossy.
  var lossyText: String { String(decoding: self, as: UTF8.self) }
}
