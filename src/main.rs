//! Parse, run, and map the outcome to an exit code: the only exit path.

use pipewatch::cli::Cli;
use pipewatch::engine::report::exit_code_of;
use pipewatch::model::ExitCode;

fn main() -> std::process::ExitCode {
    // clap exits 2 on a usage error and 0 for --help/--version.
    let cli = Cli::parse_checked();
    // One thread is plenty for a few thousand idle sockets, and starts
    // faster than a pool.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::from(ExitCode::Usage.code());
        }
    };
    let code = match runtime.block_on(pipewatch::app::run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            exit_code_of(&e)
        }
    };
    // Do not wait for pollers or sockets still open; we have the answer.
    runtime.shutdown_background();
    std::process::ExitCode::from(code.code())
}
