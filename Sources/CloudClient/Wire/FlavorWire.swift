import Foundation

/// The one coding type for Trove flavors: `str_id` beside a numeric `id` that may be null
/// (trove-26/flavors.json), so the reference is `str_id`, else the number.
struct FlavorWire: Decodable, Sendable {
  var value: Flavor?

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: WireKey.self)
    let reference = c.lenientString(K.strID) ?? c.lenientInt(K.id).map(String.init)
    value = reference.map {
      Flavor(id: $0, name: c.lenientString(K.name) ?? $0, ram: c.lenientInt(K.ram))
    }
  }

  /// `{"flavors": [...]}`; a flavor with neither `str_id` nor `id` cannot be asked for and is
  /// left out.
  struct Page: Decodable, Sendable {
    var items: [Flavor]

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: WireKey.self)
      items = try c.decode([FlavorWire].self, forKey: K.flavors).compactMap(\.value)
    }
  }
}

private enum K {
  static let flavors = WireKey("flavors")
  static let id = WireKey("id")
  static let name = WireKey("name")
  static let ram = WireKey("ram")
  static let strID = WireKey("str_id")
}
