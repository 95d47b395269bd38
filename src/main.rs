//! The `briefing` binary: parse the command line and dispatch.

use std::process::ExitCode;

fn main() -> ExitCode {
    let (cli, config) = briefing::cli::parse();
    ExitCode::from(briefing::commands::run(cli, config))
}
