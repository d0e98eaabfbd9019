/// Where openstacksdk looks for its three files, in its order (openstack/config/loader.py):
/// the current directory, the user's config directory (`$XDG_CONFIG_HOME/openstack`, then
/// `~/.config/openstack`), the site directories (`$XDG_CONFIG_DIRS/openstack`, default
/// `/etc/xdg/openstack`, then `/etc/openstack`); in each `.yaml`, `.yml` and `.json`.
/// `OS_CLIENT_CONFIG_FILE` and `OS_CLIENT_SECURE_FILE` put a file at the front of their list.
/// The first file that exists is the one read, for each of the three.
struct OpenStackFiles: Sendable, Equatable {
  var clouds: [String]
  var secure: [String]
  var vendor: [String]

  init(environment env: [String: String], home: String, currentDirectory: String) {
    func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
    var directories = [currentDirectory]
    if let xdg = value("XDG_CONFIG_HOME") { directories.append(xdg + "/openstack") }
    directories.append(home + "/.config/openstack")
    let siteDirectories =
      value("XDG_CONFIG_DIRS")?.split(separator: ":").map { $0 + "/openstack" } ?? [
        "/etc/xdg/openstack"
      ]
    directories += siteDirectories
    directories.append("/etc/openstack")
    var unique: [String] = []
    for directory in directories where !unique.contains(directory) { unique.append(directory) }
    func files(_ stem: String) -> [String] {
      unique.flatMap { directory in
        ["yaml", "yml", "json"].map { "\(directory)/\(stem).\($0)" }
      }
    }
    clouds = files("clouds")
    secure = files("secure")
    vendor = files("clouds-public")
    if let first = value("OS_CLIENT_CONFIG_FILE") { clouds.insert(first, at: 0) }
    if let first = value("OS_CLIENT_SECURE_FILE") { secure.insert(first, at: 0) }
  }
}
