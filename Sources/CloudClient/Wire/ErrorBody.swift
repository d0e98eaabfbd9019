import Foundation

/// What a server said in an error body, whatever its shape.
///
/// Shapes seen: one top-level key holding `{"code","message"}` whose name varies
/// (`itemNotFound`, `unprocessableEntity`, `computeFault`, `overLimit`, `item_not_found`,
/// keystone's `error`); Trove's malformed-JSON 400 `{"message","code":"400 Bad Request",
/// "title"}` with HTML in the message (trove-26/error-400-malformed-json.json); and rate
/// limits with `retryAfter` (seconds, maybe a string) or `retryAt` (a date)
/// (jclouds-overLimit-real-retryAfter-JAVADOC.json, rax-servers-fault-overLimit-413-retryAt.json).
struct ErrorBody: Sendable, Equatable {
  var kind: String?
  var message: String?
  var details: String?
  var retryAfter: Double?
  var retryAt: Date?

  /// Nil when the body is not a JSON object (empty, HTML, truncated).
  init?(_ data: Data) {
    guard !data.isEmpty,
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    let inner: [String: Any]
    if object["message"] != nil {
      inner = object
      kind = object["title"] as? String
    } else if let single = object.first(where: { $0.value is [String: Any] }),
      let value = single.value as? [String: Any]
    {
      // Take the single key (or the first object-valued one), never depend on its name.
      inner = value
      kind = single.key
    } else {
      return nil
    }
    message = (inner["message"] as? String).map(Self.clean)
    details = (inner["details"] as? String).map(Self.clean)
    if let number = inner["retryAfter"] as? NSNumber {
      retryAfter = number.doubleValue
    } else if let text = inner["retryAfter"] as? String {
      retryAfter = Double(text.trimmingCharacters(in: .whitespaces))
    }
    if let text = inner["retryAt"] as? String { retryAt = WireDate.parse(text) }
  }

  /// The longest message kept, in characters: an error line is one line.
  static let maxMessage = 500

  /// One line: HTML line breaks and runs of whitespace collapsed, cut to `maxMessage`
  /// characters, and inert on a terminal (`TerminalSafe`): the message is printed to stderr
  /// by the CLI and shown by the UI.
  static func clean(_ text: String) -> String {
    // Only the head of a huge message is looked at (counted in bytes: counting characters
    // would walk all of it).
    let cutEarly = text.utf8.count > maxMessage * 8
    let head = cutEarly ? String(text.prefix(maxMessage * 2)) : text
    var line = head.replacingOccurrences(of: "<br />", with: " ")
      .replacingOccurrences(of: "<br/>", with: " ")
      .split(whereSeparator: { $0.isWhitespace || $0.isNewline })
      .joined(separator: " ")
    if cutEarly || line.count > maxMessage {
      line = String(line.prefix(maxMessage)) + WireText.cutMark
    }
    return TerminalSafe.sanitize(line)
  }
}
