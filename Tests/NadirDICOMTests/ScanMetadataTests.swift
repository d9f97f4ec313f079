import Foundation
import NadirDICOM
import Testing

@Suite struct ScanMetadataTests {
    @Test func theGeneratedAnnexEListHoldsTheAttributesThatIdentifyPatients() {
        let named = DICOMConfidentialityProfile.basicProfileActions
        #expect(named.count > 500)
        #expect(named[.patientName] == "Z")
        #expect(named[.patientID] == "Z/D")
        #expect(named[.patientBirthDate] == "Z")
        #expect(named[.studyInstanceUID] == "U")
        #expect(named[DICOMTag(0x0008, 0x0080)] == "X/Z/D")  // Institution Name
        #expect(named[.modality] == nil)
    }

    @Test(arguments: [false, true])
    func noAllowListedTagIsNamedByAnnexEBeyondTheChosenOptions(retainDates: Bool) {
        let options = DeidentificationOptions(retainLongitudinalTemporalInformation: retainDates)
        let permitted = DICOMConfidentialityProfile.permittedProfileTags(options: options)
        let dated: Set<DICOMTag> = [.acquisitionDate, .seriesDate, .studyDate]
        let forbidden = ScanMetadata.allowList.filter {
            DICOMConfidentialityProfile.isNamedByBasicProfile($0) && !permitted.contains($0)
        }
        // Dates are allow-listed but read only under the option; without it they are the only Annex E tags left.
        #expect(Set(forbidden) == (retainDates ? [] : dated))
    }

    @Test func metadataFromARealFileCarriesNoIdentifyingValue() throws {
        let truth = try #require(Fixtures.truth)
        let file = try DICOMFileReader.read(url: Fixtures.url("ct-explicit-le/IM0000"))
        // Given the file holds every identifying value (sanity: the reader can see them)
        #expect(file.dataSet.string(.patientName) == "DOE^JANE")
        // When metadata is made without the temporal option
        let metadata = ScanMetadata(dataSet: file.dataSet)
        let json = String(decoding: try JSONEncoder().encode(metadata), as: UTF8.self)
        // Then none of them reaches it, and the allow-listed values do
        for value in truth.ct.identifying { #expect(!json.contains(value), "\(value) leaked") }
        #expect(metadata.acquisitionDate == nil)
        #expect(metadata.modality == "CT")
        #expect(metadata.kvp.map { abs($0 - 120) <= 1e-9 } == true)
        #expect(metadata.windowPresets.count == 2)
        #expect(metadata.studyInstanceUID == truth.ct.studyInstanceUID)
    }

    @Test func theAcquisitionDateIsKeptOnlyUnderTheTemporalOption() throws {
        let file = try DICOMFileReader.read(url: Fixtures.url("ct-explicit-le/IM0000"))
        let metadata = ScanMetadata(dataSet: file.dataSet,
                                    options: DeidentificationOptions(retainLongitudinalTemporalInformation: true))
        #expect(metadata.acquisitionDate == "20240315")
    }
}
