public import ArgumentParser
public import NadirModel

// How model values are typed on the command line.

extension Length: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension VolumeMeasure: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension Density: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension StandardizedUptake: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso8601: argument) }
}

extension LesionRole: ExpressibleByArgument {}
extension LesionRelation: ExpressibleByArgument {}
extension MeasurementState: ExpressibleByArgument {}
extension LesionStatusValue: ExpressibleByArgument {}

extension Identifier: ExpressibleByArgument {
    public init?(argument: String) {
        guard IdentifierRules.problem(with: argument, allowSlash: Kind.self == LesionKind.self) == nil else { return nil }
        self.init(argument)
    }
}
