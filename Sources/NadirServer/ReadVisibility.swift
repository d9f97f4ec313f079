internal import NadirModel
internal import NadirStore

/// Blinded multi-reader reads: a reader sees only their own reads until they have signed that visit; an
/// adjudicator, a technologist and an admin see every read (technologists prepare the reads, so they see them).
struct ReadVisibility {
    var user: UserAccount
    var signOffs: [ReadSignOff]

    func sees(reader: String, visit: String) -> Bool {
        guard user.role == .reader else { return true }
        if reader == user.name { return true }
        return signOffs.contains { $0.visit == visit && $0.reader == user.name }
    }

    func measurements(_ all: [NadirModel.Measurement]) -> [NadirModel.Measurement] {
        all.filter { sees(reader: $0.reader, visit: $0.visit) }
    }
}
