import Foundation
import NadirCriteria

/// Paths inside the repository, found from this file's location.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let criteria = repositoryRoot.appendingPathComponent("Criteria")
    static let scenarios = testsDirectory.appendingPathComponent("Scenarios")
    static let pharmaverse = testsDirectory.appendingPathComponent("Fixtures/pharmaverse")

    /// The shipped catalog, loaded once.
    static let catalog: Result<CriteriaCatalog, CriteriaError> = {
        do { return .success(try CriteriaCatalog(directories: [criteria])) } catch let error as CriteriaError {
            return .failure(error)
        } catch {
            return .failure(CriteriaError(code: .unreadable, message: "\(error)"))
        }
    }()
}
