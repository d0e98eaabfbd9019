/// The parts of an HTTP request the simulator's services look at, read once and passed by value.
struct SimRequest: Sendable {
  var method: String
  /// Path segments, e.g. `["dfw", "database", "v1.0", "<tenant>", "backups"]`.
  var segments: [String]
  /// Query items in order (repeated names kept).
  var query: [(String, String)]
  /// Header values by lower-cased name.
  var headers: [String: String]
  var body: [UInt8]
  /// `host:port` the client addressed, used to write links back to it.
  var host: String

  func queryValue(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A complete answer before it is handed to the HTTP server.
struct SimResponse: Sendable {
  var status: Int
  var headers: [(String, String)] = []
  var body: [UInt8] = []
  /// True for bodies the malformed-body fault may corrupt (successful JSON).
  var isJSONSuccess: Bool { (200..<300).contains(status) && !body.isEmpty }

  init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A JSON answer (`Content-Type: application/json`).
  static func json(_ status: Int, _ writer: JSONWriter, headers: [(String, String)] = [])
    -> SimResponse
  {
    SimResponse(
      status: status, headers: [("Content-Type", "application/json")] + headers,
      body: writer.bytes)
  }

  /// The one-key error body every OpenStack service uses:
  /// `{"itemNotFound": {"code": 404, "message": "..."}}` (fixtures/real/*/error-*.json).
  static func fault(_ status: Int, _ key: String, _ message: String) -> SimResponse {
    var w = JSONWriter()
    w.beginObject()
    w.beginObject(key)
    w.field("code", status)
    w.field("message", message)
    w.endObject()
    w.endObject()
    return json(status, w)
  }

  static func notFound(_ message: String) -> SimResponse { fault(404, "itemNotFound", message) }
  static func badRequest(_ message: String) -> SimResponse { fault(400, "badRequest", message) }
  static func unprocessable(_ message: String) -> SimResponse {
    fault(422, "unprocessableEntity", message)
  }
}
