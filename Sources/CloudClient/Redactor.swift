/// Removes secrets from any text that could reach a log line, an error or a description.
///
/// Every string built from a URL, a header, a server message or an error passes through
/// `redact(_:secrets:)` with the session's current token, password, API key and
/// application-credential secret.
public enum Redactor {
  /// What a secret is replaced with.
  public static let mask = "<redacted>"

  /// Header names whose values are never printed.
  public static let secretHeaders: Set<String> = [
    "x-auth-token", "x-subject-token", "authorization", "x-storage-token", "cookie",
    "set-cookie", "proxy-authorization",
  ]

  /// `text` with every occurrence of each secret (4 characters or longer) masked.
  public static func redact(_ text: String, secrets: some Sequence<String>) -> String {
    var result = text
    for secret in secrets where secret.count >= 4 && result.contains(secret) {
      result = result.replacingOccurrences(of: secret, with: mask)
    }
    return result
  }

  /// A header value fit to print: secret headers are masked whole.
  public static func headerValue(name: String, value: String, secrets: some Sequence<String>)
    -> String
  {
    secretHeaders.contains(name.lowercased()) ? mask : redact(value, secrets: secrets)
  }
}
