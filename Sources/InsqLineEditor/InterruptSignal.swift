import Glibc
import InsqQuery

/// The flag Ctrl-C sets while a query runs. It is a global because a C signal handler captures nothing.
public let queryInterruptFlag = CancellationFlag()

/// Turns Ctrl-C during a running query (the terminal is in cooked mode then, so it is a real SIGINT) into a
/// request to cancel. While a line is edited, libedit reads Ctrl-C as a key instead (see `LibEditLineReader`).
public enum InterruptSignal {
    /// Installs the SIGINT handler and returns the flag it sets, for the session.
    /// Installed with `sigaction` and no `SA_RESTART`, so that a blocking call returns EINTR.
    @discardableResult
    public static func install() -> CancellationFlag {
        // Touch the global first: it is initialised lazily, which must not happen inside the handler.
        _ = queryInterruptFlag.isCancelled
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in queryInterruptFlag.cancel() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        unblockTerminalSignals()
        return queryInterruptFlag
    }

    /// A process inherits its parent's blocked-signal mask, and some parents (test runners among them) block
    /// SIGINT: Ctrl-C would then never arrive. Unblocks the signals the REPL and libedit rely on.
    private static func unblockTerminalSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH] {
            sigaddset(&signals, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
