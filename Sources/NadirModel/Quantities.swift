/// A length in millimetres, exact to 0.01 mm (RECIST diameters, axes, distances).
public struct Length: FixedPointQuantity {
    public static let fractionDigits = 2
    public static let unitSymbol = "mm"
    /// Hundredths of a millimetre.
    public var units: Int64
    public init(units: Int64) { self.units = units }

    /// Makes a length from a whole number of millimetres.
    public init(millimeters: Int) { self.units = Int64(millimeters) * 100 }

    /// Hundredths of a millimetre (the stored value).
    public var hundredthsOfMillimeter: Int64 { units }

    /// The product of two perpendicular diameters (WHO, RANO, Lugano, irRC), exact.
    public static func * (lhs: Length, rhs: Length) -> Area {
        Area(units: lhs.units * rhs.units)
    }
}

/// An area in square millimetres, exact to 0.0001 mm² (the product of two `Length`s).
public struct Area: FixedPointQuantity {
    public static let fractionDigits = 4
    public static let unitSymbol = "mm2"
    public var units: Int64
    public init(units: Int64) { self.units = units }
}

/// A volume in cubic millimetres, exact to 0.01 mm³.
public struct VolumeMeasure: FixedPointQuantity {
    public static let fractionDigits = 2
    public static let unitSymbol = "mm3"
    public var units: Int64
    public init(units: Int64) { self.units = units }
}

/// A mean radiodensity in Hounsfield units, exact to 0.01 HU (Choi density criterion).
public struct Density: FixedPointQuantity {
    public static let fractionDigits = 2
    public static let unitSymbol = "[hnsf'U]"
    public var units: Int64
    public init(units: Int64) { self.units = units }
}

/// A standardised uptake value normalised to lean body mass (SUL), exact to 0.001 g/mL (PERCIST 1.0).
public struct StandardizedUptake: FixedPointQuantity {
    public static let fractionDigits = 3
    public static let unitSymbol = "g/mL"
    public var units: Int64
    public init(units: Int64) { self.units = units }
}
