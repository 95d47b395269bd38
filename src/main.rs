//! The `briefing` binary: parse the command line and dispatch.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = briefing::cli::Cli::parse();
    ExitCode::from(briefing::commands::run(cli))
}
