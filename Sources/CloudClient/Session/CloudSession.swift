import Foundation
import Logging
import NIOHTTP1

/// The real `CloudService`: one authenticated session against Rackspace or OpenStack over
/// one shared HTTP client.
///
/// Create one per cloud profile and call `shutdown()` when done.
public final class CloudSession: CloudService {
  /// What the session was created with.
  public let configuration: ClientConfiguration
  let transport: HTTPTransport
  let keeper: TokenKeeper
  let secrets: SecretBook
  let microversions = Microversions()

  /// Creates the session and its HTTP client; nothing is sent until the first call.
  public init(configuration: ClientConfiguration) {
    self.configuration = configuration
    let secrets = SecretBook(configuration.secrets)
    self.secrets = secrets
    transport = HTTPTransport(configuration: configuration, secrets: { secrets.all })
    keeper = TokenKeeper(configuration: configuration, transport: transport, secrets: secrets)
  }

  /// Closes the HTTP client. Call once, after the last request.
  public func shutdown() async throws {
    try await transport.shutdown()
  }

  /// The regions whose catalog offers Cloud Databases or Cloud Block Storage, sorted. With a
  /// fixed token (no catalog) these are `configuration.staticRegions`.
  public func regions() async throws -> [String] {
    let grant = try await keeper.current()
    let found = grant.catalog.regions(for: ServiceKind.allCases)
    return found.isEmpty ? configuration.staticRegions.sorted() : found
  }

  /// The region the identity service names as the user's default (Rackspace only).
  public func defaultRegion() async throws -> String? {
    try await keeper.current().defaultRegion
  }

  // MARK: - Plumbing shared by the resource files

  /// The endpoint for a service in a region: an override, else the catalog.
  func endpoint(_ kind: ServiceKind, region: String) async throws -> ServiceEndpoint {
    if let override = configuration.endpointOverrides[kind] {
      return ServiceEndpoint(url: override)
    }
    let grant = try await keeper.current()
    guard
      let found = grant.catalog.endpoint(
        for: kind, region: region, interface: configuration.interface,
        preferredType: configuration.preferredServiceTypes[kind])
    else {
      throw CloudError(
        kind: .noEndpoint,
        summary:
          "No \(kind.displayName) endpoint in region \(region) (\(configuration.interface.rawValue) interface)"
      )
    }
    return found
  }

  /// Sends an authenticated request to `url` (absolute, under the service endpoint);
  /// renews the token once on 401 and sends again.
  /// A `started` GET (`startGET`) is the first attempt of the same request.
  func send(
    _ method: HTTPMethod, _ url: String, service: ServiceEndpoint, kind: ServiceKind,
    body: Data? = nil, operation: String, started: StartedGET? = nil
  ) async throws -> WireResponse {
    var grant: IdentityWire.Grant
    do {
      grant = try await keeper.current()
    } catch {
      started?.cancel()
      throw error
    }
    let headers = await serviceHeaders(service, kind: kind, token: grant.token)
    var first = started?.exchange
    if let started, started.token != grant.token || started.url != url || method != .GET {
      started.exchange?.cancel()
      first = nil
    }
    var renewed = false
    while true {
      let request = WireRequest(
        method: method, url: url, headers: headers + [("X-Auth-Token", grant.token)], body: body,
        operation: operation)
      do {
        let exchange = first
        first = nil
        return try await transport.send(request, first: exchange)
      } catch let error as CloudError where error.kind == .unauthorized && !renewed {
        renewed = true
        grant = try await keeper.renew(replacing: grant.token)
      }
    }
  }

  /// The headers every request to `service` carries besides the token: the Cinder v3
  /// microversion, negotiated once.
  private func serviceHeaders(_ service: ServiceEndpoint, kind: ServiceKind, token: String) async
    -> [(String, String)]
  {
    guard kind == .blockStorage,
      let version = await microversions.header(
        for: service, wanted: configuration.maxVolumeMicroversion,
        fetch: { [self] root in await versionDocument(root, token: token) })
    else { return [] }
    return [("OpenStack-API-Version", "volume \(version)")]
  }

  /// A GET put on the wire now, with the headers `send` would use, for `send(started:)` to
  /// take as its first attempt (issue 17: the next list page travels while this one is
  /// decoded, without waiting for a task thread). Never throws: whatever goes wrong here is
  /// left to `send`, which meets it in order.
  func startGET(_ url: String, service: ServiceEndpoint, kind: ServiceKind, operation: String)
    async -> StartedGET
  {
    guard let grant = try? await keeper.current() else {
      return StartedGET(url: url, token: "", exchange: nil)
    }
    let headers = await serviceHeaders(service, kind: kind, token: grant.token)
    let request = WireRequest(
      method: .GET, url: url, headers: headers + [("X-Auth-Token", grant.token)],
      operation: operation)
    return StartedGET(url: url, token: grant.token, exchange: transport.start(request))
  }

  /// A GET `startGET` put on the wire.
  struct StartedGET: Sendable {
    var url: String
    var token: String
    var exchange: StartedExchange?

    func cancel() { exchange?.cancel() }
  }

  private func versionDocument(_ url: String, token: String) async -> Data? {
    let request = WireRequest(
      method: .GET, url: url, headers: [("X-Auth-Token", token)], operation: "Reading API versions")
    return try? await transport.send(request).body
  }

  /// Decodes a 2xx body; anything unreadable is `.malformedResponse`, never a crash.
  func decode<T: Decodable>(_ type: T.Type, _ response: WireResponse, operation: String) throws
    -> T
  {
    do {
      return try JSONDecoder().decode(T.self, from: WireText.repairingUTF8(response.body))
    } catch {
      throw transport.errors.malformed(response, operation: operation)
    }
  }

  /// Runs a list request and every following page on a producer task; the next page is
  /// requested before the current one is decoded.
  ///
  /// The work is bounded whatever the server sends: a next link back to a page already read
  /// (or to a marker already used) ends the list with an error, and so do more than
  /// `maxPages` pages or `maxItems` items. Items that cannot be read are skipped and counted
  /// in `ListReport.current`.
  func pageStream<Item: Sendable>(
    _ kind: ServiceKind, region: String, operation: String,
    firstURL: @escaping @Sendable (ServiceEndpoint) -> String,
    decode: @escaping @Sendable (Data) throws -> ListPage<Item>
  ) -> AsyncThrowingStream<[Item], any Error> {
    pageStream(
      kind, region: region, operation: operation, firstURL: firstURL,
      read: { body in
        let page = try decode(body)
        return PageRead(page, content: page.items)
      })
  }

  /// `pageStream` yielding what `read` makes of each page that has items (the items, or a
  /// sink they were written into), with the same paging, bounds and errors.
  func pageStream<Content: Sendable>(
    _ kind: ServiceKind, region: String, operation: String,
    firstURL: @escaping @Sendable (ServiceEndpoint) -> String,
    read: @escaping @Sendable (Data) throws -> PageRead<Content>
  ) -> AsyncThrowingStream<Content, any Error> {
    let report = ListReport.current
    let (maxPages, maxItems) = (max(1, configuration.maxPages), max(1, configuration.maxItems))
    return AsyncThrowingStream { continuation in
      let producer = Task {
        do {
          let service = try await endpoint(kind, region: region)
          var url: String? = firstURL(service)
          var pending: StartedGET?
          defer { pending?.cancel() }
          var seen = PagesSeen()
          var itemCount = 0
          while let current = url {
            seen.insert(current)
            let started = pending
            pending = nil
            let response = try await send(
              .GET, current, service: service, kind: kind, operation: operation, started: started)
            // The next page is asked for before this one is decoded when its link can be
            // read from the end of the body; the decoded link decides below. Not at a ceiling:
            // a list already at `maxItems` ends at this page, and no request goes past it.
            var early: String?
            if let guess = PageLinks.guessNext(in: response.body).map({
              PageLinks.follow($0, from: current)
            }), guess != current, !seen.contains(guess), seen.count < maxPages,
              itemCount < maxItems,
              guess.utf8.count <= PagesSeen.maxURLBytes
            {
              early = guess
              pending = await startGET(guess, service: service, kind: kind, operation: operation)
            }
            let page: PageRead<Content>
            do {
              page = try read(response.body)
            } catch {
              throw transport.errors.malformed(response, operation: operation)
            }
            report?.record(unreadable: page.unreadable, nullList: page.nullList)
            itemCount += page.count
            var next = page.next.map { PageLinks.follow($0, from: current) }
            if next == current { next = nil }  // a link to itself ends the list
            // An empty page ends the list (a full last page links to an empty one), unless
            // everything on it was unreadable.
            if page.count == 0 && page.unreadable == 0 { next = nil }
            if let link = next {
              if seen.contains(link) {
                throw CloudError(
                  kind: .malformedResponse,
                  summary:
                    "\(operation) failed: page \(seen.count) links back to a page already read; "
                    + "stopped")
              }
              if seen.count >= maxPages {
                throw CloudError(
                  kind: .malformedResponse,
                  summary: "\(operation) failed: the list goes on past \(maxPages) pages; stopped")
              }
              if link.utf8.count > PagesSeen.maxURLBytes {
                throw CloudError(
                  kind: .malformedResponse,
                  summary: "\(operation) failed: the next page's link is too long; stopped")
              }
            }
            if itemCount > maxItems {
              throw CloudError(
                kind: .malformedResponse,
                summary: "\(operation) failed: more than \(maxItems) items; stopped")
            }
            // The next page is requested now (if the guess was not it), so it travels while
            // this one is consumed.
            if next != early {
              pending?.cancel()
              pending = nil
              if let next {
                pending = await startGET(next, service: service, kind: kind, operation: operation)
              }
            }
            if page.count > 0 { continuation.yield(page.content) }
            url = next
          }
          continuation.finish()
        } catch {
          continuation.finish(
            throwing: transport.errors.error(
              for: error, request: WireRequest(method: .GET, url: "", operation: operation),
              cancelled: Task.isCancelled))
        }
      }
      continuation.onTermination = { _ in producer.cancel() }
    }
  }

  /// Every item of every page; throws `.cancelled` if the calling task is cancelled.
  func collect<Item: Sendable>(_ pages: AsyncThrowingStream<[Item], any Error>, operation: String)
    async throws -> [Item]
  {
    var all: [Item] = []
    do {
      for try await page in pages { all += page }
    } catch let error as CloudError {
      throw error
    }
    if Task.isCancelled { throw CloudError(kind: .cancelled, summary: "\(operation) cancelled") }
    return all
  }

  /// A path segment made safe for a URL.
  static func segment(_ text: String) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}

/// The pages a list has requested, by URL and by marker, so a next link that goes back
/// (alternating markers, a loop) is caught however its query is written.
/// Only hashes are kept: a marker that grows with every page must not make this grow with
/// the square of the page count.
struct PagesSeen {
  /// A next link longer than this is refused (real ones are under 300 bytes).
  static let maxURLBytes = 8 * 1024

  private var urls: Set<Int> = []
  private var markers: Set<Int> = []
  private(set) var count = 0

  mutating func insert(_ url: String) {
    count += 1
    urls.insert(url.hashValue)
    if let marker = Self.marker(in: url) { markers.insert(marker.hashValue) }
  }

  func contains(_ url: String) -> Bool {
    if urls.contains(url.hashValue) { return true }
    return Self.marker(in: url).map { markers.contains($0.hashValue) } ?? false
  }

  static func marker(in url: String) -> String? {
    guard let query = URLParts(url)?.query else { return nil }
    for item in query.split(separator: "&") where item.hasPrefix("marker=") {
      return String(item.dropFirst("marker=".count))
    }
    return nil
  }
}
