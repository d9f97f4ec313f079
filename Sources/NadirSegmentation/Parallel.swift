internal import Dispatch

/// Runs `body(0..<count)` across the cores; each call must touch disjoint memory.
///
/// `DispatchQueue.concurrentPerform` wants a `@Sendable` closure; our kernels capture unsafe buffer pointers
/// (not `Sendable`) and split them into disjoint slabs by index, which is race-free by construction. The box
/// states that promise in one place instead of at every kernel.
enum Parallel {
    struct Box<T>: @unchecked Sendable { let value: T }

    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let box = Box(value: escapable)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }
}
