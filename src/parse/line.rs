//! Line classification: what each line of a notes file looks like on its own (a numbered
//! heading, an answer marker, a fence, plain text). Context — whether a numbered line asks a
//! question or is a sub-point — is decided later by the outline.

use std::sync::LazyLock;

use regex::Regex;

/// How a heading is numbered; the style decides its rank in the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `# Title` … `###### Title`, with its level.
    Markdown(u8),
    /// `一、`, `二.`, `第三章`.
    Chinese,
    /// `1.`, `1、`, `1．`.
    Arabic,
    /// `（1）`, `(1)`.
    Paren,
    /// `1）`, `1)`, `1))`, `1）、`.
    HalfParen,
    /// `1.1、`, `2.3.1. `: numbered under a section number.
    Dotted,
    /// `Q:` / `问：` / `Question:`.
    Question,
}

impl Style {
    /// Outline rank: a smaller rank outranks a larger one.
    #[must_use]
    pub fn rank(self) -> u8 {
        match self {
            Self::Markdown(level) => level,
            Self::Chinese => 10,
            // A `Q：` line says outright that it asks; plain numbers under it (`1. 新建`) are
            // the points of its answer, not questions beside it.
            Self::Question => 15,
            Self::Arabic => 20,
            Self::Dotted => 25,
            Self::Paren => 30,
            Self::HalfParen => 40,
        }
    }
}

/// A line that could start a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The numbering style (for Markdown headings, the `#` level).
    pub style: Style,
    /// The number as written (`3`, `一`), if any.
    pub number: Option<String>,
    /// The number's value, for order checks.
    pub value: Option<u32>,
    /// The text after the number.
    pub title: String,
}

impl Heading {
    /// A heading numbered in digits (`3`) in `style`, its title trimmed.
    fn numbered(style: Style, number: &str, title: &str) -> Self {
        Self {
            style,
            number: Some(number.to_owned()),
            value: number.parse().ok(),
            title: title.trim().to_owned(),
        }
    }

    /// A question label (`Q3:`, `问：`, `【问题】`) matched by a pattern whose group 1 is the
    /// optional number and group 2 the question.
    fn labelled(c: &LeadCaptures<'_>) -> Self {
        let number = c.get(1).map(str::to_owned);
        Self {
            style: Style::Question,
            value: number.as_deref().and_then(|n| n.parse().ok()),
            number,
            title: c[2].trim().to_owned(),
        }
    }
}

/// What a line is, seen alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Nothing but white space.
    Blank,
    /// A numbered line, Markdown heading or `Q:` line at the start of the line (boxed: most
    /// lines are not headings, and a file's lines are all held while it is parsed).
    Heading(Box<Heading>),
    /// `答案：…` (`answer`) or `注：…` (a note): its label and the text after it.
    Marker {
        /// The label as written, without its colon, and the text after it.
        text: MarkerText,
        /// True for answer markers, false for note markers.
        answer: bool,
    },
    /// A ```` ``` ```` or `~~~` fence line that opens or closes a fenced code block.
    Fence {
        /// The info string after an opening fence (`go`), empty otherwise.
        info: LineText,
    },
    /// A line inside a fenced code block.
    Fenced,
    /// Anything else.
    Text,
}

/// A marker's label and the text after it, both behind one thin pointer: a `Kind` of 16 bytes,
/// not 24, in every line of a file, all held while it is parsed (5 MiB for 700k lines). Empty
/// texts allocate nothing.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct MarkerText(Option<Box<(Box<str>, Box<str>)>>);

impl MarkerText {
    /// The `label` of a marker and the `rest` of its line.
    #[must_use]
    pub fn new(label: &str, rest: &str) -> Self {
        Self((!label.is_empty() || !rest.is_empty()).then(|| Box::new((label.into(), rest.into()))))
    }

    /// The label as written, without its colon.
    #[must_use]
    pub fn label(&self) -> &str {
        self.0.as_deref().map_or("", |(label, _)| label)
    }

    /// The text after the label.
    #[must_use]
    pub fn rest(&self) -> &str {
        self.0.as_deref().map_or("", |(_, rest)| rest)
    }
}

impl std::fmt::Debug for MarkerText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MarkerText")
            .field("label", &self.label())
            .field("rest", &self.rest())
            .finish()
    }
}

/// Text a [`Kind`] carries (a fence's info string) behind one thin pointer: 8 bytes where a
/// `Box<str>` takes 16, in the kind of every line of a file, all held while it is parsed.
/// Empty text allocates nothing.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LineText(Option<Box<Box<str>>>);

impl std::ops::Deref for LineText {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_deref().map_or("", |text| &**text)
    }
}

impl AsRef<str> for LineText {
    fn as_ref(&self) -> &str {
        self
    }
}

impl From<&str> for LineText {
    fn from(text: &str) -> Self {
        Self((!text.is_empty()).then(|| Box::new(Box::from(text))))
    }
}

impl From<String> for LineText {
    fn from(text: String) -> Self {
        Self((!text.is_empty()).then(|| Box::new(text.into_boxed_str())))
    }
}

impl std::fmt::Debug for LineText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

static MARKDOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})(?:[ \t\u{3000}]+(.*?))?[ \t#]*$").unwrap());
/// `###1. 区分…`, `###30 什么是…`, `##1-2 创建项目`, `#二、 Flink 的组件栈有哪些？`: a heading
/// whose writer left out the space after the `#`s, recognisable by the number right behind
/// them (`#include`, `#tag` and `#二手` stay text).
static GLUED_MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(#{1,6})((?:\d{1,3}(?:-\d{1,3})?(?:[.、．][ \t\u{3000}]*|[ \t\u{3000}]+)|[一二三四五六七八九十]{1,3}、[ \t\u{3000}]*)\S.*?)[ \t#]*$",
    )
    .unwrap()
});
/// `####面试题一`: a heading typed without the space after its `#`s, which many Markdown editors
/// accept. Two `#` at least and a Chinese character right after, or a Latin word, a number
/// perhaps glued to its front if it opens with three small letters, whose line goes on in
/// Chinese (`##ajax请求的时候get和post的区别?`, `##bind 与call的差别`, `###2int、char、long各占多少
/// 字节数`; not a quantity in a script's comment, `##4G内存以下的机器…`, `##512mb内存…`,
/// `##1e-3的学习率…`), or
/// capitalised words joined by `/` (`###HashMap`, `##RNN/CNN/Transformer`), or an English
/// question or an exam's instruction, a question word or verb and two more words (`##What are
/// the four activities…?`, `##Please provide…`, `##Explain the following…`), so `#include`,
/// `#标签`, `##ifdef`, `##__VA_ARGS__` and a script's `##Set the Java home` stay text.
static GLUED_HAN_MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(#{2,6})((?:\p{Han}|(?:[0-9]{1,3}[a-z]{3}|[A-Za-z])[^#\p{Han}]*\p{Han}).*?|[A-Z][A-Za-z0-9]*(?:/[A-Z][A-Za-z0-9]*)*|(?:What|How|Why|When|Where|Which|Who|Explain|Define|Describe|Compare|Please|Discuss)(?:[ \t]+[A-Za-z0-9(][^ \t#]*){2,}.*?)[ \t#]*$",
    )
        .unwrap()
});
/// `####[[↑]](#toc) <a name='general'>通用问题:</a>`: a heading typed without the space, its
/// text opening with a link (two `#` at least, and the `[…](…)` must be there).
static GLUED_LINK_MARKDOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{2,6})(\[.*\]\(.*?)[ \t#]*$").unwrap());
/// A link to a spot in the same page at either end of a heading (`[↑](#toc)`, `[[↑]](#toc)`,
/// `[回到顶部](#top)`): a way back to the contents, not words of the title.
static NAV_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[\[?[^\[\]]*\]?\]\(#[^()\s]*\)[ \t]*|[ \t]*\[\[?[^\[\]]*\]?\]\(#[^()\s]*\)$")
        .unwrap()
});
/// HTML anchors in a heading (`## <a name='toc'>目录</a>`, `<span id="q1">…</span>`): link
/// targets, not words.
static ANCHOR_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<(?:a|span)\s+(?:name|id)\s*=\s*["']?[^>]*>|</(?:a|span)>"#).unwrap()
});
/// Is `text` only HTML anchors (`<span id="lec1"></span>`, `<a name="q3"></a>`): a spot for
/// links to land on, no words?
#[must_use]
pub fn anchor_only(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('<') && ANCHOR_TAG.is_match(t) && ANCHOR_TAG.replace_all(t, "").trim().is_empty()
}

/// An attribute block after a heading (`### 什么是协程？ {#coroutine}`, `{: .note}`): markup
/// for the page, not words.
static HEADING_ATTRIBUTES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t]*\{:?[ \t]*[#.][^{}]*\}$").unwrap());
static CHINESE: LazyLock<Lead> = LazyLock::new(|| {
    Lead::new(
        r"^(第?([一二三四五六七八九十百千零〇两]{1,7})[章节部分篇题问]?)[ \t\u{3000}]*[、.．:：。][ \t\u{3000}]*",
    )
});
static ARABIC: LazyLock<Lead> =
    LazyLock::new(|| Lead::new(r"^(\d{1,4})[ \t\u{3000}]*([.、．。，,])[ \t\u{3000}]*"));
static PAREN: LazyLock<Lead> =
    LazyLock::new(|| Lead::new(r"^[（(][ \t]*(\d{1,3})[ \t]*[)）][、.．,，]?[ \t\u{3000}]*"));
static HALF_PAREN: LazyLock<Lead> =
    LazyLock::new(|| Lead::new(r"^(\d{1,3})[ \t]*[)）]+[、.．,，]?[ \t\u{3000}]*"));
/// `Q: …`, `问题3：…`, `q:什么是uml?` (a lowercase `q` only before a colon: `q.push(x)` is
/// code), `❓ 介绍一下flex布局` (a question mark drawn as an emoji).
static QUESTION: LazyLock<Lead> = LazyLock::new(|| {
    Lead::new(
        r"^(?:(?:Question|QUESTION|Q|问|问题)[ \t]*(\d{1,4})?[ \t]*[:：.、；]|q[ \t]*[:：]|[❓❔]\u{FE0F}?)[ \t\u{3000}]*",
    )
});
/// `Question 1.1: …`, `问题2.3：…`: a question label numbered within its part, as a heading
/// writes it (the whole number goes with the label).
static DOTTED_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Question|QUESTION|Q|问题|问)[ \t]*\d{1,3}(?:\.\d{1,3})+[ \t]*[:：.、][ \t\u{3000}]*(\S.*)$")
        .unwrap()
});
/// `【问题】…`, `【题目3】…`: a question label in lenticular brackets.
static BRACKET_QUESTION: LazyLock<Lead> = LazyLock::new(|| {
    Lead::new(
        r"^【[ \t]*(?:问题|问|题目|Q)[ \t]*(\d{1,4})?[ \t]*】[ \t\u{3000}]*[:：]?[ \t\u{3000}]*",
    )
});
/// `【答案】…`, `【解析】…`, `【注】…`: an answer or note label in lenticular brackets.
static BRACKET_MARKER: LazyLock<Lead> = LazyLock::new(|| {
    Lead::new(
        r"^【[ \t]*(答案解析|参考答案|标准答案|答案|解答|解题|回答|答|解析|注意|注|说明|备注|提示)[ \t]*】[ \t\u{3000}]*[:：]?[ \t\u{3000}]*",
    )
});
/// `第3题：…`, `第12问 …`: an ordinal with Arabic digits.
static ORDINAL: LazyLock<Lead> = LazyLock::new(|| {
    Lead::new(r"^第[ \t]*(\d{1,4})[ \t]*[题问][ \t\u{3000}]*[:：、.．]?[ \t\u{3000}]*")
});
/// `1.1、`, `2.3.1. `: a sub-question numbered under its section (a separator is required,
/// so `1.5 倍` stays text).
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3}(?:\.\d{1,3})+)(?:[、．]|\.[ \t\u{3000}])[ \t\u{3000}]*(\S.*)$").unwrap()
});
/// A number that a Markdown heading's text starts with, separated by a space (`## 1.24 常用包`;
/// a course's lesson and part, `## 2-1 运行项目`).
static HEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*|\d{1,3}-\d{1,3})[ \t\u{3000}]+(\S.*)$").unwrap()
});
/// A section number glued to a Markdown heading's words (`### 1.1我是谁`, `### 2.1python`):
/// outline numbering, not a decimal (a last part of `0`, as in `## 2.0新特性`, is a version).
static GLUED_HEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*\.[1-9]\d{0,2})([\p{Han}A-Za-z].*)$").unwrap()
});
/// A Markdown heading that only labels the answer below it (`### 答案`, `#### 小明的回答:`,
/// `#### LICSLAN回答:`, `### Answer`): a short name in front of the label at most (a Latin
/// name, or a Chinese one with `的`, so `### 操作系统问答` stays a heading); an example answer
/// too (`### 回答范例`, `### 回答示例`).
static ANSWER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([A-Za-z0-9_ ]{1,16}|[\p{Han}A-Za-z0-9_ ]{1,10}的)?(答案解析|参考答案|标准答案|参考回答|答案|解答|回答|答|解析|Answer|ANSWER)(?:范例|示例|要点|关键点|思路)?[ \t]*[:：]?$",
    )
    .unwrap()
});
/// A solution named as the label of what follows, colon and all (`解决方案:`, `Solution:`).
static SOLUTION_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(解决方案|参考解法|Solution|SOLUTION)[ \t]*[:：]$").unwrap());

/// The label a heading names the solution below it by (`##### 解决方案:`, `#### Solution:`),
/// colon and all: under a question, it labels that question's answer (see
/// `classify::solution_headings_under_questions`). Without the colon, `### 解决方案` is a
/// topic (the remedies for the one above), and a line `解决方案：` in the text is one part of
/// an answer (`定义：…` / `问题：…` / `解决方案：…`).
#[must_use]
pub fn solution_label(heading: &Heading) -> Option<&str> {
    if !matches!(heading.style, Style::Markdown(_)) || heading.number.is_some() {
        return None;
    }
    SOLUTION_LABEL
        .captures(&heading.title)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
}

/// What [`ANSWER_HEADING`] reads in `text`, unless a word in front of `解析`/`解答` names what
/// is analysed (`updateStateByKey解析`, `HashMap解析`): a topic, not someone's answer (a tag like
/// `Q1解析` still labels one).
fn answer_label(text: &str) -> Option<regex::Captures<'_>> {
    let c = ANSWER_HEADING.captures(text)?;
    let topic = matches!(&c[2], "解析" | "解答")
        && c.get(1)
            .is_some_and(|p| p.as_str().bytes().filter(u8::is_ascii_alphabetic).count() >= 4);
    (!topic).then_some(c)
}

/// An answer label alone on its line, without a colon (`答案`, `参考答案`, `Answer`).
static BARE_ANSWER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(答案解析|参考答案|标准答案|参考回答|答案|解答|解析|(?:回答|答题|答案)(?:要点|关键点|思路)|Answer|ANSWER)[ \t]*$").unwrap()
});
/// A numbered entry that is only a link to a place in the same page
/// (`1. [Java 基础](#1-java-基础)`): a table of contents, not a question.
static ANCHOR_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\]]*\]\(#[^)]*\)$").unwrap());
/// A heading's text that is one link and nothing else (`[3、问题](https://…)`): the link text.
static WHOLE_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[([^\[\]]+)\]\([^()\s]*\)$").unwrap());
/// `1 Kafka怎么保证数据的高可用？`: a number and a space in front of a question.
static SPACED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})[ \t\u{3000}]+(\D.*)$").unwrap());
/// An answer or note label and its colon, opening a line (`答案：`, `注意：`); words may point
/// to the answer between the two (`答案解析参考这里：…`, `答案如下：`).
static MARKER: LazyLock<Lead> = LazyLock::new(|| {
    Lead::new(
        r"^(答案解析|参考答案|标准答案|答案|解答|解析|回答|答|Answer|A\d{0,3}|参考|原因分析|解释|注意|注|说明|备注|提示)(?:参考这里|参考|如下|见下|在这里|这里)?[ \t]*[:：][ \t\u{3000}]*",
    )
});
/// Decoration in front of a number: `****1.`, `@@@1)))`.
static DECORATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[*@=~+_#]{2,}[ \t]*(\d)").unwrap());

/// A pattern for how a line starts, whose groups are followed by one more: the rest of the
/// line, as a trailing `(.*)$` would capture it. Matching only the start spares the regex a
/// walk over the whole line (with captures, the slow engines walk it).
struct Lead(Regex);

impl Lead {
    fn new(start: &str) -> Self {
        Self(Regex::new(start).unwrap())
    }

    fn captures<'h>(&self, line: &'h str) -> Option<LeadCaptures<'h>> {
        let caps = self.0.captures(line)?;
        let rest = &line[caps.get(0)?.end()..];
        // `.` stops at a line break: `(.*)$` would not match a rest that holds one.
        (!rest.contains('\n')).then_some(LeadCaptures { caps, rest })
    }
}

/// The groups of a [`Lead`] match, and after them the rest of the line.
struct LeadCaptures<'h> {
    caps: regex::Captures<'h>,
    rest: &'h str,
}

impl<'h> LeadCaptures<'h> {
    /// Group `i`, or the rest of the line for the group after the last.
    fn get(&self, i: usize) -> Option<&'h str> {
        if i == self.caps.len() {
            Some(self.rest)
        } else {
            self.caps.get(i).map(|m| m.as_str())
        }
    }
}

impl std::ops::Index<usize> for LeadCaptures<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).expect("a group of the pattern")
    }
}

/// Classify one line outside a fenced block.
#[must_use]
pub fn classify(text: &str) -> Kind {
    let trimmed = text.trim_end();
    if trimmed
        .trim_start_matches(['\u{3000}', ' ', '\t'])
        .is_empty()
    {
        return Kind::Blank;
    }
    if let Some(info) = opening_fence_info(trimmed) {
        return Kind::Fence { info: info.into() };
    }
    if let Some(question) = folded_question(trimmed) {
        return Kind::Heading(Box::new(Heading {
            style: Style::Question,
            number: None,
            value: None,
            title: question,
        }));
    }
    if let Some(kind) = quoted_heading(trimmed) {
        return kind;
    }
    // Emphasis around a line (`**1. 问题**`, `**什么是协程？**`) is not part of its shape.
    let plain = strip_emphasis(trimmed);
    // A heading's `#` marks it only at the start of the line: behind a tag
    // (`<font style="…"># AOF 文件比上次文件增长超过多少百分比则触发重写</font>`) it is text,
    // as Markdown renders it.
    if plain.starts_with('#') && !trimmed.starts_with('#') {
        return Kind::Text;
    }
    let plain = unescape_number(&plain);
    let trimmed = plain.as_ref();
    // A line of nothing but `#`s (`#####`, `####…####`) titles nothing: it is a separator
    // rule, as a line of `-`s or `=`s is.
    if super::blocks::is_hash_rule(trimmed) {
        return Kind::Text;
    }
    // An HTML heading on a line of its own (`<h5 id='w1'>1. 简述微信小程序原理</h5>`) is the
    // Markdown heading of its level.
    let html = html_heading(trimmed);
    let trimmed = html.as_deref().unwrap_or(trimmed);
    // Numbers and markers count only at the very start of a line: indented ones are sub-points.
    if let Some(heading) = heading(trimmed) {
        // `### 答案` under a question labels its answer; a `## 解答` part title stays a heading.
        if let (Style::Markdown(3..), Some(c)) = (heading.style, answer_label(&heading.title))
            && !c.get(1).is_some_and(|p| super::question_like(p.as_str()))
        {
            return Kind::Marker {
                text: MarkerText::new(&c[2], ""),
                answer: true,
            };
        }
        if !matches!(heading.style, Style::Markdown(_))
            && ANCHOR_LINK.is_match(heading.title.trim())
        {
            return Kind::Text;
        }
        return Kind::Heading(Box::new(heading));
    }
    if let Some(heading) = quoted_question(trimmed) {
        return Kind::Heading(Box::new(heading));
    }
    if let Some(c) = trimmed
        .starts_with('【')
        .then(|| BRACKET_MARKER.captures(trimmed))
        .flatten()
    {
        let label = c[1].to_owned();
        let answer = !matches!(label.as_str(), "注意" | "注" | "说明" | "备注" | "提示");
        return Kind::Marker {
            text: MarkerText::new(&label, &c[2]),
            answer,
        };
    }
    if let Some(marker) = bare_marker(trimmed) {
        return marker;
    }
    // Labels are at most nine characters and a colon (`答案解析参考这里：`): look no further
    // for one.
    let has_label_colon = trimmed.starts_with([
        '答', '参', '标', '解', '回', 'A', '原', '注', '说', '备', '提',
    ]) && trimmed.chars().take(10).any(|c| c == ':' || c == '：');
    if let Some(c) = has_label_colon.then(|| MARKER.captures(trimmed)).flatten() {
        let label = c[1].to_owned();
        // `参考：https://…` is a reference, not the answer.
        let reference_link = label == "参考" && c[2].trim_start().starts_with("http");
        // `A1:` answers `Q1:`.
        let numbered_a = label.starts_with('A') && label[1..].bytes().all(|b| b.is_ascii_digit());
        let answer = !reference_link
            && (numbered_a
                || matches!(
                    label.as_str(),
                    "Answer"
                        | "答案解析"
                        | "参考答案"
                        | "标准答案"
                        | "答案"
                        | "解答"
                        | "解析"
                        | "回答"
                        | "答"
                        | "A"
                        | "参考"
                        | "原因分析"
                        | "解释"
                ));
        return Kind::Marker {
            text: MarkerText::new(&label, &c[2]),
            answer,
        };
    }
    Kind::Text
}

/// `Ans. …`, `Ans: …`: the answer under a `Q. …` line, abbreviated.
static ANS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(Ans|ANS)[ \t]*[.:：][ \t\u{3000}]*(.*)$").unwrap());

/// `Ans. …` opens the answer; so does a line that is only an answer label: `答案` alone (or
/// `Your Answer:`) labels the answer below it, as `### 答案` does; `?` alone parts a flash
/// card's question above from its answer below (Obsidian spaced repetition; `??` for a card
/// that is also reversed).
fn bare_marker(trimmed: &str) -> Option<Kind> {
    // Asked of nearly every line: the regex runs only on the few that open with its word.
    if let Some(c) = (trimmed.starts_with("Ans") || trimmed.starts_with("ANS"))
        .then(|| ANS.captures(trimmed))
        .flatten()
    {
        return Some(Kind::Marker {
            text: MarkerText::new(&c[1], &c[2]),
            answer: true,
        });
    }
    let bare = || {
        (trimmed.len() <= 18)
            .then(|| BARE_ANSWER_LABEL.captures(trimmed.trim_end_matches([':', '：'])))
            .flatten()
            .map(|c| c[1].to_owned())
    };
    let label = if matches!(trimmed, "?" | "??") {
        trimmed.to_owned()
    } else {
        bare().or_else(|| named_answer_label(trimmed))?
    };
    Some(Kind::Marker {
        text: MarkerText::new(&label, ""),
        answer: true,
    })
}

/// A line that is only a named answer label, with its colon (`Your Answer:`, `我的回答：`):
/// it labels the answer below it, as a heading of that name does.
fn named_answer_label(trimmed: &str) -> Option<String> {
    if !trimmed.ends_with([':', '：']) || trimmed.chars().count() > 24 {
        return None;
    }
    let c = answer_label(trimmed)?;
    let owner = c.get(1)?.as_str();
    (!super::question_like(owner)).then(|| c[2].to_owned())
}

/// The label of a heading that names the answer below it (`## 标准答案`, `### 我的回答`), at
/// any level; [`classify`] takes levels 3 and below as markers on sight.
#[must_use]
pub fn answer_heading_label(heading: &Heading) -> Option<String> {
    let c = answer_label(&heading.title)?;
    let named_question = c.get(1).is_some_and(|p| super::question_like(p.as_str()));
    (matches!(heading.style, Style::Markdown(_)) && heading.number.is_none() && !named_question)
        .then(|| c[2].to_owned())
}

/// Is this line labelled as a question (`Q: …`, `问：…`, `### Q: …`, `**问：** …`)?
#[must_use]
pub fn labelled_question(line: &str) -> bool {
    let plain = strip_emphasis(line.trim());
    let t = plain.trim_start_matches('#').trim_start();
    // `问题 1：循环变量` names a problem, not a question.
    !t.starts_with("问题")
        && QUESTION
            .captures(t)
            .is_some_and(|c| !c[2].trim().is_empty())
}

/// A heading written inside a quote (`> ### 线程与进程的区别`) is still a heading: the quote
/// only sets it off. So is an answer heading (`> ### 答案`).
fn quoted_heading(line: &str) -> Option<Kind> {
    let inner = line.strip_prefix('>')?.trim_start_matches(['>', ' ', '\t']);
    if !inner.starts_with('#') {
        return None;
    }
    let kind = classify(inner);
    match &kind {
        Kind::Heading(h) if matches!(h.style, Style::Markdown(_)) => Some(kind),
        Kind::Marker { .. } => Some(kind),
        _ => None,
    }
}

/// A question labelled as one inside a blockquote (`> **问：** 为什么…？`): the label says it
/// asks, the quote only sets the exchange off from the text around it.
fn quoted_question(line: &str) -> Option<Heading> {
    let inner = line.strip_prefix('>')?.trim_start_matches(['>', ' ', '\t']);
    let plain = strip_emphasis(inner);
    let c = QUESTION.captures(plain.trim_start())?;
    Some(Heading::labelled(&c)).filter(|h| !h.title.is_empty())
}

/// A question that opens a folded answer: Hugo's `{{< details "问题？" >}}`, HTML's
/// `<details><summary>问题？</summary>`, or the title of a `VuePress` container
/// (`::: info 问题？`). A summary that only says how to unfold (`点击查看答案`) asks nothing:
/// it stays text.
static FOLDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^[ \t]*(?:\{\{[<%][ \t]*details[ \t]+(?:title=)?"(.+?)"[^}]*[>%]\}\}|(?:<details[^>]*>[ \t]*)?<summary[^>]*>(.+?)</summary>|:::[ \t]*(?:info|tip|note|warning|danger|details|caution|important)[ \t]+(.+?))[ \t]*$"#,
    )
    .unwrap()
});

/// The closing line of a folded answer (`{{< /details >}}`, `</details>`, a container's `:::`).
static FOLD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:\{\{[<%][ \t]*/details[ \t]*[>%]\}\}|</details>|:::)[ \t]*$").unwrap()
});

/// The title of a fold (`<summary>HashMap 底层结构</summary>`, `{{< details "…" >}}`),
/// whatever it says.
#[must_use]
pub fn fold_title(line: &str) -> Option<String> {
    if !fold_words(line) {
        return None;
    }
    let plain = fold_plain(line);
    let c = FOLDED.captures(&plain)?;
    let title = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    Some(strip_emphasis(title).trim().to_owned()).filter(|t| !t.is_empty())
}

fn folded_question(line: &str) -> Option<String> {
    if !fold_words(line) {
        return None;
    }
    let plain = fold_plain(line);
    let c = FOLDED.captures(&plain)?;
    let q = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    let q = strip_emphasis(q).trim().to_owned();
    (q.ends_with(['?', '？']) || super::asks(&q)).then_some(q)
}

/// Is this a line that only folds an answer away: `{{< /details >}}`, `</details>`, a bare
/// `<details>` or a summary that asks nothing (`<summary>点击查看答案</summary>`)?
#[must_use]
pub fn is_fold_line(line: &str) -> bool {
    if !fold_words(line) {
        return false;
    }
    let t = fold_plain(line);
    FOLD_END.is_match(&t) || FOLD_START.is_match(&t) || FOLDED.is_match(&t)
}

/// A fold's line without the bold or line break set around its tags (`<b><details>`,
/// `<summary><b>问题？</b></summary><br>`): those change how it looks, not what it holds.
fn fold_plain(line: &str) -> std::borrow::Cow<'_, str> {
    match strip_emphasis(line.trim()) {
        std::borrow::Cow::Borrowed(t) => std::borrow::Cow::Borrowed(t.trim()),
        std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(t.trim().to_owned()),
    }
}

/// Can the line be a fold's opening, summary or closing line, by its first character and its
/// words (`details`, `summary`, or a container's `:::`)?
fn fold_words(line: &str) -> bool {
    fold_shaped(line)
        && (line.contains("details")
            || line.contains("summary")
            || line.trim_start().starts_with(":::"))
}

/// Does this line open a fold without saying what it holds (`<details>`, or a summary such as
/// `点击查看答案`)? The question it answers is then the line above it.
#[must_use]
pub fn opens_unnamed_fold(line: &str) -> bool {
    if !fold_words(line) {
        return false;
    }
    // A fold line ([`is_fold_line`]) that closes nothing, its bold and breaks read away once.
    let t = fold_plain(line);
    (FOLD_START.is_match(&t) || FOLDED.is_match(&t))
        && !FOLD_END.is_match(&t)
        && !t.starts_with("</")
}

static FOLD_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^<details[^>]*>$").unwrap());

/// Does a fold open on this line (`<details>`, `<details><summary>…`, `{{< details "…" >}}`)?
#[must_use]
pub fn opens_fold(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("<details")
        || (t.starts_with('<') && t.contains("<details") && fold_plain(t).starts_with("<details"))
        || (t.starts_with(":::") && FOLDED.is_match(t))
        || t.strip_prefix("{{").is_some_and(|r| {
            r.trim_start_matches(['<', '%', ' ', '\t'])
                .starts_with("details")
        })
}

/// Does a fold close on this line (`</details>`, `{{< /details >}}`)?
#[must_use]
pub fn closes_fold(line: &str) -> bool {
    fold_words(line) && FOLD_END.is_match(&fold_plain(line))
}

/// Can the line be a fold's opening, summary or closing line? Each of those starts, after
/// spaces and tabs, with `<` (`<details>`, `<summary>`), `{` (`{{< details >}}`) or `:`
/// (`::: info …`, `:::`): one byte test spares most lines the search for their words.
fn fold_shaped(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .starts_with(['<', '{', ':'])
}

/// A summary that says the fold hides an answer (`<summary>查看答案</summary>`, `点击展开`,
/// `Show answer`).
#[must_use]
pub fn answer_summary(line: &str) -> bool {
    let Some(at) = line.find("<summary") else {
        return false;
    };
    let summary = line[at..].to_lowercase();
    [
        "答案", "解析", "解答", "查看", "展开", "点击", "answer", "solution", "show",
    ]
    .iter()
    .any(|w| summary.contains(w))
}

/// The words of `text` when it is one bold span and nothing else (`**三七互娱**`, or
/// `__三七互娱__`, bold too in Markdown): what stands between the marks, if something does and
/// it holds no other mark of the kind. `text` is read as given, not trimmed.
#[must_use]
pub fn bold_span(text: &str) -> Option<&str> {
    let (inner, after) = bold_lead(text)?;
    after.is_empty().then_some(inner)
}

/// The bold span that opens `text` and what follows it (`**面试官:** 你好` → `面试官:`,
/// ` 你好`): `**` or `__`, closed by the same mark, around something. Between underscores
/// the words must touch the marks (`__init__`'s mark, not `__ a __`), and be more than a rule.
#[must_use]
pub fn bold_lead(text: &str) -> Option<(&str, &str)> {
    let mark = if text.starts_with("**") {
        "**"
    } else if text.starts_with("__") {
        "__"
    } else {
        return None;
    };
    let rest = &text[2..];
    let end = if mark == "**" {
        // The closing mark is the last two stars of a run (`***a***` is a bold `*a*`,
        // `*****` a bold `*`).
        let k = rest.find("**")?;
        let run = rest[k..].len() - rest[k..].trim_start_matches('*').len();
        k + run - 2
    } else {
        rest.find("__")?
    };
    let inner = &rest[..end];
    let after = &rest[end + 2..];
    if inner.is_empty() {
        return None;
    }
    if mark == "__"
        && (inner.starts_with(char::is_whitespace)
            || inner.ends_with(char::is_whitespace)
            || inner.chars().all(|c| c == '_')
            || after.starts_with('_')
            || dunder(inner))
    {
        return None;
    }
    Some((inner, after))
}

/// The line without Markdown bold markers (`**`, and `__` around it), which people wrap
/// questions and numbers in.
#[must_use]
pub fn strip_emphasis(line: &str) -> std::borrow::Cow<'_, str> {
    let line = strip_leading_br(strip_trailing_br(line));
    // One pass over the bytes first: most lines hold no `<`, `[` or `*` at all.
    let marks = line.bytes().fold(0u8, |m, b| {
        m | match b {
            b'<' => 1,
            b'[' => 2,
            b'*' => 4,
            _ => 0,
        }
    });
    let html_emphasis = (marks & 1 != 0 && HTML_EMPHASIS.is_match(line))
        || (marks & 2 != 0 && line.contains("[](") && EMPTY_LINK.is_match(line));
    let double_star = marks & 4 != 0 && line.contains("**");
    if !double_star && !underscore_lead(line) && !html_emphasis {
        return italic_inner(line).map_or(std::borrow::Cow::Borrowed(line), |inner| {
            std::borrow::Cow::Borrowed(inner)
        });
    }
    let unbolded = if html_emphasis {
        let unlinked = EMPTY_LINK.replace_all(line, "$1");
        std::borrow::Cow::Owned(HTML_EMPHASIS.replace_all(&unlinked, "").into_owned())
    } else {
        std::borrow::Cow::Borrowed(line)
    };
    let unbolded = strip_trailing_br(&unbolded);
    let mut plain = unbolded.replace("**", "");
    // `__…__` around the words (`___` and `____` are rules, with trailing blanks too).
    let trimmed = plain.trim_end();
    if trimmed.starts_with("__")
        && trimmed.ends_with("__")
        && trimmed.len() > 4
        && !trimmed[2..trimmed.len() - 2].contains("__")
    {
        plain = trimmed[2..trimmed.len() - 2].to_owned();
    }
    if plain.contains("__") {
        let bold = UNDERSCORE_BOLD
            .captures(&plain)
            .filter(|c| !dunder(&c[2]))
            .map(|c| format!("{}{}{}", &c[1], &c[2], &plain[c[0].len() - c[3].len()..]));
        if let Some(bold) = bold {
            plain = bold;
        }
    }
    // Bold and italic at once (`**_什么是测试驱动开发(TDD)?_**`, `_**…**_`).
    if let Some(inner) = italic_inner(&plain) {
        plain = inner.to_owned();
    }
    std::borrow::Cow::Owned(plain)
}

/// Words between double underscores that name something in code (`__proto__`,
/// `__init__`, `__name__`): an ASCII identifier, not bold.
fn dunder(inner: &str) -> bool {
    inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Does `line` open with `__`, behind a quote or a bullet at most (`> __问：__ …`, `- __题目__`)?
/// Only there are underscores read as bold (see [`UNDERSCORE_BOLD`]).
fn underscore_lead(line: &str) -> bool {
    let t = line.trim_start_matches(['>', ' ', '\t']);
    let t = ["- ", "* ", "+ "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .map_or(t, |rest| rest.trim_start_matches([' ', '\t']));
    t.starts_with("__")
}

/// Bold written in underscores that opens a line, behind a quote or a bullet
/// (`> __问：__ …`, `__Q：…？__ A：…`, `- __题目__：`): words that touch the marks, and a blank,
/// a mark or the line's end after them, as Markdown reads bold. Further in, `__…__` is as often
/// a blank to fill (`特征包括__并发__，__共享__`) and is kept.
static UNDERSCORE_BOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:>[ \t]*)*(?:[-*+][ \t]+)?)__([^_\s](?:[^_]*[^_\s])?)__($|[\s\p{P}\p{S}--_])")
        .unwrap()
});

/// The words of a line in italics as a whole (`_什么是断言?_`, `*问题：…*`), without the marks;
/// a bullet (`* item`) or a mark inside (`_a_ and _b_`) is no such line.
fn italic_inner(line: &str) -> Option<&str> {
    let t = line.trim();
    let mark = t.chars().next().filter(|c| matches!(c, '_' | '*'))?;
    let inner = t.strip_prefix(mark)?.strip_suffix(mark)?;
    (!inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.contains(mark))
    .then_some(inner)
}

/// HTML bold tags (`<strong>1、MongoDB是什么？</strong>`): emphasis, as `**` is; so are the
/// colour and font tags that notes copied from a web page keep around a number or a word
/// (`<font style="color:rgb(62, 62, 62);">4、</font>…`, `1<span style="…">、</span>请问…`).
static HTML_EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:strong|b)>|<(?:font|span)\b[^<>]*>|</(?:font|span)>").unwrap()
});

/// A link with no words (`[](https://…/base.html#offer)`, a title allowed), the anchor a
/// documentation site puts before each heading: it shows nothing, as emphasis marks show
/// nothing. An image without words (`![](q1.png)`) is no such link: it shows the image.
static EMPTY_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(^|[^!])\[\]\([^()\s]*(?:\s+"[^"]*")?\)"#).unwrap());

/// The line without HTML line breaks at its start (`<br><strong>…`): a break before the text
/// only spaces it from the line above.
fn strip_leading_br(line: &str) -> &str {
    let mut t = line;
    loop {
        let s = t.trim_start_matches(' ');
        let next = ["<br>", "<br/>", "<br />", "<BR>"]
            .iter()
            .find_map(|br| s.strip_prefix(br));
        match next {
            Some(rest) => t = rest,
            None => return t,
        }
    }
}

/// The line without an HTML line break at its end (`6.关键字<br>`), or a Markdown hard break
/// (`时间线如下：\`).
fn strip_trailing_br(line: &str) -> &str {
    let t = line.trim_end();
    if let Some(rest) = t.strip_suffix('\\')
        && !rest.ends_with('\\')
    {
        return rest.trim_end();
    }
    for br in ["<br>", "<br/>", "<br />", "<BR>"] {
        if let Some(rest) = t.strip_suffix(br) {
            return rest.trim_end();
        }
    }
    line
}

/// The info of a line that opens a fenced block: a fence (see [`fence_info`]), or a fence that
/// opens a list item's code (```` - ``` ```` over `  git branch` and an indented fence), as
/// Markdown reads a list item holding a fenced block. Only a bare fence closes one.
#[must_use]
pub fn opening_fence_info(line: &str) -> Option<String> {
    fence_info(line).or_else(|| item_fence_column(line).and_then(|c| fence_info(&line[c..])))
}

/// Where the fence of a list item's line starts, behind its marker (```` - ``` ```` → 2,
/// ```` 10. ```bash ```` → 4); `None` for a line that is no such item, a plain fence included.
#[must_use]
pub fn item_fence_column(line: &str) -> Option<usize> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = if t.starts_with(['-', '*', '+']) {
        &t[1..]
    } else if (1..=3).contains(&digits) && t[digits..].starts_with(['.', ')']) {
        &t[digits + 1..]
    } else {
        return None;
    };
    let fence = rest.trim_start_matches(' ');
    (fence.len() < rest.len() && (fence.starts_with("```") || fence.starts_with("~~~")))
        .then(|| line.len() - fence.len())
}

/// The info string of a fence line (```` ```go ````), or `None` if the line is no fence.
#[must_use]
pub fn fence_info(line: &str) -> Option<String> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let fence = if t.starts_with("```") {
        '`'
    } else if t.starts_with("~~~") {
        '~'
    } else {
        return None;
    };
    let info = t.trim_start_matches(fence).trim();
    if fence == '`' && info.contains('`') {
        return None;
    }
    Some(info.split_whitespace().next().unwrap_or("").to_owned())
}

/// A number escaped the way Markdown exporters write it (`1\. 自我介绍`, `2\) …`): the
/// backslash only keeps a renderer from making a list, the line is numbered all the same.
fn unescape_number(line: &str) -> std::borrow::Cow<'_, str> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    if (1..=4).contains(&digits) && (rest.starts_with("\\.") || rest.starts_with("\\)")) {
        std::borrow::Cow::Owned(format!("{}{}", &line[..digits], &rest[1..]))
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// `<h3>标题</h3>`, `<h5 id='w1'>1. …</h5>` alone on a line, as the Markdown heading it
/// stands for (`##### 1. …`); `None` for any other line.
fn html_heading(line: &str) -> Option<String> {
    static HTML_HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^<h([1-6])(?:\s[^>]*)?>(.*?)</h([1-6])>$").unwrap());
    if !line.starts_with('<') {
        return None;
    }
    let c = HTML_HEADING.captures(line)?;
    let title = c[2].trim();
    (c[1] == c[3] && !title.is_empty() && !title.contains('<'))
        .then(|| format!("{} {title}", "#".repeat(c[1].parse().unwrap_or(1))))
}

fn heading(line: &str) -> Option<Heading> {
    // A Markdown heading may be indented by up to three spaces (` #### 01.…`); a lone `#`
    // indented is more likely a comment in unfenced code (`  # 计算`).
    let unindented = line.trim_start_matches(' ');
    let line = if line.len() - unindented.len() <= 3 && unindented.starts_with("##") {
        unindented
    } else {
        line
    };
    // Every heading form is recognisable by its first character; most lines are not headings.
    let first = line.chars().next()?;
    if !matches!(
        first,
        '#' | 'Q' | 'q' | '问' | '*' | '@' | '=' | '~' | '+' | '_' | '-' | '【' | '❓' | '❔'
    ) && !numbered_start(first)
    {
        return None;
    }
    // Each pattern below is anchored on its own first character: a byte test rules most
    // lines out before any regex runs.
    if first == '【'
        && let Some(c) = BRACKET_QUESTION.captures(line)
    {
        return Some(Heading::labelled(&c));
    }
    let glued = (first == '#')
        .then(|| GLUED_MARKDOWN.captures(line))
        .flatten();
    let glued_number = glued.is_some();
    if let Some(c) = (first == '#')
        .then(|| {
            MARKDOWN
                .captures(line)
                .or(glued)
                .or_else(|| GLUED_HAN_MARKDOWN.captures(line))
                .or_else(|| GLUED_LINK_MARKDOWN.captures(line))
        })
        .flatten()
    {
        let level = u8::try_from(c[1].len()).unwrap_or(6);
        let inner = heading_words(c.get(2).map_or("", |m| m.as_str()).trim());
        let inner = inner.as_ref();
        // A heading of nothing but an image (`## ![](https://…/a.png)`) names nothing: it is a
        // picture in the text it stands in.
        if super::blocks::image_only(inner) {
            return None;
        }
        let (number, value, mut title) = heading_number(inner, !glued_number);
        if let Some(unlabelled) = DOTTED_QUESTION
            .captures(&title)
            .map(|q| q[1].trim().to_owned())
            .or_else(|| QUESTION.captures(&title).map(|q| q[2].trim().to_owned()))
        {
            title = unlabelled;
        }
        if let Some(spoken) = quoted_whole(&title).map(str::to_owned) {
            title = spoken;
        }
        if glued_number && number.is_none() {
            return None;
        }
        return Some(Heading {
            style: Style::Markdown(level),
            number,
            value,
            title,
        });
    }
    if matches!(first, 'Q' | 'q' | '问' | '❓' | '❔')
        && let Some(c) = QUESTION.captures(line)
    {
        return Some(Heading::labelled(&c));
    }
    // A numbered bullet (`- 1,说说你的工作经历`) is numbered.
    if let Some(rest) = line
        .strip_prefix(['-', '*', '+'])
        .map(|r| r.trim_start_matches([' ', '\t']))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return numbered(rest);
    }
    if let Some(m) = matches!(first, '*' | '@' | '=' | '~' | '+' | '_' | '#')
        .then(|| DECORATION.captures(line))
        .flatten()
    {
        let start = m.get(1).map_or(0, |d| d.start());
        return numbered(&line[start..]);
    }
    numbered(line)
}

/// A Markdown heading's words without the markup around them: HTML anchors, an attribute
/// block, a link back to the contents, the address of a heading that is wholly a link.
fn heading_words(inner: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let unanchored = if inner.contains('<') {
        ANCHOR_TAG.replace_all(inner, "")
    } else {
        Cow::Borrowed(inner)
    };
    let unanchored = if unanchored.ends_with('}') {
        Cow::Owned(HEADING_ATTRIBUTES.replace(&unanchored, "").into_owned())
    } else {
        unanchored
    };
    // `[↑](#toc) 通用问题:`: the way back to the contents beside the words is no part of
    // them; a heading that is nothing but such a link keeps it.
    let inner = match NAV_LINK.replace_all(unanchored.trim(), "") {
        Cow::Owned(rest) if !rest.trim().is_empty() => rest.trim().to_owned(),
        _ => unanchored.trim().to_owned(),
    };
    // `### [3、进程间怎么通信？](https://…)`: a heading that is wholly a link asks what its
    // text says; the address is where the page came from.
    if inner.starts_with('[')
        && inner.ends_with(')')
        && let Some(text) = WHOLE_LINK.captures(&inner).and_then(|c| c.get(1))
    {
        return Cow::Owned(text.as_str().trim().to_owned());
    }
    Cow::Owned(inner)
}

/// A heading's text wholly in quotation marks (`### Q2: "What problem does it solve?"`,
/// `### “为什么用 Redis？”`) is the question as it is put: the marks are no part of it.
fn quoted_whole(title: &str) -> Option<&str> {
    const PAIRS: [(char, char); 4] = [('"', '"'), ('“', '”'), ('「', '」'), ('『', '』')];
    let t = title.trim();
    PAIRS.iter().find_map(|&(open, close)| {
        let inner = t.strip_prefix(open)?.strip_suffix(close)?.trim();
        (!inner.is_empty() && !inner.contains([open, close])).then_some(inner)
    })
}

/// Measure words: a number in front of one counts something (`3-5 年`, `10 个`), it numbers
/// nothing. Only words that rarely open a topic themselves (`分布式`, `点击`, `日志` do).
const COUNTED: &[&str] = &["个", "种", "年", "天", "倍", "道", "分钟", "小时"];

/// The number a Markdown heading's text starts with, its value and the text after it.
/// `spaced`: the `#`s have a space after them, so a number glued to the words (`### 1.1我是谁`)
/// is still read as the heading's (`##1.5倍` is no heading at all).
fn heading_number(inner: &str, spaced: bool) -> (Option<String>, Option<u32>, String) {
    match numbered(inner) {
        Some(h) => (h.number, h.value, h.title),
        // In a heading a bare `1.24 ` is a number too.
        None => match HEADING_NUMBER
            .captures(inner)
            .or_else(|| {
                spaced
                    .then(|| GLUED_HEADING_NUMBER.captures(inner))
                    .flatten()
            })
            // `## 3-5 年经验常问的问题`, `## 10 个必会的算法`: a count or range of something.
            .filter(|c| !COUNTED.iter().any(|w| c[2].starts_with(w)))
        {
            Some(c) => (
                Some(c[1].to_owned()),
                c[1].rsplit(['.', '-']).next().and_then(|v| v.parse().ok()),
                c[2].to_owned(),
            ),
            // `#### 4` over its question: a heading that is only a number numbers it.
            None if (1..=3).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit()) => {
                (Some(inner.to_owned()), inner.parse().ok(), String::new())
            }
            None => (None, None, inner.to_owned()),
        },
    }
}

/// Can a numbered heading start with this character (a digit, a Chinese numeral, `第`, `(`)?
fn numbered_start(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '(' | '（' | '第')
        || chinese_digit(c).is_some()
        || matches!(c, '十' | '百' | '千')
}

fn numbered(line: &str) -> Option<Heading> {
    if !line.chars().next().is_some_and(numbered_start) {
        return None;
    }
    // A Chinese numeral or `第` opens only the Chinese forms; a digit or bracket only the others.
    if !line.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '（')) {
        if let Some(c) = line
            .starts_with('第')
            .then(|| ORDINAL.captures(line))
            .flatten()
        {
            return Some(Heading::numbered(Style::Arabic, &c[1], &c[2]));
        }
        let c = CHINESE.captures(line)?;
        return Some(Heading {
            style: Style::Chinese,
            number: Some(c[2].to_owned()),
            value: chinese_value(&c[2]),
            title: c[3].trim().to_owned(),
        });
    }
    // Past the gate above a line starts with a digit or a bracket.
    let digits = line.starts_with(|c: char| c.is_ascii_digit());
    // A dotted number has a dot with a digit after it.
    let dotted = line
        .match_indices('.')
        .any(|(at, _)| line[at + 1..].starts_with(char::is_numeric));
    if let Some(c) = dotted.then(|| DOTTED.captures(line)).flatten() {
        let number = c[1].to_owned();
        return Some(Heading {
            style: Style::Dotted,
            value: number.rsplit('.').next().and_then(|v| v.parse().ok()),
            number: Some(number),
            title: c[2].trim().to_owned(),
        });
    }
    if let Some(c) = digits.then(|| ARABIC.captures(line)).flatten() {
        let rest = &c[3];
        // `1.5倍` is a decimal, `3.14` too; `1.` then text is a number, and so is `9. 301 和
        // 302有什么区别？`: a dot with a blank after it ends the number.
        let spaced_dot = c[2] == *"." && {
            let after = line[c[1].len()..].trim_start_matches([' ', '\t', '\u{3000}']);
            after[1..].starts_with([' ', '\t', '\u{3000}'])
        };
        let decimal = matches!(&c[2], "." | "，" | ",")
            && rest.starts_with(|ch: char| ch.is_ascii_digit())
            && !spaced_dot;
        // `1...`, `2. ...` trail off; `42. .call() 和 .apply() 的区别？` names a method.
        let ellipsis =
            rest.starts_with('.') && !rest[1..].starts_with(|ch: char| ch.is_ascii_alphabetic());
        // `16、32` (or `16. 32`): the tail of a list of numbers wrapped onto the line
        // (`…为1、2、4、8、` / `16、32`), no item numbered 16.
        let numbers = matches!(&c[2], "、" | "." | "．")
            && rest.starts_with(|ch: char| ch.is_ascii_digit())
            && rest
                .chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '、' | '，' | ',' | ' ' | '。'));
        if !decimal && !ellipsis && !numbers {
            return Some(Heading::numbered(Style::Arabic, &c[1], rest));
        }
    }
    if let Some(c) = (!digits).then(|| PAREN.captures(line)).flatten() {
        return Some(Heading::numbered(Style::Paren, &c[1], &c[2]));
    }
    if let Some(c) = digits.then(|| HALF_PAREN.captures(line)).flatten() {
        return Some(Heading::numbered(Style::HalfParen, &c[1], &c[2]));
    }
    // Without a separator only a question counts (`1 Kafka怎么…？`, not `3 个参数`): it must
    // start with a letter that is no measure word (after an opening quote, if any) and contain
    // a question mark.
    if let Some(c) = digits.then(|| SPACED_NUMBER.captures(line)).flatten() {
        let title = c[2].trim();
        let first = title.chars().next().unwrap_or(' ');
        // A quoted name may open the question (`13 “#!/bin/bash”的作用 ?`), and so may an
        // exam's blank for the answer (`1 (  )在Arduino的程式中…應以何符號標示?`).
        let quoted = title.starts_with(['“', '「', '《', '『']) || answer_blank(title);
        let asks_here = title.contains(['？', '?']) && !title.ends_with(['。', '；', '，']);
        if asks_here
            && (quoted
                || (first.is_alphabetic() && !"个只次条种位年月日号天秒倍层步点".contains(first)))
        {
            return Some(Heading::numbered(Style::Arabic, &c[1], title));
        }
    }
    None
}

/// Does `title` open with an exam's empty brackets for the answer (`(  )`, `（ ）`) and go on
/// with words?
fn answer_blank(title: &str) -> bool {
    title
        .strip_prefix(['(', '（'])
        .map(|rest| rest.trim_start_matches([' ', '\u{3000}']))
        .and_then(|rest| rest.strip_prefix([')', '）']))
        .is_some_and(|rest| rest.trim_start().starts_with(char::is_alphabetic))
}

/// The value of a Chinese numeral up to 9999 (`十二` = 12, `二十` = 20, `一百零五` = 105,
/// `二千五百` = 2500).
#[must_use]
pub fn chinese_value(numeral: &str) -> Option<u32> {
    let digit = chinese_digit;
    let mut total = 0u32;
    let mut current = 0u32;
    let mut any = false;
    for c in numeral.chars() {
        match c {
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            '千' => {
                total += current.max(1) * 1000;
                current = 0;
            }
            _ => current = digit(c)?,
        }
        any = true;
    }
    any.then_some(total + current)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_span_is_one_span_and_nothing_else() {
        assert_eq!(bold_span("**三七互娱**"), Some("三七互娱"));
        assert_eq!(bold_span("__三七互娱__"), Some("三七互娱"));
        assert_eq!(bold_span("***斜体***"), Some("*斜体*"));
        assert_eq!(bold_span("__ a __"), None);
        assert_eq!(bold_span("______"), None);
        assert_eq!(bold_span("__a__b__"), None);
        assert_eq!(bold_lead("**面试官:** 你好"), Some(("面试官:", " 你好")));
        assert_eq!(bold_lead("__面试官:__ 你好"), Some(("面试官:", " 你好")));
        assert_eq!(bold_span("*****"), Some("*"));
        assert_eq!(bold_span("****"), None);
        assert_eq!(bold_span("***"), None);
        assert_eq!(bold_span("**a** 和 **b**"), None);
        assert_eq!(bold_span(" **a**"), None);
        assert_eq!(bold_span("**a**："), None);
    }

    #[test]
    fn strip_emphasis_reads_underscore_rules_with_trailing_blanks() {
        assert_eq!(strip_emphasis("___  "), "___  ");
        assert_eq!(strip_emphasis("____ "), "____ ");
        assert_eq!(strip_emphasis("__加粗的问题__  "), "加粗的问题");
    }

    /// Every line of a file has a `Kind`, all held while it is parsed: keep it small.
    #[test]
    fn kinds_stay_small() {
        assert_eq!(std::mem::size_of::<Kind>(), 16);
        assert_eq!(std::mem::size_of::<crate::parse::Ln<'_>>(), 40);
        let fence = Kind::Fence { info: "".into() };
        assert!(matches!(&fence, Kind::Fence { info } if info.is_empty()));
        assert_eq!(&*LineText::from("go".to_owned()), "go");
        let marker = MarkerText::new("答案", "");
        assert_eq!((marker.label(), marker.rest()), ("答案", ""));
        assert_eq!(MarkerText::new("", ""), MarkerText::default());
    }

    fn h(line: &str) -> Heading {
        match classify(line) {
            Kind::Heading(h) => *h,
            other => panic!("{line:?} is {other:?}"),
        }
    }

    #[test]
    fn numbering_styles() {
        assert_eq!(h("1. make与new的区别").title, "make与new的区别");
        assert_eq!(h("5、简述channel").number.as_deref(), Some("5"));
        assert_eq!(h("4.  这段代码会输出什么？").title, "这段代码会输出什么？");
        assert_eq!(h("一、TCP和UDP的区别").style, Style::Chinese);
        assert_eq!(h("二。sass与less区别：").title, "sass与less区别：");
        assert_eq!(h("1，变量符不一样").value, Some(1));
        assert_eq!(h("- 1,说说你的工作经历").title, "说说你的工作经历");
        assert_eq!(h("6.关键字<br>").title, "关键字");
        assert_eq!(h("问题； for range").title, "for range");
        assert_eq!(h("（1）问题").style, Style::Paren);
        assert_eq!(h("(2) 问题").value, Some(2));
        assert_eq!(h("1）问题").style, Style::HalfParen);
        assert_eq!(h("1))、问题").style, Style::HalfParen);
        assert_eq!(h("Q: what").style, Style::Question);
        assert_eq!(h("Question: What is a pod?").title, "What is a pod?");
        assert_eq!(h("#### 4").number.as_deref(), Some("4"));
        let linked = h("### [3、进程间怎么通信？](https://example.com/a.md)  ");
        assert_eq!(
            (linked.number.as_deref(), linked.title.as_str()),
            (Some("3"), "进程间怎么通信？")
        );
        assert_eq!(h("问：什么").title, "什么");
        assert_eq!(h("### 1、什么是协程").style, Style::Markdown(3));
        assert_eq!(h("### 1、什么是协程").title, "什么是协程");
        assert_eq!(h("## 1.24 go语言常用包").number.as_deref(), Some("1.24"));
        assert_eq!(h("****1. 装饰").title, "装饰");
        assert_eq!(h("7、orm ").title, "orm");
        assert_eq!(h("61、").title, "");
        assert_eq!(h("**1. 加粗的问题**").title, "加粗的问题");
        assert_eq!(h("**Q：怎么包装错误？**").title, "怎么包装错误？");
        assert_eq!(h("Q1: 什么是协程").value, Some(1));
        assert_eq!(h("1.1、什么是协程").style, Style::Dotted);
        assert_eq!(h("2.3.1. 什么是协程").number.as_deref(), Some("2.3.1"));
        assert_eq!(h("###1. 区分RealDOM").style, Style::Markdown(3));
        assert_eq!(h("###30 什么是高阶组件").title, "什么是高阶组件");
        assert_eq!(h("【问题】什么是协程？").style, Style::Question);
        assert_eq!(h("第3题：GMP 模型").value, Some(3));
        assert_eq!(h("第三题：GMP 模型").style, Style::Chinese);
        assert_eq!(h("1 (  )在Arduino的程式中，應以何符號標示?").value, Some(1));
        assert_eq!(
            h("9. 301 和 302有什么区别？").title,
            "301 和 302有什么区别？"
        );
        assert_eq!(h("11. 1条message中包含哪些信息").value, Some(11));
        // A title may open with a method name; `1...` still trails off (see `not_headings`).
        assert_eq!(
            h("42. .call() 和 .apply() 的区别？").title,
            ".call() 和 .apply() 的区别？"
        );
    }

    #[test]
    fn not_headings() {
        for line in [
            "1.5倍的扩容",
            "3.14",
            "  1. 缩进的是子项",
            "channel使用场景： 1. 需要协程通信时",
            "一般来说",
            ".插入",
            "1...",
            "2. ...",
            "1.5 倍",
            "3.14是圆周率",
            "#include <stdio.h>",
            "##1.5倍",
        ] {
            assert!(!matches!(classify(line), Kind::Heading(_)), "{line}");
        }
    }

    #[test]
    fn markers() {
        assert_eq!(
            classify("答案：不会报错"),
            Kind::Marker {
                text: MarkerText::new("答案", "不会报错"),
                answer: true
            }
        );
        assert!(matches!(
            classify("注：x"),
            Kind::Marker { answer: false, .. }
        ));
        assert!(matches!(
            classify("A1: 用户态的轻量级线程"),
            Kind::Marker { answer: true, .. }
        ));
        assert!(matches!(
            classify("【解析】协程之间的管道"),
            Kind::Marker { answer: true, .. }
        ));
        assert!(matches!(classify("Apple: 一家公司"), Kind::Text));
        assert!(matches!(
            classify("说明：x"),
            Kind::Marker { answer: false, .. }
        ));
        assert!(matches!(
            classify("### 答案"),
            Kind::Marker { answer: true, .. }
        ));
        assert!(matches!(
            classify("#### 答案："),
            Kind::Marker { answer: true, .. }
        ));
        for label in [
            "#### LICSLAN回答: ",
            "### 小王的回答",
            "### Answer:",
            "### Q1解析",
        ] {
            assert!(
                matches!(classify(label), Kind::Marker { answer: true, .. }),
                "{label}"
            );
        }
        for heading in [
            "### 操作系统问答",
            "### 如何回答",
            "##### updateStateByKey解析",
            "### HashMap解答",
        ] {
            assert!(matches!(classify(heading), Kind::Heading(_)), "{heading}");
        }
    }

    #[test]
    fn loosely_typed_headings_and_escaped_numbers() {
        assert_eq!(h("1\\. 自我介绍\\").title, "自我介绍");
        assert_eq!(h("12\\. Java线程池").value, Some(12));
        assert_eq!(h("####面试题一").style, Style::Markdown(4));
        assert_eq!(h("##call和apply的区别").title, "call和apply的区别");
        assert_eq!(h("##bind 与call的差别").style, Style::Markdown(2));
        assert_eq!(h(" #### 01.以下代码").value, Some(1));
        assert_eq!(h("## <a name='toc'>目录</a>").title, "目录");
        let html = h("<h5 id='w2'>2. 简述微信小程序原理</h5>");
        assert_eq!(
            (html.style, html.value, html.title.as_str()),
            (Style::Markdown(5), Some(2), "简述微信小程序原理")
        );
        assert_eq!(h("<H1>目录</H1>").style, Style::Markdown(1));
        assert!(matches!(classify("<h2>a</h3>"), Kind::Text));
        assert!(matches!(classify("<h2><img src='x.png'></h2>"), Kind::Text));
        assert_eq!(
            h("####[[↑]](#toc) <a name='g'>通用问题:</a>").title,
            "通用问题:"
        );
        assert_eq!(h("## 常见问题 [回到顶部](#top)").title, "常见问题");
        assert_eq!(h("### [3、进程间怎么通信？](#q3)").value, Some(3));
        assert_eq!(
            h("### Question 1.1: Design a crawler").title,
            "Design a crawler"
        );
        assert!(!matches!(classify("##[目录]"), Kind::Heading(_)));
        assert_eq!(h("### 什么是协程？ {#coroutine}").title, "什么是协程？");
        assert_eq!(h("## <span id=\"q\">为什么</span>").title, "为什么");
        for line in [
            "#include <stdio.h>",
            "#标签",
            "##__VA_ARGS__",
            "##define x 1",
            "## ![](https://example.com/a.png \"图片描述\")",
            "    # 注释",
            "  # 计算",
            "a\\. b",
        ] {
            assert!(!matches!(classify(line), Kind::Heading(_)), "{line}");
        }
    }

    #[test]
    fn contents_links_and_spaced_numbers() {
        assert_eq!(classify("1. [Java 基础](#1-java-基础)"), Kind::Text);
        assert_eq!(h("1 Kafka怎么保证高可用？（作业）<br>").value, Some(1));
        for line in ["3 个参数可选吗？", "1 + 2 == 3?", "2 Kafka 的分区"] {
            assert!(!matches!(classify(line), Kind::Heading(_)), "{line}");
        }
    }

    #[test]
    fn folded_answers() {
        assert_eq!(
            h(r#"{{< details "索引有哪些类型？" >}}"#).title,
            "索引有哪些类型？"
        );
        assert_eq!(
            h("<details><summary>什么是 MVCC？</summary>").style,
            Style::Question
        );
        assert_eq!(classify("<summary>点击查看答案</summary>"), Kind::Text);
        for fold in [
            "{{< /details >}}",
            "</details>",
            "<details>",
            "<summary>展开</summary>",
        ] {
            assert!(is_fold_line(fold), "{fold}");
        }
    }

    #[test]
    fn emphasis_around_a_whole_line() {
        assert_eq!(strip_emphasis("**_什么是断言?_**"), "什么是断言?");
        assert_eq!(strip_emphasis("> __问：__ 为什么？"), "> 问： 为什么？");
        assert_eq!(
            strip_emphasis("__Q：为什么？__ A：因为"),
            "Q：为什么？ A：因为"
        );
        assert_eq!(
            strip_emphasis("特征包括__并发__，__共享__"),
            "特征包括__并发__，__共享__"
        );
        assert_eq!(strip_emphasis("__并发__是特征"), "__并发__是特征");
        assert_eq!(
            strip_emphasis("__proto__ 和 prototype 的区别？"),
            "__proto__ 和 prototype 的区别？"
        );
        assert_eq!(bold_span("__init__"), None);
        assert_eq!(
            strip_emphasis("### 1. 输出什么？![](https://img/q1.png)"),
            "### 1. 输出什么？![](https://img/q1.png)"
        );
        assert_eq!(
            strip_emphasis("## [](https://a.net/#why \"为什么离职\")为什么从上家公司离职?"),
            "## 为什么从上家公司离职?"
        );
        assert_eq!(
            strip_emphasis("[](https://a.net/base.html#offer)<font style=\"c\">你有offer吗</font>"),
            "你有offer吗"
        );
        assert_eq!(
            strip_emphasis("什么是__init__方法？"),
            "什么是__init__方法？"
        );
        assert_eq!(strip_emphasis("_**什么是断言?**_"), "什么是断言?");
        assert_eq!(strip_emphasis("*问题：为什么？*"), "问题：为什么？");
        assert_eq!(
            strip_emphasis("<font color=red>4、</font>什么是协程"),
            "4、什么是协程"
        );
        // A bullet, or italics inside the line, stay as typed.
        assert_eq!(strip_emphasis("* 一个要点 *"), "* 一个要点 *");
        assert_eq!(strip_emphasis("_a_ 和 _b_"), "_a_ 和 _b_");
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_value("一"), Some(1));
        assert_eq!(chinese_value("十"), Some(10));
        assert_eq!(chinese_value("十二"), Some(12));
        assert_eq!(chinese_value("二十三"), Some(23));
        assert_eq!(chinese_value("一百零五"), Some(105));
        assert_eq!(chinese_value("二千五百"), Some(2500));
        assert_eq!(chinese_value("一千零一"), Some(1001));
    }

    #[test]
    fn fences() {
        assert_eq!(fence_info("```go"), Some("go".into()));
        assert_eq!(fence_info("~~~"), Some(String::new()));
        assert_eq!(fence_info("`code`"), None);
        assert_eq!(fence_info("- ```"), None);
        assert_eq!(opening_fence_info("- ```"), Some(String::new()));
        assert_eq!(opening_fence_info("1. ```go"), Some("go".into()));
        assert_eq!(opening_fence_info("-```"), None);
        assert_eq!(opening_fence_info("- ```a``` b"), None);
    }
}
