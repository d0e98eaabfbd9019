import Yams

/// Reads a theme file:
///
/// ```yaml
/// name: default
/// description: Dark theme for dark terminals
/// styles:
///   text: { fg: "252" }            # or the shorthand   text: "252"
///   selection: { fg: black, bg: "#5fafd7", bold: true }
/// ```
/// Keys under `styles` are `StyleRole` names; entries may set `fg`, `bg`, `bold`,
/// `underline`, `reverse`, `dim`. Anything else is an error naming file, line and key.
public enum ThemeParser {
  /// Parses `text`; `file` is only used in error messages, `fallbackName` when the file has
  /// no `name:`.
  public static func parse(_ text: String, file: String, fallbackName: String) throws(ThemeError)
    -> Theme
  {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw syntaxError(error, file: file)
    } catch {
      throw ThemeError(file: file, line: nil, key: nil, problem: "\(error)")
    }
    guard let root, let mapping = root.mapping else {
      throw ThemeError(
        file: file, line: root?.mark?.line ?? 1, key: nil,
        problem: "a theme is a mapping with name, description and styles")
    }
    var name = fallbackName
    var description = ""
    var specs: [StyleRole: AppearanceSpec] = [:]
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      switch key {
      case "name":
        guard let s = value.string, !s.isEmpty else {
          throw ThemeError(file: file, line: line(value), key: key, problem: "expected a name")
        }
        name = s
      case "description":
        description = value.string ?? ""
      case "styles", "colors":
        guard let styles = value.mapping else {
          throw ThemeError(
            file: file, line: line(value), key: key, problem: "expected a mapping of roles")
        }
        for (roleNode, entry) in styles {
          let roleName = roleNode.string ?? ""
          guard let role = StyleRole(rawValue: roleName) else {
            throw ThemeError(
              file: file, line: line(roleNode), key: "\(key).\(roleName)",
              problem:
                "unknown role (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
          }
          specs[role] = try spec(entry, path: "\(key).\(roleName)", file: file)
        }
      default:
        throw ThemeError(
          file: file, line: line(keyNode), key: key,
          problem: "unknown key (expected name, description, styles)")
      }
    }
    return Theme(name: name, description: description, specs: specs)
  }

  static func spec(_ node: Node, path: String, file: String) throws(ThemeError) -> AppearanceSpec {
    if let scalar = node.string, node.scalar != nil {
      return AppearanceSpec(foreground: try color(scalar, node: node, path: path, file: file))
    }
    guard let mapping = node.mapping else {
      throw ThemeError(
        file: file, line: line(node), key: path,
        problem: "expected a colour or a mapping with fg, bg, bold, underline, reverse, dim")
    }
    var spec = AppearanceSpec()
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      let keyPath = "\(path).\(key)"
      switch key {
      case "fg", "foreground":
        spec.foreground = try color(value.string ?? "", node: value, path: keyPath, file: file)
      case "bg", "background":
        spec.background = try color(value.string ?? "", node: value, path: keyPath, file: file)
      case "bold", "underline", "reverse", "dim":
        guard let flag = value.bool else {
          throw ThemeError(
            file: file, line: line(value), key: keyPath, problem: "expected true or false")
        }
        switch key {
        case "bold": spec.bold = flag
        case "underline": spec.underline = flag
        case "reverse": spec.reverse = flag
        default: spec.dim = flag
        }
      default:
        throw ThemeError(
          file: file, line: line(keyNode), key: keyPath,
          problem: "unknown attribute (expected fg, bg, bold, underline, reverse, dim)")
      }
    }
    return spec
  }

  static func color(_ text: String, node: Node, path: String, file: String) throws(ThemeError)
    -> ThemeColor
  {
    guard let color = ThemeColor(parsing: text) else {
      throw ThemeError(
        file: file, line: line(node), key: path,
        problem: "'\(text)' is not a colour (use default, a name like red, 0-255, or #rrggbb)")
    }
    return color
  }

  static func line(_ node: Node) -> Int? { node.mark?.line }

  static func syntaxError(_ error: YamlError, file: String) -> ThemeError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ThemeError(file: file, line: mark.line, key: nil, problem: "YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ThemeError(
        file: file, line: context.mark.line, key: duplicates.joined(separator: ", "),
        problem: "key given twice")
    default:
      return ThemeError(file: file, line: nil, key: nil, problem: "YAML: \(error)")
    }
  }
}
