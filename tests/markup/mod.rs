//! What "no live markup from note text" means, as a check over card HTML: every tag is one the
//! render stage writes, with only the attributes it writes, and note text appears only escaped.
//! Shared by `tests/injection.rs` and the `pipeline` fuzz target (`fuzz/`).
#![allow(dead_code)]

/// Tags `render.rs`, `highlight.rs` and the Anki templates write.
const TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "div",
    "h4",
    "hr",
    "img",
    "li",
    "p",
    "pre",
    "span",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Attributes they carry. Event handlers (`on…`) and `style` other than an indent are not here.
const ATTRIBUTES: &[&str] = &[
    "alt",
    "class",
    "data-lang",
    "data-marker",
    "href",
    "id",
    "src",
    "style",
];

/// Problems with `html` as card HTML: tags or attributes the renderer never writes, a raw `<`
/// or `>` outside a tag, a link that is not http(s), an image that is not a plain media file
/// name. Empty when the HTML is sound.
#[must_use]
pub fn problems(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    let mut at = 0usize;
    while let Some(i) = rest.find(['<', '>']) {
        let pos = at + i;
        if rest.as_bytes()[i] == b'>' {
            found.push(format!("raw `>` at byte {pos}"));
            rest = &rest[i + 1..];
            at = pos + 1;
            continue;
        }
        match tag(&rest[i..]) {
            Ok(len) => {
                rest = &rest[i + len..];
                at = pos + len;
            }
            Err(why) => {
                let snippet: String = rest[i..].chars().take(60).collect();
                found.push(format!("{why} at byte {pos}: {snippet:?}"));
                rest = &rest[i + 1..];
                at = pos + 1;
            }
        }
    }
    found
}

/// Parse one tag at the start of `s`; its length, or why it is not one the renderer writes.
fn tag(s: &str) -> Result<usize, String> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric()) {
        i += 1;
    }
    let name = &s[name_start..i];
    if !TAGS.contains(&name) {
        return Err(format!("unknown tag `{name}`"));
    }
    let mut src = None;
    loop {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        match b.get(i) {
            Some(b'>') => break,
            None => return Err("unterminated tag".into()),
            _ if closing => return Err("attribute on a closing tag".into()),
            _ => {}
        }
        let attr_start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        let attr = &s[attr_start..i];
        if !ATTRIBUTES.contains(&attr) {
            return Err(format!("attribute `{attr}` on <{name}>"));
        }
        // `<hr id=answer>` in the Anki back template is the one unquoted value.
        let value = if b.get(i) == Some(&b'=') && b.get(i + 1) == Some(&b'"') {
            let start = i + 2;
            let len = s[start..]
                .find('"')
                .ok_or_else(|| "unterminated attribute".to_owned())?;
            i = start + len + 1;
            &s[start..start + len]
        } else if attr == "id" && s[i..].starts_with("=answer") {
            i += "=answer".len();
            "answer"
        } else {
            return Err(format!("attribute `{attr}` without a quoted value"));
        };
        if value.contains(['<', '>']) {
            return Err(format!("unescaped markup in `{attr}`"));
        }
        let decoded = html_unescape(value).to_ascii_lowercase();
        match attr {
            "href" if !(decoded.starts_with("http://") || decoded.starts_with("https://")) => {
                return Err(format!("link to `{decoded}`"));
            }
            "style" if !is_indent(&decoded) => return Err(format!("style `{decoded}`")),
            "class" if !decoded.split(' ').all(|c| c.starts_with("zk-")) => {
                return Err(format!("class `{decoded}`"));
            }
            "src" => src = Some(decoded),
            _ => {}
        }
    }
    if let Some(src) = src
        && (src.contains(['/', '\\']) || src.contains(':'))
    {
        return Err(format!("image source `{src}` is not a media file name"));
    }
    Ok(i + 1)
}

fn is_indent(style: &str) -> bool {
    style
        .strip_prefix("margin-left:")
        .and_then(|v| v.strip_suffix("em"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

/// The few entities the renderer writes, decoded; enough to read an attribute's real value.
fn html_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::problems;

    #[test]
    fn accepts_what_render_writes() {
        assert!(
            problems(
                "<div class=\"zk-question\">a &lt;b&gt; <a href=\"https://x.y/?a=1&amp;b\">x</a></div>\
                 <ul class=\"zk-list\"><li style=\"margin-left:2em\" class=\"zk-ordered\" data-marker=\"1.\">x</li></ul>\
                 <p class=\"zk-image\"><img src=\"a.png\" alt=\"&lt;b&gt;\"></p><br><hr id=answer>"
            )
            .is_empty()
        );
    }

    #[test]
    fn flags_live_markup() {
        for html in [
            "<script>alert(1)</script>",
            "<b>x</b>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"x\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<img src=\"../../etc/passwd\">",
            "a > b",
        ] {
            assert!(!problems(html).is_empty(), "{html}");
        }
    }
}
