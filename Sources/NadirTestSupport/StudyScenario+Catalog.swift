/// The built-in scenarios of the demo trial: five patients, five cancer types, four criteria.
///
/// Positions are in the chest phantom's body frame (`ChestAnatomy`): lung nodules well inside a lung, liver
/// lesions inside the liver below the heart, lymph nodes in mediastinal fat. Every designed change keeps
/// `DesignedResponse.percentMargin` points from its threshold (checked by `designedResponses()`).
extension StudyScenario {
    /// The demo trial's scenarios, in subject order.
    public static let demoTrial: [StudyScenario] = [nsclcResponder, colorectalNewLesion, hccResponder, melanomaPseudoProgression, lymphomaComplete]

    /// Looks a scenario up by name or subject ID (case-insensitive).
    public static func named(_ name: String) -> StudyScenario? {
        demoTrial.first { $0.name.lowercased() == name.lowercased() || $0.subjectID.lowercased() == name.lowercased() }
    }

    /// NSCLC under RECIST 1.1: two lung nodules shrink by 46 % then 52 %: PR, PR.
    public static let nsclcResponder = StudyScenario(
        name: "nsclc-responder", subjectID: "DEMO-001", cancerType: "nsclc", criteria: "recist-1.1",
        summary: "NSCLC, RECIST 1.1: two lung nodules shrink by 46 % and then 52 % from baseline (PR, PR).",
        timepoints: [
            ScenarioTimepoint(visit: "BASELINE", date: "2026-01-05", rotationDegrees: 1, translation: [2, -3, 0]),
            ScenarioTimepoint(visit: "WEEK 6", date: "2026-02-16", rotationAxis: [0.2, 0.1, 1], rotationDegrees: 3.5,
                              translation: [9, -6, 12]),
            ScenarioTimepoint(visit: "WEEK 12", date: "2026-03-30", rotationAxis: [1, 0, 0.3], rotationDegrees: -2.5,
                              translation: [-11, 5, -14]),
        ],
        lesions: [
            ScenarioLesion(id: "T01", organ: "LUNG", preset: "lung", centre: [-80, 0, 100], hounsfield: 20,
                           radii: [[15, 11, 12], [8, 6, 7], [7, 5.5, 6]]),
            ScenarioLesion(id: "T02", organ: "LUNG", preset: "lung", centre: [85, 10, 60], hounsfield: 20,
                           radii: [[10, 8, 9], [5.5, 4.5, 5], [5, 4, 4.5]]),
        ])

    /// Colorectal liver metastases under RECIST 1.1: stable sums, then a new liver lesion: SD, PD.
    public static let colorectalNewLesion = StudyScenario(
        name: "crc-new-lesion", subjectID: "DEMO-002", cancerType: "crc", criteria: "recist-1.1",
        summary: "Colorectal cancer, RECIST 1.1: two liver metastases stay stable (SD), then a new, partly necrotic (20 HU) liver lesion appears (PD).",
        timepoints: [
            ScenarioTimepoint(visit: "BASELINE", date: "2026-01-12", rotationDegrees: -1, translation: [-2, 2, 3]),
            ScenarioTimepoint(visit: "WEEK 8", date: "2026-03-09", rotationAxis: [0, 1, 0.2], rotationDegrees: 3,
                              translation: [10, 4, -8]),
            ScenarioTimepoint(visit: "WEEK 16", date: "2026-05-04", rotationAxis: [0.3, 0, 1], rotationDegrees: -4,
                              translation: [-8, -10, 10]),
        ],
        lesions: [
            ScenarioLesion(id: "T01", organ: "LIVER", preset: "liver", centre: [-50, -15, -70], hounsfield: 38,
                           radii: [[16, 13, 12], [15, 12.5, 11.5], [15.5, 12.5, 12]]),
            ScenarioLesion(id: "T02", organ: "LIVER", preset: "liver", centre: [-95, 10, -55], hounsfield: 38,
                           radii: [[11, 9, 9], [10.5, 8.5, 8.5], [10.5, 8.5, 8.5]]),
            ScenarioLesion(id: "NEW01", role: .new, organ: "LIVER", preset: "liver", centre: [-30, -35, -100],
                           hounsfield: 20, radii: [nil, nil, [8, 7, 7]]),
        ])

    /// HCC under mRECIST: arterially enhancing viable tumour shrinks by 44 % then 53 %: PR, PR.
    public static let hccResponder = StudyScenario(
        name: "hcc-mrecist", subjectID: "DEMO-003", cancerType: "hcc", criteria: "mrecist-hcc",
        summary: "HCC, mRECIST: two enhancing liver tumours shrink by 44 % and then 53 % of viable diameter (PR, PR).",
        timepoints: [
            ScenarioTimepoint(visit: "BASELINE", date: "2026-01-19", translation: [0, 0, -2]),
            ScenarioTimepoint(visit: "WEEK 8", date: "2026-03-16", rotationAxis: [1, 1, 0], rotationDegrees: 2.5,
                              translation: [-12, 8, 9]),
            ScenarioTimepoint(visit: "WEEK 16", date: "2026-05-11", rotationAxis: [0, 0, 1], rotationDegrees: 4.5,
                              translation: [12, -4, -6]),
        ],
        lesions: [
            ScenarioLesion(id: "T01", organ: "LIVER", preset: "liver", centre: [-45, -25, -60], hounsfield: 105,
                           radii: [[20, 16, 15], [12, 10, 10], [9, 7.5, 7.5]]),
            ScenarioLesion(id: "T02", organ: "LIVER", preset: "liver", centre: [-85, 10, -95], hounsfield: 105,
                           radii: [[12, 10, 10], [6, 5, 5], [6, 5, 5]]),
        ])

    /// Melanoma on immunotherapy under iRECIST: growth of 36 % (iUPD) not confirmed, then shrinkage: iUPD, iPR, iPR.
    public static let melanomaPseudoProgression = StudyScenario(
        name: "melanoma-irecist", subjectID: "DEMO-004", cancerType: "melanoma", criteria: "irecist", overridesCriteria: true,
        summary: "Melanoma on immunotherapy, iRECIST: the targets grow 36 % (iUPD), then shrink 41 % and 50 % below baseline (iPR, iPR): pseudo-progression.",
        timepoints: [
            ScenarioTimepoint(visit: "BASELINE", date: "2026-02-02", rotationDegrees: 0.5, translation: [1, 1, 1]),
            ScenarioTimepoint(visit: "WEEK 8", date: "2026-03-30", rotationAxis: [0, 0, 1], rotationDegrees: -3,
                              translation: [7, 9, -10]),
            ScenarioTimepoint(visit: "WEEK 12", date: "2026-04-27", rotationAxis: [1, 0, 0], rotationDegrees: 2,
                              translation: [-9, -4, 8]),
            ScenarioTimepoint(visit: "WEEK 20", date: "2026-06-22", rotationAxis: [0.5, 0.5, 1], rotationDegrees: 4,
                              translation: [5, -12, 14]),
        ],
        lesions: [
            ScenarioLesion(id: "T01", organ: "LUNG", preset: "lung", centre: [-75, -25, 40], hounsfield: 20,
                           radii: [[10, 8, 9], [14, 11, 12], [6, 5, 5.5], [5, 4, 4.5]]),
            ScenarioLesion(id: "T02", organ: "LIVER", preset: "liver", centre: [-50, -10, -75], hounsfield: 38,
                           radii: [[12, 10, 10], [16, 13, 13], [7, 6, 6], [6, 5, 5]]),
        ])

    /// DLBCL under Lugano 2014 (CT): two mediastinal nodes; SPD falls 73 % (PR, one node LDi 20 mm), then all
    /// nodes <= 15 mm (CR).
    public static let lymphomaComplete = StudyScenario(
        name: "dlbcl-lugano", subjectID: "DEMO-005", cancerType: "dlbcl", criteria: "lugano-2014",
        summary: "DLBCL, Lugano 2014 (CT): two mediastinal nodes; SPD falls 73 % with one node still 20 mm long (PR), then every node is 15 mm or less (CR).",
        timepoints: [
            ScenarioTimepoint(visit: "BASELINE", date: "2026-02-09", rotationDegrees: -0.5, translation: [-1, 2, 0]),
            ScenarioTimepoint(visit: "WEEK 6", date: "2026-03-23", rotationAxis: [0, 1, 0], rotationDegrees: 2,
                              translation: [6, -8, 10]),
            ScenarioTimepoint(visit: "WEEK 12", date: "2026-05-04", rotationAxis: [1, 0.5, 1], rotationDegrees: -3.5,
                              translation: [-7, 6, -12]),
        ],
        lesions: [
            ScenarioLesion(id: "T01", organ: "LYMPH NODE", isNodal: true, preset: "node", centre: [0, -20, 80],
                           hounsfield: 35, radii: [[16, 11, 12], [10, 6, 7], [6, 4.5, 5]]),
            ScenarioLesion(id: "T02", organ: "LYMPH NODE", isNodal: true, preset: "node", centre: [5, -15, 125],
                           hounsfield: 35, radii: [[13, 9, 10], [5, 4, 4.5], [4, 3, 3.5]]),
        ])
}
