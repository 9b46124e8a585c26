//! Z013 media-outside-notes: an image whose path leads out of the notes' folder.

use super::{DiagnosticExt, Notes, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::BlockKind;
use crate::render::{is_web, media_outside_notes};

/// The rule.
pub static RULE: Rule = Rule {
    code: "Z013",
    name: "media-outside-notes",
    severity: Severity::Error,
    summary: "Image whose path leads outside the notes folder",
    explanation: "\
## What it does
Flags a local image whose path, read as written, leaves the folder the notes file is in: an
absolute path (`/home/me/a.png`, `C:\\a.png`, `file:///…`), a path that climbs above the folder
(`../a.png`, `img/../../a.png`), or an address that is not a file path at all (`javascript:…`,
`data:…`). zhika leaves such an image out of the deck and shows its Markdown as text instead.

## Why it matters
A deck is shared and synced: it must carry only the notes' own pictures. A path out of the
folder would pack whatever file it names (`../../etc/passwd`, a private photo) into a package
you pass on, and it breaks as soon as the notes move to another machine.

## Example
```
1. GMP 模型是什么？
![GMP](../../Pictures/gmp.png)
```

## Fix
Copy the image into the notes folder (for example `img/gmp.png` next to the notes file) and
point at it with a relative path: `![GMP](img/gmp.png)`.
",
};

pub(crate) fn check(notes: &Notes<'_>, out: &mut Vec<Diagnostic>) {
    for record in notes.records() {
        for block in record.blocks().filter(|b| b.kind == BlockKind::Image) {
            let Some(url) = block.url.as_deref().filter(|u| !is_web(u)) else {
                continue;
            };
            let Some(why) = media_outside_notes(url) else {
                continue;
            };
            out.push(
                RULE.at(
                    notes.path(),
                    notes.line_span(block.start_line),
                    format!(
                        "image `{url}` is {why}: only images inside the notes folder go into the deck"
                    ),
                )
                .help("copy the image into the notes folder and use a relative path (`img/name.png`)")
                .record(&record.id),
            );
        }
    }
}
