//! Project settings from `zhika.toml`, used by the check stage.
//!
//! ```toml
//! [rules]
//! Z012 = "allow"              # by code…
//! missing-figure = "deny"     # …or by name
//! ```
//!
//! `allow` drops a rule's findings, `warn` makes them warnings, `deny` makes them errors.
//! Other tables are left to the parts of zhika that read them.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::{self, Rule};
use crate::diagnostic::{Diagnostic, Severity};

/// The settings file's name.
pub const FILE_NAME: &str = "zhika.toml";

/// What `zhika.toml` says about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Do not report it.
    Allow,
    /// Report it as a warning.
    Warn,
    /// Report it as an error.
    Deny,
}

impl Level {
    /// Parse `allow`, `warn` or `deny`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "allow" => Some(Self::Allow),
            "warn" => Some(Self::Warn),
            "deny" => Some(Self::Deny),
            _ => None,
        }
    }
}

/// Why `zhika.toml` could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The settings file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    #[error("{path}: not valid TOML: {source}")]
    Syntax {
        /// The settings file.
        path: String,
        /// The parser's complaint.
        source: toml::de::Error,
    },
    /// `rules` is not a table.
    #[error("{path}: `rules` must be a table (`[rules]`)")]
    RulesNotTable {
        /// The settings file.
        path: String,
    },
    /// A key of `[rules]` names no rule.
    #[error("{path}: [rules] `{key}` is not a rule code or name; `zhika explain` lists them")]
    UnknownRule {
        /// The settings file.
        path: String,
        /// The key as written.
        key: String,
    },
    /// A value of `[rules]` is not `allow`, `warn` or `deny`.
    #[error("{path}: [rules] `{key}` = {value}: expected \"allow\", \"warn\" or \"deny\"")]
    BadLevel {
        /// The settings file.
        path: String,
        /// The key as written.
        key: String,
        /// The value as written (TOML).
        value: String,
    },
}

/// Per-project rule settings. The default reports every rule at its default severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Level per rule code.
    rules: BTreeMap<&'static str, Level>,
}

impl Config {
    /// Read `zhika.toml` in `dir`; a missing file gives the default settings.
    ///
    /// # Errors
    /// The file cannot be read, is not TOML, or names an unknown rule or level.
    pub fn load(dir: &Path) -> Result<Self, ConfigError> {
        let path = dir.join(FILE_NAME);
        match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(ConfigError::Read {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Settings from the text of a `zhika.toml`.
    ///
    /// # Errors
    /// The text is not TOML, or names an unknown rule or level.
    pub fn from_toml_str(text: &str) -> Result<Self, ConfigError> {
        Self::parse(text, FILE_NAME)
    }

    fn parse(text: &str, path: &str) -> Result<Self, ConfigError> {
        let table: toml::Table = toml::from_str(text).map_err(|source| ConfigError::Syntax {
            path: path.to_owned(),
            source,
        })?;
        let mut config = Self::default();
        let Some(rules) = table.get("rules") else {
            return Ok(config);
        };
        let rules = rules.as_table().ok_or_else(|| ConfigError::RulesNotTable {
            path: path.to_owned(),
        })?;
        for (key, value) in rules {
            let rule = check::lookup(key).ok_or_else(|| ConfigError::UnknownRule {
                path: path.to_owned(),
                key: key.clone(),
            })?;
            let level =
                value
                    .as_str()
                    .and_then(Level::from_name)
                    .ok_or_else(|| ConfigError::BadLevel {
                        path: path.to_owned(),
                        key: key.clone(),
                        value: value.to_string(),
                    })?;
            config.rules.insert(rule.code, level);
        }
        Ok(config)
    }

    /// Set the level of `rule`.
    pub fn set(&mut self, rule: &'static Rule, level: Level) {
        self.rules.insert(rule.code, level);
    }

    /// The level `zhika.toml` gives the rule with this code, if any.
    #[must_use]
    pub fn level(&self, code: &str) -> Option<Level> {
        self.rules.get(code).copied()
    }

    /// The severity findings of `rule` get, or `None` when the rule is allowed.
    #[must_use]
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        match self.level(rule.code) {
            None => Some(rule.severity),
            Some(Level::Allow) => None,
            Some(Level::Warn) => Some(Severity::Warning),
            Some(Level::Deny) => Some(Severity::Error),
        }
    }

    /// Drop findings of allowed rules and set the severity of the others.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|d| match self.level(&d.code) {
            None => true,
            Some(Level::Allow) => false,
            Some(Level::Warn) => {
                d.severity = Severity::Warning;
                true
            }
            Some(Level::Deny) => {
                d.severity = Severity::Error;
                true
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_names() {
        let config = Config::from_toml_str(
            "[rules]\nZ012 = \"allow\"\nmissing-figure = \"deny\"\nz003 = \"warn\"\n",
        )
        .unwrap();
        assert_eq!(config.level("Z012"), Some(Level::Allow));
        assert_eq!(config.level("Z010"), Some(Level::Deny));
        assert_eq!(config.level("Z003"), Some(Level::Warn));
        assert_eq!(config.level("Z006"), None);
    }

    #[test]
    fn empty_and_other_tables_are_default() {
        assert_eq!(Config::from_toml_str("").unwrap(), Config::default());
        assert_eq!(
            Config::from_toml_str("[export]\nformat = \"apkg\"\n").unwrap(),
            Config::default()
        );
    }

    #[test]
    fn unknown_rule_names_file_and_key() {
        let err = Config::from_toml_str("[rules]\nno-such-rule = \"allow\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::UnknownRule { .. }));
        let text = err.to_string();
        assert!(text.starts_with("zhika.toml: "), "{text}");
        assert!(text.contains("`no-such-rule`"), "{text}");
    }

    #[test]
    fn bad_level_and_bad_toml() {
        let err = Config::from_toml_str("[rules]\nZ003 = \"error\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::BadLevel { .. }), "{err}");
        let err = Config::from_toml_str("[rules\n").unwrap_err();
        assert!(matches!(err, ConfigError::Syntax { .. }), "{err}");
        let err = Config::from_toml_str("rules = 1\n").unwrap_err();
        assert!(matches!(err, ConfigError::RulesNotTable { .. }), "{err}");
    }

    #[test]
    fn load_missing_file_is_default() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Config::load(dir.path()).unwrap(), Config::default());
        std::fs::write(dir.path().join(FILE_NAME), "[rules]\nbogus = \"deny\"\n").unwrap();
        let err = Config::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains(FILE_NAME) && err.contains("`bogus`"), "{err}");
    }

    #[test]
    fn apply_overrides_and_drops() {
        let mut config = Config::default();
        config.set(&crate::check::empty_answer::RULE, Level::Deny);
        config.set(&crate::check::mixed_punctuation::RULE, Level::Allow);
        let span = crate::check::Span::line(1, "x");
        let mut diagnostics = vec![
            crate::check::empty_answer::RULE.at("a", span, "m"),
            crate::check::mixed_punctuation::RULE.at("a", span, "m"),
            crate::check::missing_code::RULE.at("a", span, "m"),
        ];
        config.apply(&mut diagnostics);
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(diagnostics[0].severity, Severity::Error);
        assert_eq!(diagnostics[1].severity, Severity::Warning);
    }
}
