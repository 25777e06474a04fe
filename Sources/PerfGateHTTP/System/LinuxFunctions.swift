import Glibc

/// Linux-only C functions that Swift's `Glibc` module does not import (they sit behind `_GNU_SOURCE`).
///
/// They are looked up once with `dlsym` and called through `@convention(c)` pointers, so the calling
/// convention is C's. The alternative, a C shim target, would add a module for six functions.
/// `prctl` is variadic in C; calling it through a fixed five-argument pointer is safe on the
/// System V x86-64 and AArch64 ABIs for integer arguments (glibc reads them as `unsigned long`).
enum LinuxFunctions {
    typealias EpollCreate1 = @convention(c) (Int32) -> Int32
    typealias EpollControl = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias EpollWait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    typealias EventFD = @convention(c) (UInt32, Int32) -> Int32
    typealias SchedAffinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer?) -> Int32
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    typealias SchedGetCPU = @convention(c) () -> Int32
    typealias Accept4 = @convention(c) (Int32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int32) -> Int32

    /// `epoll_create1(2)`.
    static let epollCreate1: EpollCreate1 = load("epoll_create1")
    /// `epoll_ctl(2)`.
    static let epollControl: EpollControl = load("epoll_ctl")
    /// `epoll_wait(2)`.
    static let epollWait: EpollWait = load("epoll_wait")
    /// `eventfd(2)`.
    static let eventFD: EventFD = load("eventfd")
    /// `sched_setaffinity(2)`.
    static let schedSetAffinity: SchedAffinity = load("sched_setaffinity")
    /// `sched_getaffinity(2)`.
    static let schedGetAffinity: SchedAffinity = load("sched_getaffinity")
    /// `prctl(2)`.
    static let prctl: Prctl = load("prctl")
    /// `accept4(2)`.
    static let accept4: Accept4 = load("accept4")
    /// `sched_getcpu(3)`.
    static let schedGetCPU: SchedGetCPU = load("sched_getcpu")

    private static func load<F>(_ name: String) -> F {
        // glibc always exports these symbols on Linux; a missing one is a broken C library.
        guard let symbol = dlsym(nil, name) else {
            preconditionFailure("dlsym: \(name) not found in the C library")
        }
        return unsafeBitCast(symbol, to: F.self)
    }

    // Constants from <sys/epoll.h>, <sys/eventfd.h> and <sys/prctl.h>.
    static let epollCloexec: Int32 = 0o2000000
    static let epollIn: UInt32 = 0x001
    static let epollOut: UInt32 = 0x004
    static let epollError: UInt32 = 0x008
    static let epollHangUp: UInt32 = 0x010
    static let epollReadHangUp: UInt32 = 0x2000
    static let epollControlAdd: Int32 = 1
    static let epollControlDelete: Int32 = 2
    static let epollControlModify: Int32 = 3
    static let eventFDCloexec: Int32 = 0o2000000
    static let eventFDNonBlock: Int32 = 0o4000
    static let prctlSetTimerSlack: Int32 = 29

    /// Bytes per `struct epoll_event`: packed (12) on x86-64, naturally aligned (16) elsewhere.
    #if arch(x86_64)
    static let epollEventStride = 12
    static let epollEventDataOffset = 4
    #else
    static let epollEventStride = 16
    static let epollEventDataOffset = 8
    #endif
}
