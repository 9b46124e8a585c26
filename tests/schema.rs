//! The published JSON Schema is the one generated from the model, and exports validate
//! against it.

mod common;

const PUBLISHED: &str = include_str!("../schema/zhika.records.schema.json");

#[test]
fn published_schema_is_current() {
    assert!(
        PUBLISHED == zhika::export::json::schema(),
        "schema/zhika.records.schema.json is stale: run `cargo run -- schema > schema/zhika.records.schema.json`"
    );
}

/// Export `text` as JSON and validate it against the published schema.
fn validate(path: &str, text: &str) {
    let bytes = common::json_export(path, text, true);
    let instance: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let schema: serde_json::Value = serde_json::from_str(PUBLISHED).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:#?}");
}

#[test]
fn reference_export_validates() {
    validate(
        "go-interview.txt",
        include_str!("../source/go-interview.txt"),
    );
}

#[test]
fn schema_rejects_a_wrong_document() {
    let schema: serde_json::Value = serde_json::from_str(PUBLISHED).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let bad = serde_json::json!({"format": "zhika.records", "version": 2, "deck": {}, "records": [], "diagnostics": []});
    assert!(!validator.is_valid(&bad));
}
