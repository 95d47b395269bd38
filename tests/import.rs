//! `briefing import`, the command: it writes a draft that `briefing check`
//! accepts, refuses what it cannot do, and gives the README's example as
//! shown. (What the import makes of a text is unit-tested beside it, in
//! `src/import/tests/`.)

mod common;

const SEED: &str = "tests/fixtures/seed-2023-ordered.txt";
const TWIN: &str = "tests/fixtures/import-twin.txt";

fn run_import(args: &[&str]) -> (i32, String, String) {
    let out = common::briefing()
        .arg("import")
        .args(args)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        stderr,
    )
}

#[test]
fn the_command_writes_a_draft_that_check_accepts_and_lists_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.toml");
    let out_s = out.to_str().unwrap();
    let (code, stdout, stderr) = run_import(&[SEED, "-o", out_s]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("5 个章节、11 个条目"), "{stderr}");
    assert!(
        stderr.contains("车辆平均行驶速度"),
        "the unknown `good` is listed: {stderr}"
    );
    let check = common::briefing().arg("check").arg(&out).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // Never over an existing file without --force.
    std::fs::write(&out, "mine").unwrap();
    let (code, _, stderr) = run_import(&[SEED, "-o", out_s]);
    assert_eq!(code, 1);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let (code, _, _) = run_import(&[SEED, "-o", out_s, "--force"]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("[[section]]")
    );

    // Without -o the draft goes to standard output.
    let (code, stdout, _) = run_import(&[TWIN, "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("organization = \"东湖市公安局\""));
}

#[test]
fn what_cannot_be_imported_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, "%PDF-1.4").unwrap();
    let (code, _, stderr) = run_import(&[pdf.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("error: unsupported file type"), "{stderr}");

    let docx = dir.path().join("broken.docx");
    std::fs::write(&docx, "not a zip at all").unwrap();
    let (code, _, stderr) = run_import(&[docx.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not a readable .docx file"), "{stderr}");

    let missing = dir.path().join("missing.txt");
    let (code, _, stderr) = run_import(&[missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("missing.txt: error:"), "{stderr}");

    let (code, _, stderr) = run_import(&["/dev", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\n").unwrap();
    let (code, _, stderr) = run_import(&[latin1.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("UTF-8"), "{stderr}");
}

/// The README's press example is what the command gives.
#[test]
fn the_readme_shows_the_import_of_a_press_paragraph_as_it_is() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = |after: &str| -> String {
        let start = readme.find(after).unwrap() + after.len();
        let rest = &readme[start..];
        // Up to the next command, or the end of the code block.
        let end = [rest.find("\n$ ").map(|e| e + 1), rest.find("```")]
            .into_iter()
            .flatten()
            .min()
            .unwrap();
        rest[..end].to_string()
    };
    let press = block("$ cat press.txt\n");
    let shown = block("$ cat press.toml\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("press.txt");
    std::fs::write(&path, &press).unwrap();
    let (code, stdout, stderr) = run_import(&[path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(stdout, shown);
    let review = block("$ briefing import press.txt -o press.toml\n");
    let path_shown = path.display().to_string();
    assert_eq!(stderr.replace(&path_shown, "press.txt"), review);
}
