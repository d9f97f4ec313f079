/// One SR content item (PS3.3 C.17.3 SR Document Content Module): a relationship to its parent, a concept
/// name, and a value of its value type. Items nest through `children` (Content Sequence).
public struct DICOMContentItem: Sendable {
    /// The value of an item, by value type (PS3.3 C.17.3.2.1).
    public enum Value: Sendable {
        case container([DICOMContentItem])
        case text(String)
        case code(DICOMCode)
        /// A NUM: the number as DS text (exact decimal) and its UCUM unit.
        case number(String, unit: DICOMCode)
        case uidReference(String)
        /// An IMAGE reference to a SOP instance, optionally to one segment of a Segmentation.
        case image(sopClassUID: String, sopInstanceUID: String, segmentNumber: Int?)
    }

    /// Relationship Type (0040,A010): CONTAINS, HAS OBS CONTEXT, HAS CONCEPT MOD, ...; empty for the root.
    public var relationship: String
    public var name: DICOMCode
    public var value: Value
    /// Content Template Sequence (0040,A504) identifier, for containers that instantiate a template.
    public var template: String?

    public init(_ relationship: String, _ name: DICOMCode, _ value: Value, template: String? = nil) {
        self.relationship = relationship
        self.name = name
        self.value = value
        self.template = template
    }

    /// The value type string (0040,A040).
    var valueType: String {
        switch value {
        case .container: "CONTAINER"
        case .text: "TEXT"
        case .code: "CODE"
        case .number: "NUM"
        case .uidReference: "UIDREF"
        case .image: "IMAGE"
        }
    }

    /// Encodes the item's attributes into `e` (the root's go straight into the data set).
    func encode(into e: inout DICOMEncoder) {
        if !relationship.isEmpty { e.text(DICOMTag(0x0040, 0xA010), .CS, relationship) }
        e.text(DICOMTag(0x0040, 0xA040), .CS, valueType)
        e.code(DICOMTag(0x0040, 0xA043), name)
        if let template {
            var t = DICOMEncoder()
            t.text(DICOMTag(0x0008, 0x0105), .CS, "DCMR")
            t.text(DICOMTag(0x0040, 0xDB00), .CS, template)
            e.sequence(DICOMTag(0x0040, 0xA504), t)
        }
        switch value {
        case .container(let children):
            e.text(DICOMTag(0x0040, 0xA050), .CS, "SEPARATE")
            e.sequence(DICOMTag(0x0040, 0xA730), children.map { child in
                var item = DICOMEncoder()
                child.encode(into: &item)
                return item
            })
        case .text(let text):
            e.text(DICOMTag(0x0040, 0xA160), .UT, text)
        case .code(let code):
            e.code(DICOMTag(0x0040, 0xA168), code)
        case .number(let number, let unit):
            var measured = DICOMEncoder()
            measured.code(DICOMTag(0x0040, 0x08EA), unit)
            measured.text(DICOMTag(0x0040, 0xA30A), .DS, number)
            e.sequence(DICOMTag(0x0040, 0xA300), measured)
        case .uidReference(let uid):
            e.text(DICOMTag(0x0040, 0xA124), .UI, uid)
        case .image(let sopClass, let sopInstance, let segment):
            var reference = DICOMEncoder()
            reference.text(.referencedSOPClassUID, .UI, sopClass)
            reference.text(.referencedSOPInstanceUID, .UI, sopInstance)
            if let segment { reference.us(.referencedSegmentNumber, UInt16(clamping: segment)) }
            e.sequence(DICOMTag(0x0008, 0x1199), reference)
        }
    }
}
