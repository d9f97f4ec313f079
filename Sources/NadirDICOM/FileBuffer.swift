import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reusable read buffer for one worker: whole files are read with read(2) into it, so reading a series costs
/// no mapping, page-fault or allocation per file (measured faster than mapping each file for 300-file series).
final class FileBuffer {
    private var storage: UnsafeMutableRawBufferPointer

    init(capacity: Int = 1 << 20) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(capacity, 4096), alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Reads the whole file and runs `body` over a `Data` that borrows the buffer (valid only inside `body`).
    func withContents<R>(of url: URL, _ body: (Data) throws(DICOMError) -> R) throws(DICOMError) -> R {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw DICOMError(.io, "cannot open the file: \(String(cString: strerror(errno)))", file: url)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw DICOMError(.io, "cannot stat the file: \(String(cString: strerror(errno)))", file: url)
        }
        let size = Int(info.st_size)
        if size > storage.count {
            storage.deallocate()
            storage = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        }
        var done = 0
        while done < size {
            let got = read(fd, storage.baseAddress! + done, size - done)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                throw DICOMError(.io, "the file ended after \(done) of \(size) bytes", file: url, byteOffset: done)
            }
            done += got
        }
        let data = Data(bytesNoCopy: storage.baseAddress!, count: size, deallocator: .none)
        return try body(data)
    }
}
