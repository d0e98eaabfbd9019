import Foundation

/// The tricks a hostile cloud plays (issue 13), each served under the Cinder v3 and Trove
/// v1.0 paths a noauth session uses: `<base>/v3/hostile/...` and `<base>/v1.0/hostile/...`.
public enum HostileTrick: Sendable {
  /// Every request answers 400 with escape sequences, OSC 52 and C1 controls in the message.
  case hostileErrorText
  /// Every request answers 302 to another host.
  case redirect
  /// The list's headers arrive, then one body byte every `interval` seconds (for at most
  /// `bytes` bytes, so a client that never gives up fails its test instead of hanging it).
  case drip(interval: Double, bytes: Int)
  /// A chunked body that never ends (until the client leaves).
  case endlessBody
  /// Next links alternate between two markers (gives up after 200 pages).
  case alternatingMarkers
  /// Every page's marker is one character longer (gives up after 200 pages).
  case growingMarker
  /// One snapshot whose name is `bytes` long, streamed.
  case bigName(bytes: Int)
  /// Three snapshots and three backups, the middle one of each without an `id`.
  case missingID
  /// Three snapshots, the middle one a number: the fast reader gives up on the page.
  case itemNotAnObject
  /// `"snapshots": null` and `"backups": null`.
  case nullList
  /// Sizes `1e308`, `"huge"`, `-5`; progress `"150%"`, `"-3%"`.
  case badNumbers
  /// A name with an invalid UTF-8 byte in the middle.
  case invalidUTF8
  /// Names, descriptions and metadata carrying the hostile corpus.
  case hostileNames
  /// A snapshot that stays `creating` forever, for `wait`.
  case stuckSnapshot
  /// The snapshot list answers 503 this many times, then one snapshot.
  case unavailable(times: Int)
}

extension HostileServer {
  /// The project ID in every path.
  public static let project = "hostile"

  /// Strings a terminal would act on: title change, clear screen, clipboard write (OSC 52),
  /// C1 CSI and OSC, a DCS, bidi override, NUL, DEL, CR.
  public static let corpus: [String] = [
    "title\u{1B}]0;pwned\u{07}", "clear\u{1B}[2J\u{1B}[H", "clip\u{1B}]52;c;ZXZpbA==\u{07}",
    "c1csi\u{9B}31m", "c1osc\u{9D}0;t\u{9C}", "dcs\u{1B}P+q\u{1B}\\", "doc\u{202E}fdp.exe",
    "nul\u{0}del\u{7F}", "cr\roverwrite",
  ]

  public var volumeURL: String { "\(baseURL)/v3/\(Self.project)" }
  public var databaseURL: String { "\(baseURL)/v1.0/\(Self.project)" }

  /// A server playing `trick`.
  public static func playing(_ trick: HostileTrick) throws -> HostileServer {
    try HostileServer { request, connection in
      HostileServer.answer(trick, request, connection)
    }
  }

  static func json(_ value: Any) -> Data {
    (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
  }

  static func snapshot(_ id: String, name: String = "snap", size: Any = 1, progress: Any = "100%")
    -> [String: Any]
  {
    [
      "id": id, "name": name, "status": "available", "size": size, "volume_id": "vol-1",
      "created_at": "2026-11-23T10:00:00.000000", "metadata": [:] as [String: String],
      "os-extended-snapshot-attributes:progress": progress,
    ]
  }

  static func backup(_ id: String, name: String = "backup") -> [String: Any] {
    [
      "id": id, "name": name, "status": "COMPLETED", "size": 0.2, "instance_id": "inst-1",
      "created": "2026-11-23T10:00:00", "updated": "2026-11-23T10:05:00",
    ]
  }

  static func answer(_ trick: HostileTrick, _ request: Request, _ connection: Connection) {
    let path = request.path
    let isSnapshots = path.hasSuffix("/snapshots/detail")
    let isBackups = path.hasSuffix("/backups")
    switch trick {
    case .hostileErrorText:
      let message = corpus.joined(separator: " ")
      connection.respond(400, json(["badRequest": ["code": 400, "message": message]]))
    case .redirect:
      connection.respond(
        302, Data(), headers: [("Location", "http://203.0.113.9/steal")])
    case .drip(let interval, let bytes):
      connection.write(
        Connection.head(200, headers: [("Content-Length", "\(bytes)")]))
      for _ in 0..<bytes {
        guard connection.write(" ") else { return }
        connection.pause(interval)
      }
    case .endlessBody:
      connection.write(Connection.head(200, headers: [("Transfer-Encoding", "chunked")]))
      let chunk = Data(String(repeating: "[", count: 64 * 1024).utf8)
      let size = String(chunk.count, radix: 16)
      var more = connection.write("\(size)\r\n") && connection.write(chunk)
      while more {
        more = connection.write("\r\n\(size)\r\n") && connection.write(chunk)
      }
    case .alternatingMarkers, .growingMarker:
      let marker = request.query["marker"] ?? ""
      let page = (Int(request.query["page"] ?? "0") ?? 0) + 1
      guard page < 200 else {
        connection.respond(200, json(["snapshots": [] as [Any]]))
        return
      }
      let next: String
      if case .alternatingMarkers = trick {
        next = marker == "a" ? "b" : "a"
      } else {
        next = marker + "x"
      }
      let href = "\(request.path)?limit=1&marker=\(next)&page=\(page)"
      connection.respond(
        200,
        json([
          "snapshots": [snapshot("snap-\(page)")],
          "snapshots_links": [["rel": "next", "href": "http://127.0.0.1\(href)"]],
        ]))
    case .bigName(let bytes):
      guard isSnapshots else { return connection.respond(404, json([:])) }
      let prefix = Data(
        #"{"snapshots": [{"id": "big", "status": "available", "size": 1, "name": ""#.utf8)
      let suffix = Data(#""}]}"#.utf8)
      connection.write(
        Connection.head(
          200, headers: [("Content-Length", "\(prefix.count + bytes + suffix.count)")]))
      connection.write(prefix)
      let chunk = Data(repeating: UInt8(ascii: "N"), count: 1 << 20)
      var left = bytes
      while left > 0 {
        let part = min(left, chunk.count)
        guard connection.write(chunk.prefix(part)) else { return }
        left -= part
      }
      connection.write(suffix)
    case .missingID:
      if isSnapshots {
        var hole = snapshot("x")
        hole["id"] = nil
        connection.respond(200, json(["snapshots": [snapshot("s1"), hole, snapshot("s3")]]))
      } else if isBackups {
        var hole = backup("x")
        hole["id"] = nil
        connection.respond(200, json(["backups": [backup("b1"), hole, backup("b3")]]))
      } else {
        connection.respond(404, json([:]))
      }
    case .itemNotAnObject:
      connection.respond(200, json(["snapshots": [snapshot("s1"), 42, snapshot("s3")] as [Any]]))
    case .nullList:
      connection.respond(
        200, Data((isBackups ? #"{"backups": null}"# : #"{"snapshots": null}"#).utf8))
    case .badNumbers:
      connection.respond(
        200,
        Data(
          """
          {"snapshots": [
          {"id": "s1", "size": 1e308, "status": "available", "os-extended-snapshot-attributes:progress": "150%"},
          {"id": "s2", "size": "huge", "status": "available", "os-extended-snapshot-attributes:progress": "-3%"},
          {"id": "s3", "size": -5, "status": "available", "os-extended-snapshot-attributes:progress": "40%"}
          ]}
          """.utf8))
    case .invalidUTF8:
      var body = Data(
        #"{"snapshots": [{"id": "s1", "status": "available", "size": 1, "name": "caf"#.utf8)
      body.append(contentsOf: [0xC3, 0x28])  // a lead byte followed by "(": invalid
      body.append(Data(#"é-backup"}]}"#.utf8))
      connection.respond(200, body)
    case .hostileNames:
      let items = corpus.enumerated().map { index, text -> [String: Any] in
        var item = snapshot("s\(index)", name: text)
        item["description"] = text
        item["metadata"] = ["k": text]
        return item
      }
      if isSnapshots {
        connection.respond(200, json(["snapshots": items]))
      } else if let item = items.first(where: { path.hasSuffix("/snapshots/\($0["id"]!)") }) {
        connection.respond(200, json(["snapshot": item]))
      } else {
        connection.respond(404, json(["itemNotFound": ["code": 404, "message": "no"]]))
      }
    case .unavailable(let times):
      if !isSnapshots {
        connection.respond(404, json([:]))
      } else if connection.server.requests(endingWith: "/snapshots/detail").count <= times {
        connection.respond(503, json(["computeFault": ["code": 503, "message": "busy"]]))
      } else {
        connection.respond(200, json(["snapshots": [snapshot("s1")]]))
      }
    case .stuckSnapshot:
      if path.contains("/snapshots/") {
        var item = snapshot("stuck", progress: "10%")
        item["status"] = "creating"
        connection.respond(200, json(["snapshot": item]))
      } else {
        connection.respond(404, json([:]))
      }
    }
  }
}
