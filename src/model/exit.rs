//! The documented exit codes and their severity order (CONTRACT §5).

/// The documented exit codes (CONTRACT §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExitCode {
    Success = 0,
    Failed = 1,
    Usage = 2,
    Partial = 3,
    Cancelled = 4,
    NotFinished = 5,
    WatchTimeout = 6,
    NotFound = 7,
    Auth = 8,
    Unavailable = 9,
    BadResponse = 10,
    Interrupted = 130,
    /// Ended by SIGTERM (a CI job cancelled): 128 + 15.
    Terminated = 143,
    /// Ended by SIGHUP (the terminal closed): 128 + 1.
    HungUp = 129,
    /// stdout was closed under us (`| head`): 128 + SIGPIPE's 13, as a
    /// shell reports a command that SIGPIPE ended.
    StdoutClosed = 141,
    /// stdout could not be written for another reason (a full disk,
    /// `/dev/full`, an I/O error): sysexits' `EX_IOERR`, never a vendor's
    /// failure (CONTRACT §17).
    WriteFailed = 74,
}

impl ExitCode {
    /// Most severe first: with several targets the first of this list that
    /// applies to any target wins.
    pub const SEVERITY: [ExitCode; 16] = [
        ExitCode::Usage,
        ExitCode::Interrupted,
        ExitCode::Terminated,
        ExitCode::HungUp,
        ExitCode::WriteFailed,
        ExitCode::StdoutClosed,
        ExitCode::Auth,
        ExitCode::Unavailable,
        ExitCode::BadResponse,
        ExitCode::NotFound,
        ExitCode::Failed,
        ExitCode::Cancelled,
        ExitCode::WatchTimeout,
        ExitCode::Partial,
        ExitCode::NotFinished,
        ExitCode::Success,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    /// Position in [`ExitCode::SEVERITY`]; lower is more severe.
    fn rank(self) -> usize {
        Self::SEVERITY
            .iter()
            .position(|c| *c == self)
            .unwrap_or(Self::SEVERITY.len())
    }

    /// The more severe of two codes.
    pub fn worst(self, other: ExitCode) -> ExitCode {
        if other.rank() < self.rank() {
            other
        } else {
            self
        }
    }

    /// The overall code of many targets.
    pub fn combine(codes: impl IntoIterator<Item = ExitCode>) -> ExitCode {
        codes.into_iter().fold(ExitCode::Success, ExitCode::worst)
    }
}

/// Every exit code with what it means, in the order of CONTRACT §5's
/// table (the outcomes 0 to 10, then how a run was ended, most severe
/// first): the one source of the table `pipewatch --help` shows and of the
/// man page's EXIT STATUS.
pub const EXIT_CODES: [(ExitCode, &str); 16] = [
    (ExitCode::Success, "every target succeeded"),
    (ExitCode::Failed, "a target failed (ERROR, failed)"),
    (ExitCode::Usage, "usage or configuration error"),
    (
        ExitCode::Partial,
        "a target finished partially (and --allow-partial was not given)",
    ),
    (ExitCode::Cancelled, "a target was cancelled or aborted"),
    (
        ExitCode::NotFinished,
        "one-shot query: a target is not finished yet (pending, running, unknown)",
    ),
    (ExitCode::WatchTimeout, "--watch reached --timeout first"),
    (
        ExitCode::NotFound,
        "a target does not exist or was refused as invalid (HTTP 400, 404, 410, 422, other 4xx)",
    ),
    (
        ExitCode::Auth,
        "authentication or permission refused (HTTP 401, 403)",
    ),
    (
        ExitCode::Unavailable,
        "service unavailable after retries (connection failure, timeout, 5xx, 429)",
    ),
    (
        ExitCode::BadResponse,
        "unexpected response (not the documented JSON, or over the size limit)",
    ),
    (ExitCode::Interrupted, "interrupted (Ctrl-C)"),
    (
        ExitCode::Terminated,
        "terminated by SIGTERM (a CI job cancelled), as Ctrl-C ends a run",
    ),
    (
        ExitCode::HungUp,
        "ended by SIGHUP (a terminal closed), as Ctrl-C ends a run",
    ),
    (
        ExitCode::WriteFailed,
        "output could not be written (a full disk, an I/O error; not a closed pipe)",
    ),
    (
        ExitCode::StdoutClosed,
        "stdout was closed (| head): quietly ended",
    ),
];

/// The table `pipewatch --help` shows after the options, built from
/// [`EXIT_CODES`] and [`ExitCode::SEVERITY`].
pub fn exit_codes_help() -> String {
    // `push_str(&format!())` rather than `write!`: with `write!` the release
    // binary came out about 60 kB bigger (rustc 1.95, thin LTO).
    let mut help = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        help.push_str(&format!("    {:<5}{meaning}\n", code.code()));
    }
    // Ctrl-C's kin (SIGTERM, SIGHUP) rank with it, as the contract writes
    // it: `2, 130 (and 143, 129), 74, ...`.
    let kin = [ExitCode::Terminated, ExitCode::HungUp];
    let mut order: Vec<String> = Vec::new();
    for code in ExitCode::SEVERITY.iter().filter(|c| !kin.contains(c)) {
        order.push(code.code().to_string());
        if *code == ExitCode::Interrupted {
            let kin: Vec<String> = kin.iter().map(|c| c.code().to_string()).collect();
            order.push(format!("(and {})", kin.join(", ")));
        }
    }
    help.push_str(&format!(
        "  With several targets, the first of {} that applies wins.",
        order.join(", ").replace(", (and", " (and")
    ));
    help
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_order_matches_contract() {
        let codes: Vec<u8> = ExitCode::SEVERITY.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            [2, 130, 143, 129, 74, 141, 8, 9, 10, 7, 1, 4, 6, 3, 5, 0]
        );
    }

    /// The outcomes in numeric order, then how a run was ended in the order
    /// of severity: CONTRACT §5's table, 74 right after 130, 143 and 129.
    #[test]
    fn exit_codes_list_every_code_once_in_the_contracts_order() {
        let listed: Vec<u8> = EXIT_CODES.iter().map(|(c, _)| c.code()).collect();
        assert_eq!(
            listed,
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130, 143, 129, 74, 141]
        );
        let mut all: Vec<u8> = ExitCode::SEVERITY.iter().map(|c| c.code()).collect();
        all.sort_unstable();
        let mut sorted = listed.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, all);
    }

    /// `pipewatch --help` ends with this text; scripts and docs quote it.
    #[test]
    fn exit_codes_help_is_unchanged() {
        let expected = "\
Exit codes:
    0    every target succeeded
    1    a target failed (ERROR, failed)
    2    usage or configuration error
    3    a target finished partially (and --allow-partial was not given)
    4    a target was cancelled or aborted
    5    one-shot query: a target is not finished yet (pending, running, unknown)
    6    --watch reached --timeout first
    7    a target does not exist or was refused as invalid (HTTP 400, 404, 410, 422, other 4xx)
    8    authentication or permission refused (HTTP 401, 403)
    9    service unavailable after retries (connection failure, timeout, 5xx, 429)
    10   unexpected response (not the documented JSON, or over the size limit)
    130  interrupted (Ctrl-C)
    143  terminated by SIGTERM (a CI job cancelled), as Ctrl-C ends a run
    129  ended by SIGHUP (a terminal closed), as Ctrl-C ends a run
    74   output could not be written (a full disk, an I/O error; not a closed pipe)
    141  stdout was closed (| head): quietly ended
  With several targets, the first of 2, 130 (and 143, 129), 74, 141, 8, 9, 10, 7, 1, 4, 6, 3, 5, 0 that applies wins.";
        assert_eq!(exit_codes_help(), expected);
    }

    #[test]
    fn combine_picks_the_most_severe() {
        use ExitCode::*;
        assert_eq!(ExitCode::combine([]), Success);
        assert_eq!(ExitCode::combine([Success, NotFinished, Partial]), Partial);
        assert_eq!(ExitCode::combine([Failed, NotFound]), NotFound);
        assert_eq!(ExitCode::combine([BadResponse, Unavailable]), Unavailable);
        assert_eq!(ExitCode::combine([Cancelled, WatchTimeout, Failed]), Failed);
        assert_eq!(ExitCode::combine([Auth, Interrupted]), Interrupted);
        assert_eq!(ExitCode::combine([Unavailable, WriteFailed]), WriteFailed);
        assert_eq!(ExitCode::combine([WriteFailed, Terminated]), Terminated);
    }
}
