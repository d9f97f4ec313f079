public import Foundation

/// DICOM UIDs for lesion tracking (SR "Tracking Unique Identifier", 112040) and other generated objects.
public enum GeneratedUID {
    /// A UID under the 2.25 root: the decimal value of a random (version 4) UUID, as DICOM PS3.5 §B.2 allows.
    public static func make(from uuid: UUID = UUID()) -> String {
        let b = uuid.uuid
        let bytes = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7, b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15]
        // 128-bit unsigned integer to decimal, by repeated division of the byte array by 10.
        var digits: [UInt8] = []
        var number = bytes
        while number.contains(where: { $0 != 0 }) {
            var remainder: UInt16 = 0
            for i in number.indices {
                let value = remainder << 8 | UInt16(number[i])
                number[i] = UInt8(value / 10)
                remainder = value % 10
            }
            digits.append(UInt8(remainder))
        }
        let decimal = digits.isEmpty ? "0" : String(digits.reversed().map { Character(String($0)) })
        return "2.25.\(decimal)"
    }
}
