import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A GET already on the wire, its body read in full on the event loop (issue 17).
///
/// `list` asks for the next page as soon as the current one is in. Sent through the async
/// API, that request waited for a free task thread, and so did each 64 kB of the reply: on
/// two busy cores that was 2-3 ms between pages that curl does not spend. Started here, the
/// request is written at once and the reply needs one hop when it is awaited. It is only
/// ever a first attempt: `HTTPTransport.send(_:first:)` treats its outcome exactly as one
/// of its own attempts (status, retries, errors, the request deadline and size limit).
final class StartedExchange: Sendable {
  let task: HTTPClient.Task<WireResponse>
  let start: ContinuousClock.Instant

  init(task: HTTPClient.Task<WireResponse>, start: ContinuousClock.Instant) {
    self.task = task
    self.start = start
  }

  /// Abandons the request (the reply is not wanted).
  func cancel() { task.cancel() }
}

extension HTTPTransport {
  /// Starts `request` (without a body) now; nil when it cannot be built here, and the caller
  /// sends it the usual way.
  func start(_ request: WireRequest) -> StartedExchange? {
    guard request.body == nil else { return nil }
    var headers = HTTPHeaders()
    headers.add(name: "User-Agent", value: userAgent)
    headers.add(name: "Accept", value: "application/json")
    for (name, value) in request.headers { headers.add(name: name, value: value) }
    guard
      let http = try? HTTPClient.Request(url: request.url, method: request.method, headers: headers)
    else { return nil }
    let start = ContinuousClock.now
    let task = client.execute(
      request: http, delegate: BodyCollector(limit: maxBodyBytes),
      deadline: .now() + .nanoseconds(deadlineNanoseconds))
    return StartedExchange(task: task, start: start)
  }

  /// The reply of a started exchange, as `sendOnce` would have returned it (or thrown).
  func finish(_ exchange: StartedExchange, _ request: WireRequest) async throws -> WireResponse {
    do {
      let response = try await withTaskCancellationHandler {
        try await exchange.task.futureResult.get()
      } onCancel: {
        exchange.cancel()
      }
      try Task.checkCancellation()
      logLine(request, status: "\(response.status)", since: exchange.start)
      return response
    } catch let error as HTTPClientError where error == .deadlineExceeded {
      logLine(request, status: "failed", since: exchange.start)
      throw ReplyTookTooLong(limit: deadline)
    } catch {
      logLine(request, status: "failed", since: exchange.start)
      throw error
    }
  }
}

/// Reads a reply into one `Data` sized from `Content-Length` (as `sendOnce` does), refusing
/// more than `limit` bytes with `ReplyTooLarge`. AsyncHTTPClient calls a delegate on the
/// task's event loop, one call at a time, so its state needs no lock.
private final class BodyCollector: HTTPClientResponseDelegate, @unchecked Sendable {
  typealias Response = WireResponse

  private let limit: Int
  private var head: HTTPResponseHead?
  private var body = Data()

  init(limit: Int) { self.limit = limit }

  func didReceiveHead(task: HTTPClient.Task<WireResponse>, _ head: HTTPResponseHead)
    -> EventLoopFuture<Void>
  {
    self.head = head
    if let length = head.headers.first(name: "Content-Length").flatMap(Int.init) {
      if length > limit { return task.eventLoop.makeFailedFuture(ReplyTooLarge(limit: limit)) }
      body.reserveCapacity(length)
    }
    return task.eventLoop.makeSucceededVoidFuture()
  }

  func didReceiveBodyPart(task: HTTPClient.Task<WireResponse>, _ buffer: ByteBuffer)
    -> EventLoopFuture<Void>
  {
    guard body.count + buffer.readableBytes <= limit else {
      return task.eventLoop.makeFailedFuture(ReplyTooLarge(limit: limit))
    }
    body.append(contentsOf: buffer.readableBytesView)
    return task.eventLoop.makeSucceededVoidFuture()
  }

  func didFinishRequest(task: HTTPClient.Task<WireResponse>) throws -> WireResponse {
    guard let head else { throw HTTPClientError.remoteConnectionClosed }
    return WireResponse(status: Int(head.status.code), headers: head.headers, body: body)
  }
}
