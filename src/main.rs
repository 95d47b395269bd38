//! The `briefing` binary: all it does is in `briefing::main`.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(briefing::main())
}
