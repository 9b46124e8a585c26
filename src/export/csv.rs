//! The CSV exporter, for Anki's own text importer (Anki ≥ 2.1.55): header lines tell Anki the
//! separator, that fields are HTML, the note type (`Basic`), the deck and which columns hold the
//! GUID, tags and deck, so a re-import updates notes in place instead of adding duplicates.
//!
//! Columns: Front (question + context), Back (answer), GUID, Tags, Deck. Rows start with
//! Front, which always starts with `<div`: no row can start with `#`, which Anki would skip as
//! a comment.

use std::io::Write;

use super::apkg::{card_deck_name, exported_records, note_fields};
use super::{DeckExport, ExportError, Exporter};

/// Writes `DIR/<deck>.csv`.
#[derive(Debug, Clone, Copy)]
pub struct Csv;

impl Exporter for Csv {
    fn extension(&self) -> &'static str {
        "csv"
    }

    fn write_to(&self, deck: &DeckExport<'_>, out: &mut dyn Write) -> Result<(), ExportError> {
        let name = deck.document.deck.name.as_str();
        let err = |source| ExportError::Csv {
            deck: name.to_owned(),
            source,
        };
        // Values are read literally by Anki: no space after the colon.
        write!(
            out,
            "#separator:comma\n#html:true\n#notetype:Basic\n#deck:{}\n#columns:Front,Back,GUID,Tags,Deck\n\
             #guid column:3\n#tags column:4\n#deck column:5\n#if matches:update current\n",
            one_line(name)
        )
        .map_err(|e| err(e.into()))?;
        let mut writer = ::csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(::csv::Terminator::Any(b'\n'))
            .buffer_capacity(1 << 16)
            .from_writer(out);
        let mut front = String::new();
        for record in exported_records(deck) {
            let [question, context, back, _] = note_fields(record);
            front.clear();
            front.push_str("<div class=\"zk-question\">");
            front.push_str(&question);
            front.push_str("</div>");
            if !context.is_empty() {
                front.push_str("<div class=\"zk-context\">");
                front.push_str(&context);
                front.push_str("</div>");
            }
            writer
                .write_record([
                    front.as_str(),
                    &*back,
                    record.id.as_str(),
                    record.tags.join(" ").as_str(),
                    card_deck_name(record).as_str(),
                ])
                .map_err(err)?;
        }
        writer.flush().map_err(|e| err(e.into()))
    }
}

/// A header value on one line.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::path::Path;

    use super::*;
    use crate::model::{Block, BlockKind, Deck, Document, Record, SourceSpan};

    fn record(id: &str, question: &str, answer: &str) -> Record {
        Record {
            id: id.into(),
            deck: "d".into(),
            section: Some("并发".into()),
            number: None,
            question: question.into(),
            context: vec![Block::new(BlockKind::Code, "# not a comment\nx := 1", 2, 3)],
            answer: if answer.is_empty() {
                vec![]
            } else {
                vec![Block::new(BlockKind::Paragraph, answer, 4, 4)]
            },
            tags: vec!["d".into(), "并发".into()],
            source: SourceSpan {
                path: "d.txt".into(),
                start_line: 1,
                end_line: 4,
                question_line: None,
            },
            front_html: String::new(),
            back_html: String::new(),
        }
    }

    fn export(records: Vec<Record>, include_unanswered: bool) -> String {
        let document = Document {
            format: crate::model::FORMAT.into(),
            version: crate::model::VERSION,
            deck: Deck {
                name: "d".into(),
                path: "d.txt".into(),
                encoding: "UTF-8".into(),
                sections: vec![],
            },
            records,
            diagnostics: vec![],
        };
        let mtimes = HashMap::new();
        let bytes = Csv
            .export(&DeckExport {
                document: &document,
                mtimes: &mtimes,
                include_unanswered,
                source_dir: Path::new("."),
            })
            .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn headers_then_rows_never_starting_with_hash() {
        let text = export(
            vec![record("#a", "什么？", "答"), record("b", "空？", "")],
            false,
        );
        let (head, rows) = text.split_at(text.find("\"<div").unwrap());
        assert!(head.lines().all(|l| l.starts_with('#')));
        assert!(head.contains("#notetype:Basic\n#deck:d\n"));
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(rows.as_bytes());
        let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1, "the unanswered record is left out");
        assert_eq!(&rows[0][2], "#a");
        assert_eq!(&rows[0][3], "d 并发");
        assert_eq!(&rows[0][4], "d::并发");
        assert!(rows[0][0].starts_with("<div class=\"zk-question\">"));
        assert_eq!(
            export(vec![record("b", "空？", "")], true)
                .matches("\n\"<div")
                .count(),
            1
        );
    }
}
