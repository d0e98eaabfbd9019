import Foundation
import Testing

@testable import CloudClient

@Suite("Error bodies and retry rules")
struct ErrorAndRetryRuleTests {
  let mapping = ErrorMapping(secrets: { ["s3cr3t-token"] })

  func response(_ status: Int, _ body: String) -> WireResponse {
    WireResponse(status: status, headers: [:], body: Data(body.utf8))
  }

  @Test("a 422 becomes one human line with the server's message")
  func unprocessable() throws {
    let body = try Fixtures.data("real/trove-26/error-422.json")
    let error = mapping.error(
      for: WireResponse(status: 422, headers: [:], body: body), operation: "Creating backup",
      retryAfter: nil)
    #expect(error.kind == .rejected)
    #expect(error.status == 422)
    #expect(
      error.summary
        == "Creating backup failed: Instance 11111110-1111-1111-1111-111111111111 is not currently available for an action to be performed (instance status was BACKUP). (HTTP 422)"
    )
  }

  @Test("Trove's malformed-JSON shape loses its HTML")
  func troveShape() throws {
    let body = try Fixtures.data("real/trove-26/error-400-malformed-json.json")
    let error = mapping.error(
      for: WireResponse(status: 400, headers: [:], body: body), operation: "Creating backup",
      retryAfter: nil)
    #expect(error.serverMessage == "Malformed request body")
  }

  @Test("a body that is not JSON falls back to the status text")
  func htmlBody() {
    let error = mapping.error(
      for: response(503, "<html>down</html>"), operation: "Listing snapshots", retryAfter: nil)
    #expect(error.kind == .server)
    #expect(error.summary == "Listing snapshots failed: Service Unavailable (HTTP 503)")
  }

  @Test("a server message echoing the token is redacted")
  func redactsEcho() {
    let error = mapping.error(
      for: response(401, #"{"unauthorized":{"code":401,"message":"token s3cr3t-token expired"}}"#),
      operation: "Listing backups", retryAfter: nil)
    #expect(!error.summary.contains("s3cr3t-token"))
    #expect(!(error.serverMessage ?? "").contains("s3cr3t-token"))
    #expect(error.kind == .unauthorized)
  }

  @Test("Retry-After in seconds, as an HTTP date, in the body, or as retryAt")
  func retryAfter() throws {
    let now = Fixtures.utc(2015, 10, 21, 7, 27, 0)
    #expect(RetryPolicy.retryAfter(header: "7", body: nil, now: now) == 7)
    #expect(
      RetryPolicy.retryAfter(header: "Wed, 21 Oct 2015 07:28:00 GMT", body: nil, now: now) == 60)
    let body = try #require(
      ErrorBody(Fixtures.data("docs/jclouds-overLimit-real-retryAfter-JAVADOC.json")))
    #expect(RetryPolicy.retryAfter(header: nil, body: body, now: now) == 54)
    let at = try #require(
      ErrorBody(
        Data(#"{"overLimit":{"code":413,"message":"x","retryAt":"2015-10-21T07:27:30Z"}}"#.utf8)))
    #expect(RetryPolicy.retryAfter(header: nil, body: at, now: now) == 30)
    #expect(RetryPolicy.retryAfter(header: nil, body: nil, now: now) == nil)
  }

  @Test("a quota 413 is not a rate limit")
  func quota() {
    let body = ErrorBody(
      Data(#"{"overLimit":{"code":413,"message":"Quota exceeded for snapshots"}}"#.utf8))
    #expect(RetryPolicy.isQuota(retryAfter: 5, body: body))
    #expect(RetryPolicy.isQuota(retryAfter: 0, body: nil))
    #expect(!RetryPolicy.isQuota(retryAfter: 5, body: nil))
  }

  @Test("back-off grows, stays under the cap, and has jitter")
  func backoff() {
    let policy = RetryPolicy(maxRetries: 5, baseDelay: 0.1, maxDelay: 1, maxRetryAfter: 60)
    for attempt in 0..<8 {
      let delay = policy.backoff(attempt: attempt)
      let ceiling = min(1, 0.1 * pow(2, Double(attempt)))
      #expect(delay >= ceiling / 2 && delay <= ceiling)
    }
  }

  @Test("only GET is retried after a timeout or connection error")
  func retriableMethods() {
    #expect(WireRequest(method: .GET, url: "", operation: "").isRetriable)
    #expect(!WireRequest(method: .POST, url: "", operation: "").isRetriable)
    #expect(!WireRequest(method: .PUT, url: "", operation: "").isRetriable)
    #expect(!WireRequest(method: .DELETE, url: "", operation: "").isRetriable)
  }
}
