import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A deliberately malicious (or broken) cloud on loopback, for tests: plain blocking sockets,
/// one thread per connection, so a reply can drip a byte at a time, never end, or carry
/// whatever bytes a test wants. Every request is recorded.
///
/// Not a general HTTP server: it reads a request head (and a `Content-Length` body), hands
/// it to the handler, and closes the connection when the handler returns.
public final class HostileServer: @unchecked Sendable {
  /// One request as received.
  public struct Request: Sendable {
    public var method: String
    /// Path and query, as sent: `/v3/p/snapshots/detail?limit=1000`.
    public var target: String
    public var headers: [String: String]
    public var body: Data

    public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
    public var query: [String: String] {
      guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
      var result: [String: String] = [:]
      for item in q.split(separator: "&") {
        let parts = item.split(separator: "=", maxSplits: 1)
        result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
      }
      return result
    }
  }

  /// The client's connection, for the handler to answer on.
  public final class Connection: @unchecked Sendable {
    let socket: Int32
    /// The server answering, for tricks that depend on what came before.
    public let server: HostileServer

    init(socket: Int32, server: HostileServer) {
      self.socket = socket
      self.server = server
    }

    /// False once the client has gone (or the server is stopping).
    @discardableResult
    public func write(_ data: Data) -> Bool {
      guard !server.isStopped else { return false }
      return data.withUnsafeBytes { raw -> Bool in
        var offset = 0
        while offset < raw.count {
          let sent = send(
            socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
          if sent <= 0 { return false }
          offset += sent
        }
        return true
      }
    }

    @discardableResult
    public func write(_ text: String) -> Bool { write(Data(text.utf8)) }

    /// A whole response with `Content-Length`.
    public func respond(
      _ status: Int, _ body: Data, headers: [(String, String)] = [],
      contentType: String = "application/json"
    ) {
      write(
        Self.head(
          status, headers: headers + [("Content-Length", "\(body.count)")], contentType: contentType
        ))
      write(body)
    }

    public func respond(_ status: Int, json: String, headers: [(String, String)] = []) {
      respond(status, Data(json.utf8), headers: headers)
    }

    /// A status line and headers; the body is the caller's to write.
    public static func head(
      _ status: Int, headers: [(String, String)], contentType: String = "application/json"
    ) -> String {
      var text = "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Trouble")\r\n"
      text += "Content-Type: \(contentType)\r\nConnection: close\r\n"
      for (name, value) in headers { text += "\(name): \(value)\r\n" }
      return text + "\r\n"
    }

    /// Waits between drips without holding up `stop()` for long.
    public func pause(_ seconds: Double) {
      let end = Date().addingTimeInterval(seconds)
      while !server.isStopped, Date() < end { usleep(20_000) }
    }
  }

  public typealias Handler = @Sendable (Request, Connection) -> Void

  public let port: Int
  public var baseURL: String { "http://127.0.0.1:\(port)" }

  private let listener: Int32
  private let handler: Handler
  private let lock = NSLock()
  private var stopped = false
  private var recorded: [Request] = []

  /// Starts listening on a free loopback port.
  public init(handler: @escaping Handler) throws {
    self.handler = handler
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(fd, $0, &length)
      }
    }
    port = Int(UInt16(bigEndian: actual.sin_port))
    listener = fd
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  var isStopped: Bool { lock.withLock { stopped } }

  /// Every request received so far.
  public var requests: [Request] { lock.withLock { recorded } }

  /// Requests whose path ends with `suffix`.
  public func requests(endingWith suffix: String) -> [Request] {
    requests.filter { $0.path.hasSuffix(suffix) }
  }

  /// Stops accepting and makes every drip and endless body end.
  public func stop() {
    lock.withLock { stopped = true }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func acceptLoop() {
    while !isStopped {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        return
      }
      Thread { [self] in serve(client) }.start()
    }
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    guard let request = readRequest(client) else { return }
    lock.withLock { recorded.append(request) }
    handler(request, Connection(socket: client, server: self))
    shutdown(client, Int32(SHUT_WR))
  }

  private func readRequest(_ client: Int32) -> Request? {
    var buffer = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    var headEnd: Int?
    while headEnd == nil {
      let count = recv(client, &chunk, chunk.count, 0)
      guard count > 0 else { return nil }
      buffer += chunk[0..<count]
      if buffer.count > 1 << 20 { return nil }
      if buffer.count >= 4 {
        for i in 0...(buffer.count - 4) where Array(buffer[i..<i + 4]) == separator {
          headEnd = i
          break
        }
      }
    }
    let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    var body = Array(buffer[(headEnd! + 4)...])
    let length = Int(headers["content-length"] ?? "0") ?? 0
    while body.count < length {
      let count = recv(client, &chunk, chunk.count, 0)
      guard count > 0 else { break }
      body += chunk[0..<count]
    }
    return Request(
      method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
      body: Data(body))
  }
}
