//! The README tells the truth about how to run things: its set-up commands are the ones CI and
//! the justfile use.

const README: &str = include_str!("../README.md");
const CI: &str = include_str!("../.ci/run");
const JUSTFILE: &str = include_str!("../justfile");

/// The commands in the README's first shell block (the quick start), comments removed.
fn quick_start() -> Vec<&'static str> {
    let start = README
        .find("```sh\n")
        .expect("README has a quick-start sh block")
        + 6;
    let end = start + README[start..].find("```").unwrap();
    README[start..end]
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn quick_start_has_the_main_job_and_the_test_command() {
    assert_eq!(
        quick_start(),
        ["cargo run --release -- export", "bash scripts/test"]
    );
}

#[test]
fn ci_and_just_run_the_readme_test_command() {
    let test = quick_start()[1];
    assert!(
        CI.lines().any(|l| l.trim() == test),
        ".ci/run must call `{test}`"
    );
    assert!(
        JUSTFILE.contains(&format!("    {test}\n")),
        "`just test` must run `{test}`"
    );
}

#[test]
fn every_just_recipe_the_readme_names_exists() {
    for recipe in ["export", "check", "test", "bench", "fmt", "lint", "ci"] {
        assert!(
            README.contains(&format!("`just {recipe}`")),
            "README names just {recipe}"
        );
        assert!(
            JUSTFILE
                .lines()
                .any(|l| l.starts_with(&format!("{recipe}:"))
                    || l.starts_with(&format!("{recipe} "))),
            "justfile has no `{recipe}` recipe"
        );
    }
}
