import Foundation
import NadirDICOM
import Testing

@Suite struct DICOMFileReaderTests {
    @Test func theGeneratedDictionaryAgreesWithTheVRsPydicomWrote() throws {
        let file = try DICOMFileReader.read(url: Fixtures.url("ct-explicit-le/IM0000"))
        var checked = 0
        for element in file.dataSet.elements where element.tag != .pixelData {
            guard let vr = element.tag.dictionaryVR else { continue }
            #expect(element.vr == vr, "\(element.tag)")
            checked += 1
        }
        #expect(checked > 30)
    }

    @Test func implicitVRValuesDecodeLikeExplicitOnes() throws {
        let explicit = try DICOMFileReader.read(url: Fixtures.url("ct-explicit-le/IM0002")).dataSet
        let implicit = try DICOMFileReader.read(url: Fixtures.url("ct-implicit-le/IM0002")).dataSet
        let big = try DICOMFileReader.read(url: Fixtures.url("ct-explicit-be/IM0002")).dataSet
        for tag in [DICOMTag.rows, .columns, .bitsStored, .pixelRepresentation] {
            #expect(implicit.int(tag) != nil && implicit.int(tag) == explicit.int(tag), "\(tag)")
            #expect(big.int(tag) == explicit.int(tag), "\(tag)")
        }
        #expect(implicit.string(.imagePositionPatient) == explicit.string(.imagePositionPatient))
        #expect(implicit.string(.seriesInstanceUID) == explicit.string(.seriesInstanceUID))
    }

    @Test func rawDataSetsAreRecognisedWithoutPreambleOrMetaGroup() throws {
        let file = try DICOMFileReader.read(url: Fixtures.url("ct-raw-implicit/IM0000"))
        #expect(!file.hasPreamble)
        #expect(file.transferSyntax == .implicitVRLittleEndian)
        #expect(file.meta.elements.isEmpty)
    }

    @Test func aTextFileIsNotDICOM() {
        #expect {
            _ = try DICOMFileReader.read(url: Fixtures.url("not-dicom.txt"))
        } throws: { error in
            (error as? DICOMError)?.code == .notDICOM && (error as? DICOMError)?.file?.lastPathComponent == "not-dicom.txt"
        }
    }

    @Test func tagsPrintAsDcmdumpDoes() {
        #expect(DICOMTag.patientName.description == "(0010,0010) PatientName")
        #expect(DICOMTag(0x0029, 0x1010).description == "(0029,1010)")
        #expect(DICOMTag(0x0029, 0x1010).isPrivate && !DICOMTag.pixelData.isPrivate)
    }
}
