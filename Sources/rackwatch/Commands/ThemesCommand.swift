import ArgumentParser
import Foundation
import TerminalUI

/// `rackwatch themes`: the themes available, bundled and the user's own, and any broken file.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the colour themes (bundled and ~/.config/rackwatch/themes).")

  func run() throws {
    let paths = ProfileResolver.current().paths
    let catalog = ThemeCatalog(directories: [URL(fileURLWithPath: paths.userThemes)])
    for name in catalog.names {
      let theme = catalog.theme(named: name)
      let about = theme?.description ?? ""
      print(
        about.isEmpty ? name : "\(name.padding(toLength: 16, withPad: " ", startingAt: 0))\(about)")
    }
    print(
      "\nYour own themes go in \(paths.userThemes)/NAME.yaml; pick one with --theme NAME or :theme NAME."
    )
    for problem in catalog.problems {
      StandardError.write(
        "rackwatch: theme \(problem) (skipped; the default theme is used instead)\n")
    }
  }
}
