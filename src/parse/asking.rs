//! Does a title or line ask? The question vocabulary (interrogatives, requests, the words of
//! interview rounds and collections), question marks, remarks in brackets, answers written on
//! the question's line, and titles that name or announce a question.

use super::{code, line};

const QUESTION_WORDS: &[&str] = &[
    "什么",
    "如何",
    "怎么",
    "怎样",
    "为什么",
    "为何",
    "哪些",
    "哪个",
    "哪种",
    "是否",
    "区别",
    "异同",
    "联系",
    "多少",
    "能否",
    "可否",
    "描述",
    "理解",
    "对比",
    "比较",
    "原理",
    "作用",
    "输出",
    "场景",
    "吗",
    "呢",
    // The same words in traditional characters (notes from Taiwan and Hong Kong).
    "甚麼",
    "異同",
    "什麼",
    "怎麼",
    "怎樣",
    "為什麼",
    "為何",
    "哪個",
    "哪種",
    "區別",
    "聯繫",
    "對比",
    "比較",
    "輸出",
    "場景",
    "嗎",
];

/// Interrogatives that make a line a question on their own; `question_like` also accepts
/// words that mark a topic (`原理`, `作用`), too weak to tell a question from a step.
const INTERROGATIVES: &[&str] = &[
    "什么",
    "几种",
    "哪几",
    "几个",
    "为什么",
    "为何",
    "如何",
    "怎么",
    "怎样",
    "哪些",
    "区别",
    "异同",
    "吗",
    "呢",
    // In traditional characters, and `何者` (`下列何者…`, which of these).
    "甚麼",
    "異同",
    "什麼",
    "幾種",
    "哪幾",
    "幾個",
    "為什麼",
    "為何",
    "怎麼",
    "怎樣",
    "區別",
    "嗎",
    "何者",
];

/// Requests that are question words too (`简述…`, `介绍一下…`): in both [`QUESTION_WORDS`] and
/// [`REQUESTS`].
const ASKING_REQUESTS: &[&str] = &[
    "简述", "简要", "说说", "谈谈", "介绍", "解释", "簡述", "簡要", "說說", "談談", "介紹", "解釋",
];

/// Requests that make a line a question (`简述…`, `举例…`), though they also name documents
/// (`技术点讲解`), so they never make a heading ask on their own.
const REQUESTS: &[&str] = &[
    "举例",
    "讲解",
    "讲讲",
    "列举",
    "画出",
    "写出",
    "阐述",
    "概述",
    "论述",
    "聊聊",
    "说一下",
    "说一说",
    "给出",
    "写一个",
    "设计一个",
    "实现一个",
    "描述",
    // In traditional characters.
    "給出",
    "舉例",
    "講解",
    "講講",
    "列舉",
    "畫出",
    "寫出",
    "闡述",
    "論述",
    "說一下",
    "說一說",
    "寫一個",
    "設計一個",
    "實現一個",
];

/// Headings over a list of interview questions (`### 二面` then `* 接雨水`): its bullets are
/// questions even without question marks.
pub(super) const INTERVIEW_ROUNDS: &[&str] = &[
    "面试题",
    "一面",
    "二面",
    "三面",
    "四面",
    "1面",
    "2面",
    "3面",
    "4面",
    "HR面",
    "hr面",
    "终面",
    "笔试",
    "题目",
    "面经",
    // In traditional characters.
    "面試題",
    "筆試",
    "題目",
    "面經",
];

/// Does a heading name an interview round or a log of them (`3.18 一面`, `HR面`, `字节面经`: the
/// words of [`INTERVIEW_ROUNDS`] that end in `面`, and `面经`)? Not a question collection
/// (`Java面试题`), whose topic headings may hold answer notes.
pub(super) fn names_round(title: &str) -> bool {
    INTERVIEW_ROUNDS
        .iter()
        .filter(|w| w.ends_with('面') || **w == "面经")
        .any(|w| title.contains(w))
}

/// Words that name a collection of questions: a heading holding them groups.
pub(super) const COLLECTION_WORDS: &[&str] = &[
    "面试",
    "一面",
    "二面",
    "三面",
    "终面",
    "笔试",
    "面试题",
    "笔记",
    "总结",
    "汇总",
    "合集",
    "题目",
    "专题",
    "题库",
    "问题集",
    "常见问题",
    "面经",
    // In traditional characters.
    "面試",
    "筆試",
    "面試題",
    "筆記",
    "總結",
    "匯總",
    "彙總",
    "題目",
    "專題",
    "題庫",
    "問題集",
    "常見問題",
    "面經",
];

/// Words, in English, that name a collection of questions (the Chinese ones are
/// [`COLLECTION_WORDS`]).
pub(super) const ENGLISH_COLLECTION_WORDS: &[&str] = &["questions", "interview", "faq", "q&a"];

/// Does this title name a collection of questions, in Chinese (`面试题汇总`) or in English
/// (`HTTP Questions`, any case)?
pub(super) fn names_collection(title: &str) -> bool {
    COLLECTION_WORDS.iter().any(|w| title.contains(w))
        || {
            let lower = title.to_lowercase();
            ENGLISH_COLLECTION_WORDS.iter().any(|w| lower.contains(w))
        }
        || question_type(title)
}

/// Kinds of exercise a set of questions is made of (`填空题`, `问答题`, `可选练习题`).
const QUESTION_TYPES: &[&str] = &[
    "填空题",
    "选择题",
    "单选题",
    "多选题",
    "判断题",
    "问答题",
    "简答题",
    "论述题",
    "思考题",
    "练习题",
    "编程题",
    "算法题",
    "习题",
];

/// Kinds of exercise that also name a problem's subject or a way to solve it (`设计题：秒杀系统`,
/// `计算题解题套路`, `秒杀系统设计题`): they name a set of questions only where they close the
/// title, after a number or a name set apart by a space at most (`### 2. 应用题`, `## 二、名词
/// 解释：`, `软件工程 计算题`; see [`closing_question_type`]).
const CLOSING_QUESTION_TYPES: &[&str] = &[
    "应用题",
    "计算题",
    "综合题",
    "分析题",
    "设计题",
    "证明题",
    "名词解释",
];

/// A short title naming a kind of exercise (`### 填空题`, `## 可选练习题`, `二、简答题（每题5分）`):
/// the questions of that kind are under it. One that asks (`选择题怎么做？`) is a question.
pub(super) fn question_type(title: &str) -> bool {
    let t = title.trim();
    let named = t.chars().count() <= 16
        && (QUESTION_TYPES.iter().any(|w| t.contains(w)) || closing_question_type(t))
        && !asks_plainly(t);
    named || scored_per_question(t)
}

/// Does a title close with one of [`CLOSING_QUESTION_TYPES`], after nothing but a number (`2.
/// 应用题`, `二、名词解释：`) or a name set apart by a space (`软件工程 计算题`)? Not after words
/// run into it (`秒杀系统设计题`: one problem).
fn closing_question_type(title: &str) -> bool {
    let closed = title.trim_end_matches([':', '：', ' ']);
    CLOSING_QUESTION_TYPES.iter().any(|w| {
        closed.strip_suffix(w).is_some_and(|before| {
            let before = before.trim_start_matches(|c: char| {
                c.is_ascii_digit()
                    || "一二三四五六七八九十".contains(c)
                    || c.is_ascii_punctuation()
                    || "、．。：（）".contains(c)
                    || c.is_whitespace()
            });
            before.is_empty() || before.ends_with([' ', '\u{3000}'])
        })
    })
}

/// A short title with a remark that scores each of its questions (`基本查询和子查询（每题5分，
/// 共35分）`, `窗口函数(每小题10分)`, `基本概念【每题5分】`, `基本查询 每题5分，共10分`,
/// `基本查詢（每題5分）`): an exam part; its items are the questions.
fn scored_per_question(title: &str) -> bool {
    if !title.contains('每') {
        return false;
    }
    let Some(m) = SCORE_REMARK.find(title) else {
        return false;
    };
    let rest = &title[..m.start()];
    rest.chars().count() <= 16 && !rest.trim().is_empty() && !asks_plainly(rest)
}

/// A remark at a title's end that scores each question (`（每题5分，共35分）`, ` 每小题10分`).
static SCORE_REMARK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:[（(【]|\s)\s*每小?[题題]\s*(?:\d+|[一二三四五六七八九十]+)\s*分[^（）()【】]*[）)】]?\s*$",
    )
    .unwrap()
});

/// Does the text hold a question mark outside its web addresses? A link's query
/// (`[List 集合就这么简单](https://mp.weixin.qq.com/s?__biz=…)`) asks nothing; a full-width `？`
/// is never part of an address.
#[must_use]
pub fn has_question_mark(text: &str) -> bool {
    if text.contains('？') {
        return true;
    }
    let mut rest = text;
    while let Some(k) = rest.find('?') {
        let before = &rest[..k];
        // Inside an address: `://` since the last white space, bracket or Chinese punctuation,
        // any of which ends one.
        let open = before
            .rfind([
                ' ', '\t', '(', ')', '<', '>', '[', ']', '"', '（', '）', '，', '。', '：', '；',
            ])
            .map_or(before, |b| &before[b..]);
        if !open.contains("://") {
            return true;
        }
        rest = &rest[k + 1..];
    }
    false
}

/// Does `text` ask by a question mark or an interrogative word?
fn asks_plainly(text: &str) -> bool {
    interrogative(text) || text.trim_end().ends_with(['?', '？'])
}

/// Does this title clearly ask something: an interrogative, a request (`简述…`), an exercise's
/// tag, the label `面试题：`, or a blank left for its answer?
#[must_use]
pub fn asks(title: &str) -> bool {
    interrogative(title)
        || {
            let part = asking_part(title);
            // The term of a definition (`介绍：b = a，…`) has its colon after it.
            let term = part.len() < title.trim().len();
            requests(part, term) || TRY_REQUEST_RE.is_match(part)
        }
        || exercise_tagged(title)
        || interview_labelled(title)
        || holds_answer_blank(title)
}

/// Does the line leave a blank for the answer, as an exam item does (`目录etc/dev主要用于存放
/// （    ）。`, `TCP 建立连接要 ____ 次握手`)? Empty brackets with spaces inside, or four
/// underscores or more amid words: after a space or a Chinese character, not after a label's
/// colon (`整理人：________`) or a name (`abc_____`), nor before a date's `年`/`月`/`日`.
fn holds_answer_blank(text: &str) -> bool {
    let spaced_brackets = |open: char, close: char, least: usize| {
        text.match_indices(open).any(|(at, _)| {
            let rest = &text[at + open.len_utf8()..];
            let inner = rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len();
            rest[inner..].starts_with(close) && rest[..inner].chars().count() >= least
        })
    };
    spaced_brackets('（', '）', 1) || spaced_brackets('(', ')', 2) || underscore_blank(text)
}

/// A run of four underscores or more set in words as a blank (see [`holds_answer_blank`]).
fn underscore_blank(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let is_underscore = |c: char| c == '_' || c == '＿';
    let mut k = 0;
    while k < chars.len() {
        if !is_underscore(chars[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && is_underscore(chars[k]) {
            k += 1;
        }
        let before = start.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(k).copied();
        let set_in = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || code::is_han(c));
        if k - start >= 4
            && (before.is_some() || after.is_some())
            && set_in(before)
            && after.is_none_or(|c| !matches!(c, '年' | '月' | '日'))
            && (set_in(after) || after.is_some_and(|c| "，。？?、；）)".contains(c)))
        {
            return true;
        }
    }
    false
}

/// Does a heading leave blanks for its answers in empty brackets (`1、设计现代OS的主要目标是
/// （）和（）`)? Not after a name (`run（）方法`, a call typed with Chinese brackets). Asked of
/// headings only: in a line of prose, `调用函数要带（）` talks about brackets.
pub(super) fn empty_brackets_blank(title: &str) -> bool {
    title.match_indices("（）").any(|(at, _)| {
        !title[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Is the title labelled an interview question (`面试题：Linux内核了解多少`)? What follows the
/// label is asked, however it is worded.
fn interview_labelled(title: &str) -> bool {
    title
        .trim_start()
        .strip_prefix("面试题")
        .and_then(|rest| rest.strip_prefix(['：', ':']))
        .is_some_and(|rest| {
            let rest = rest.trim();
            // `面试题：暂无，二面只聊了项目` says there were none (not `无锁队列如何实现`).
            let none = ["暂无", "无", "没有"].iter().any(|w| {
                rest.strip_prefix(w)
                    .is_some_and(|r| r.is_empty() || r.starts_with(['，', ',', '。', '；']))
            });
            !rest.is_empty() && !none
        })
}

/// A kind of exercise in brackets, then what it asks (`(单选)决策树对连续值特征…的最大问题是`,
/// `01 （简答）简述 K折交叉验证`, `【判断题】…`): a question, whatever its words.
static EXERCISE_TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:\d{1,3}[.、)）]?[ \t]*)?[(（【\[][ \t]*(?:单选|多选|不定项选择|不定项|选择|判断|填空|简答|问答|论述|编程)题?[ \t]*[)）】\]][ \t]*\S.",
    )
    .unwrap()
});

/// Does `title` open with a bracketed kind of exercise before its words ([`EXERCISE_TAG`])?
pub(super) fn exercise_tagged(title: &str) -> bool {
    let t = title.trim_start();
    t.contains(['(', '（', '【', '[']) && EXERCISE_TAG.is_match(t)
}

/// The part of a line whose words can make it ask. A definition (`初始级：软件过程无序，结果
/// 如何不确定。`) states a term and explains it: a question word inside the explanation asks
/// nothing, so only the term counts. A question mark anywhere still asks, and so does a rest
/// that opens with a request or question word (`Java编程：请写出代码…。`): a label over a question.
fn asking_part(title: &str) -> &str {
    let t = title.trim();
    let Some(colon) = t.find(['：', ':']) else {
        return t;
    };
    let (term, rest) = t.split_at(colon);
    let rest = rest[rest.chars().next().map_or(0, char::len_utf8)..].trim();
    let explains = rest.contains(['，', '。', '；']) || rest.ends_with(['。', '；', ';', '.']);
    let opens_asking = rest.starts_with('请')
        || [&*REQUEST_RE, &*INTERROGATIVE_RE]
            .iter()
            .any(|re| re.find(rest).is_some_and(|m| m.start() == 0));
    if term.trim().is_empty() || !explains || opens_asking {
        t
    } else {
        term
    }
}

/// Does `text` hold a request word (`讲讲`, `介绍一下`)? Not one that labels what follows (see
/// [`labels_after`]), nor one that ends a definition's term (`colon_after`: `介绍：b = a，…`), nor
/// one that ends the definition itself (see [`defined_by_request`]).
fn requests(text: &str, colon_after: bool) -> bool {
    // The plain test first: most lines hold no request. Only a colon makes one a label, and
    // only then are the words found one by one.
    if !REQUEST_RE.is_match(text) {
        return false;
    }
    if !colon_after && !text.as_bytes().contains(&b':') && !text.contains('：') {
        return true;
    }
    REQUEST_RE.find_iter(text).any(|m| {
        let rest = &text[m.end()..];
        !(defined_by_request(&text[..m.start()], rest)
            || labels_after(rest)
            || (rest.is_empty() && colon_after))
    })
}

/// Is a request word, with `before` and `rest` around it, the last word of a definition after
/// its term, a noun there (`外模式：…的逻辑结构和特征描述`, `内模式：…存储方式的描述`)? The
/// definition names something (a `的` in it); not after a question's label (`题目：TCP握手描述`),
/// nor where it asks how to answer (`请`, `从源码角度描述`, `分别详细介绍`, `结合B+树举例`).
fn defined_by_request(before: &str, rest: &str) -> bool {
    const QUESTION_LABELS: &[&str] = &[
        "题目",
        "问题",
        "问",
        "题",
        "提问",
        "面试题",
        "q",
        "question",
    ];
    const HOW: &[&str] = &["从", "结合", "分别", "详细", "简单", "具体", "请"];
    let closing = rest
        .trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ','])
        .is_empty();
    closing
        && before.rsplit_once([':', '：']).is_some_and(|(term, said)| {
            let term = line::strip_emphasis(term).trim().to_lowercase();
            let said = said.trim();
            !term.is_empty()
                && !QUESTION_LABELS.contains(&term.as_str())
                && said.chars().count() >= 4
                && said.contains('的')
                && !HOW.iter().any(|w| said.contains(w))
                && !said.ends_with(['试', '一', '下'])
        })
}

/// Does a request word followed by `rest` label what comes after it? It does before a colon
/// with nothing after it (`介绍：`) or an explanation (`介绍：b = a。赋值引用，只复制引用`); over a
/// topic it still asks (`简述：TCP三次握手的过程`), and so it does where what follows asks
/// (`简述：TCP三次握手的过程，以及为什么不是两次`).
fn labels_after(rest: &str) -> bool {
    let Some(after) = rest.trim_start().strip_prefix([':', '：']) else {
        return false;
    };
    let after = after.trim();
    after.is_empty()
        || ((after.contains(['，', ',', '。', '；', ';']) || after.ends_with('.'))
            && !interrogative(after))
}

/// Does the line open with a request (`讲讲…`, `请简述…`)? Inside a sentence the same word is
/// part of a statement.
pub(super) fn opens_with_request(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches('请');
    // A request word right before a colon may label what follows (`介绍：b = a，…`).
    REQUEST_RE
        .find(t)
        .is_some_and(|m| m.start() == 0 && !labels_after(&t[m.end()..]))
}

/// A word list as one regex: literal alternations run on a multi-pattern searcher, one pass
/// over the text instead of one per word.
fn any_of(words: &[&str]) -> regex::Regex {
    let alternation: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    regex::Regex::new(&alternation.join("|")).expect("escaped literals form a valid regex")
}

static INTERROGATIVE_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| any_of(INTERROGATIVES));

/// An exam's requests opened by `试` (try to: `试述…`, `试说明…`, `请试分析…`), where `试` (or
/// `请试`) opens the line or follows a number, a space or a mark; inside a word it is another
/// word's (`测试说明`, `考试说明`, `尝试说明`). (`试解释`, `试简述` and `试列举` ask anyway: their
/// second words are requests of their own.)
static TRY_REQUEST_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:^|[\s\d\p{P}])(?:请)?试(?:述|说明|分析|比较|证明)")
        .expect("a valid pattern")
});

static REQUEST_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| any_of(&[REQUESTS, ASKING_REQUESTS].concat()));

static QUESTION_WORD_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| any_of(&[QUESTION_WORDS, ASKING_REQUESTS].concat()));

/// Does this title ask in the strict sense: a question mark or an interrogative word?
#[must_use]
pub fn interrogative(title: &str) -> bool {
    let t = title.trim();
    if t.ends_with(['?', '？']) || t.contains('？') {
        return true;
    }
    let part = asking_part(t);
    INTERROGATIVE_RE
        .find_iter(part)
        .any(|m| !asks_nothing(m.as_str(), &part[..m.start()], &part[m.end()..]))
}

/// Does `title` ask with an interrogative word that `other` does not hold (`JDK1.7中的区别` under
/// `HashMap和ConcurrentHashMap有什么区别？` asks nothing new: it names a part of that answer)?
pub(super) fn asks_beyond(title: &str, other: &str) -> bool {
    let part = asking_part(title.trim());
    INTERROGATIVE_RE.find_iter(part).any(|m| {
        !other.contains(m.as_str())
            && !asks_nothing(m.as_str(), &part[..m.start()], &part[m.end()..])
    })
}

/// Does the interrogative `word`, between `before` and `after`, ask nothing? It counts the
/// questions that follow ([`counts_questions`]); it states that two things differ (`本质与现象
/// 是相互区别的`, `有所区别。`); or it is doubled in a rule (`有什么样的内容，就有什么样的形式`:
/// whatever the one, so the other).
fn asks_nothing(word: &str, before: &str, after: &str) -> bool {
    // `相互区别的`, `有所区别。`: not `相互区别与联系`, `互相区别在哪`, which name or ask.
    let differ = matches!(word, "区别" | "區別")
        && ["相互", "互相", "有所", "加以"]
            .iter()
            .any(|w| before.ends_with(w))
        && (after.is_empty() || after.starts_with(['的', '，', '。', '；', ',', ';']));
    // Only `有什么样的…就（会）有什么样的…`, in either script: `锁过期了就怎么办` asks.
    let doubled = matches!(word, "什么" | "什麼") && after.starts_with(['样', '樣']) && {
        let whole = format!("{before}{word}{after}");
        whole.split_once('就').is_some_and(|(cause, then)| {
            let rule = |t: &str| t.contains("有什么样") || t.contains("有什麼樣");
            rule(cause) && rule(then)
        })
    };
    counts_questions(word, after) || differ || doubled
}

/// Does the interrogative `word` count the questions that follow (`几个问题`, `几道题`:
/// several questions) rather than ask how many (`分为几个阶段`)?
fn counts_questions(word: &str, after: &str) -> bool {
    matches!(word, "几个" | "幾個")
        && ["问题", "問題", "题", "題", "面试题", "知识点"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// Does a sentence inside the title end in a question mark (`**Can you describe …?** (This
/// probes …)`)? An ASCII `?` right after a word and before a space, closing emphasis or
/// bracket ends a sentence; in code or an address it is followed by more code.
pub(super) fn asks_mid_line(title: &str) -> bool {
    let mut chars = title.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '?' && prev.is_alphabetic() {
            match chars.peek() {
                None | Some(' ' | '\t' | '*' | '_' | ')' | '）' | '"' | '”') => return true,
                _ => {}
            }
        }
        prev = c;
    }
    false
}

/// Courses whose names `原理` closes (`编译原理`, `计算机组成原理`, `数据库系统原理`): the whole
/// of what stands before it, never a question about how something works.
const COURSES: &[&str] = &[
    "编译",
    "计算机组成",
    "微机",
    "通信",
    "自动控制",
    "数据库",
    "数据库系统",
    "操作系统",
    "计算机网络",
];

/// Is the text before a `原理` the name of a course (see [`COURSES`])?
fn names_course(before: &str) -> bool {
    COURSES.contains(&before.trim())
}

/// Is the question word `word`, between `before` and `after` in a title, a name rather than a
/// question (see [`question_like`])?
fn asks_no_question(word: &str, before: &str, after: &str) -> bool {
    match word {
        "作用" => after.starts_with('域'),
        "原理" => names_course(before) && !after.trim().is_empty(),
        _ => before.is_empty() && after.is_empty() && ASKING_REQUESTS.contains(&word),
    }
}

/// Does this title ask something (a question mark, or a question word)?
#[must_use]
pub fn question_like(title: &str) -> bool {
    let t = title.trim();
    if t.ends_with(['?', '？']) {
        return true;
    }
    let part = asking_part(t);
    // `作用` (what something is for) asks; `作用域` (a scope) names a topic. `原理` asks how
    // something works, but closes the name of a course before what the notes are about it
    // (`编译原理复习提纲`); a topic so named alone (`编译原理` over its answer) still asks.
    // A request with nothing to act on (`# 介绍`) names a chapter: it asks nothing.
    if QUESTION_WORD_RE
        .find_iter(part)
        .any(|m| !asks_no_question(m.as_str(), &part[..m.start()], &part[m.end()..]))
    {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    [
        "what",
        "why",
        "how ",
        "when",
        "which",
        "difference",
        "explain",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// Does a title ask in any of the ways a line can: an interrogative or a request ([`asks`]), a
/// question word or mark ([`question_like`]), or a question mark behind emphasis or before an
/// answer on the same line ([`ends_asking`])?
pub(super) fn asks_any_way(title: &str) -> bool {
    asks(title) || question_like(title) || ends_asking(title)
}

/// Does the line end in a question mark (emphasis aside, and an answer written on the same
/// line after an `A：` label aside)?
pub(super) fn ends_asking(text: &str) -> bool {
    // What is tested below is a part of the line: without a question mark it cannot ask.
    if !text.contains('?') && !text.contains('？') {
        return false;
    }
    let plain = line::strip_emphasis(text);
    let (question, _) = inline_answer(&plain);
    let question = question.trim_end();
    // A remark after the question (`…如何实现？（问的很深）`) is an aside to it.
    let cut = REMARK
        .find_iter(question)
        .find(|m| question[m.end()..].trim().is_empty())
        .map_or(question, |m| question[..m.start()].trim_end());
    cut.ends_with(['?', '？'])
}

/// Does a bullet ask: a question mark at its end, a wholly bold title that asks
/// (`**Overfitting如何解决**`), or a bold question that opens it, whatever follows it (a link
/// to the answer: `**What is a Context?** - [Learn from here](…)`)?
pub(super) fn bullet_asks(item: &str) -> bool {
    let t = item.trim();
    let bold = line::bold_span(t).is_some();
    ends_asking(t)
        || (bold && asks(&line::strip_emphasis(t)))
        || bold_lead_asks(t)
        || holds_answer_blank(t)
}

/// Does `text` open with a bold span that ends in a question mark (`**What is X?** - …`)?
fn bold_lead_asks(text: &str) -> bool {
    line::bold_lead(text).is_some_and(|(lead, _)| lead.trim_end().ends_with(['?', '？']))
}

/// A remark in brackets (`（问的很深）`, `（现场）`): an aside to the text around it, which is
/// read without it.
pub(super) static REMARK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"（[^（）]*）|\([^()]*\)").unwrap());

/// `A：` (or `答：`, `答案：`) right after a question mark: the answer written on the question's
/// line (`**Q：幂等是什么？** A：…`); so is `::` (a flash card, `What is a thread?::A unit…`).
static INLINE_ANSWER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"[?？][ \t\u{3000}*_]*(?::{2,3}|(?:A|答案|答)[ \t]*[:：])[ \t\u{3000}]*")
        .unwrap()
});

/// The question and the answer written after it on the same line behind an answer label.
pub(super) fn inline_answer(text: &str) -> (&str, Option<&str>) {
    match INLINE_ANSWER.find(text) {
        Some(m) => {
            let mark = text[m.start()..].chars().next().map_or(1, char::len_utf8);
            let rest = text[m.end()..].trim();
            (
                &text[..m.start() + mark],
                (!rest.is_empty()).then_some(rest),
            )
        }
        None => (text, None),
    }
}

/// A question's name by number, as a pattern (`面试题一`, `第 1 题`, `Question 2`, `Q3`,
/// `问题 #1`), the kind of question maybe named first (`示范问题 1`, `思考题2`, `Sample
/// Question 3`).
const NUMBERED_NAME: &str = r"(?:第[ \t]*[0-9一二三四五六七八九十百零]+[ \t]*[题问]|(?:面试题|笔试题|题目|问题|习题|试题|例题|(?:示范|思考|练习|课后|模拟|典型|经典|补充|附加|简答|论述|计算|编程|算法|真)(?:问题|题)|(?:(?:sample|example|practice)[ \t]+)?question|q)[ \t]*(?:#|no\.)?[ \t]*[0-9一二三四五六七八九十百零]+)";

/// A title that only names one question by its number (`面试题一`, `第 1 题 🟢`, `Question 2`):
/// with content of its own above its sub-headings, the heading is that question.
fn question_name(title: &str) -> bool {
    static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"(?i)^{NUMBERED_NAME}[^\p{{Han}}\p{{Latin}}0-9]*$"
        ))
        .unwrap()
    });
    let plain = line::strip_emphasis(title);
    let t = plain.trim();
    // A remark after the name (`第3题（多选）`, `问题 #1 -- Swift 1.0 或更高版本`) is no part
    // of it.
    let t = REMARK
        .find_iter(t)
        .find(|m| t[m.end()..].trim().is_empty())
        .map_or(t, |m| t[..m.start()].trim_end());
    let t = [" -- ", " — ", " —— ", " - "]
        .iter()
        .filter_map(|dash| t.find(dash))
        .min()
        .map_or(t, |k| t[..k].trim_end());
    t.len() <= 48 && NAME.is_match(t)
}

/// A line (a heading as written, `#`s and emphasis aside) that names one question by its
/// number and then its topic after a colon (`### Question 5: DevOps Benefits`, `面试题3：缓存
/// 穿透`): the question itself is worded under it.
pub(super) fn named_with_topic(line: &str) -> bool {
    static NAMED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(r"(?i)^{NUMBERED_NAME}[ \t]*[:：][ \t]*\S")).unwrap()
    });
    let t = line::strip_emphasis(line.trim_start_matches('#'));
    let t = t.trim();
    t.chars().count() <= 60 && !ends_asking(t) && NAMED.is_match(t)
}

/// A question named by its number: `面试题一` in words, or an ordinal read as the number
/// (`## 第 1 题 🟢`, `## 第3题（多选）`) with nothing but decoration and remarks left.
pub(super) fn numbered_name(number: Option<&str>, title: &str) -> bool {
    if question_name(title) {
        return true;
    }
    let t = title.trim();
    let bare = REMARK.replace_all(t, "");
    number.is_some() && !bare.chars().any(|c| c.is_alphanumeric() || code::is_cjk(c))
}

/// Does a question only announce what it asks about (`1. 有如下一段代码：（类继承）`)? Then
/// its question comes after the code, and the first line that asks there is still its own.
pub(super) fn announces_question(question: &str) -> bool {
    let t = line::strip_emphasis(question);
    let t = t.trim();
    let cut = REMARK
        .find_iter(t)
        .find(|m| t[m.end()..].trim().is_empty())
        .map_or(t, |m| t[..m.start()].trim_end());
    cut.ends_with([':', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_that_differ_or_double_a_question_word_ask_nothing() {
        assert!(!asks("本质与现象是相互区别的"));
        assert!(!asks("本质与现象有所区别。"));
        assert!(!asks("有什么样的内容，就有什么样的形式"));
        assert!(!asks("有什麼樣的內容，就有什麼樣的形式"));
        assert!(!asks("有什么样的内容，就会有什么样的形式"));
        assert!(asks("现象和本质的相互区别与联系"));
        assert!(asks("进程和线程互相区别在哪"));
        assert!(asks("Redis 怎么实现分布式锁，锁过期了就怎么办"));
        assert!(asks("什么是热 key，热 key 太热了就会有什么问题"));
    }

    #[test]
    fn a_course_name_or_a_bare_request_is_no_question() {
        assert!(!question_like("编译原理复习提纲"));
        assert!(!question_like("计算机组成原理期末复习"));
        assert!(!question_like("介绍"));
        assert!(question_like("编译原理"));
        assert!(question_like("HashMap原理"));
        assert!(question_like("TCP拥塞控制原理详解"));
        assert!(question_like("神经网络原理与实现"));
        assert!(question_like("原理"));
        assert!(question_like("介绍一下 Redis"));
        assert!(question_like("Spring 的作用"));
        assert!(!question_like("作用域"));
    }

    #[test]
    fn a_request_opened_by_try_asks_only_where_try_opens_a_word() {
        assert!(asks("试述 SQL 的特点。"));
        assert!(asks("3. 试说明进程与线程的区别。"));
        assert!(asks("请试分析死锁产生的原因"));
        assert!(!asks("测试说明"));
        assert!(!asks("考试说明：闭卷"));
        assert!(!asks("我们尝试说明一下这个现象"));
    }

    #[test]
    fn a_request_word_ending_a_definition_asks_nothing() {
        assert!(!asks("内模式：数据物理结构和存储方式的描述"));
        assert!(!asks(
            "外模式：数据库用户使用的局部数据的逻辑结构和特征描述"
        ));
        assert!(asks("三级模式结构的介绍一下"));
        assert!(asks("请对 Spring 框架做一个简单的介绍"));
        assert!(asks("题目：TCP三次握手描述"));
        assert!(asks("question：TCP三次握手的描述"));
        assert!(asks("HashMap：从源码角度描述"));
        assert!(asks("Redis持久化：分别详细介绍"));
        assert!(asks("数据库索引：结合B+树举例"));
        assert!(asks("描述一下三次握手"));
        assert!(asks("TCP：描述三次握手的过程"));
        assert!(asks("问题：请描述"));
        assert!(asks("请简单介绍一下 Redis 的持久化"));
        assert!(asks("简述：TCP三次握手的过程"));
    }

    #[test]
    fn exercise_kinds_that_name_a_problem_group_only_closing_the_title() {
        assert!(question_type("应用题"));
        assert!(question_type("二、名词解释："));
        assert!(question_type("填空题（每题2分）"));
        assert!(question_type("软件工程 计算题"));
        assert!(!question_type("设计题：秒杀系统"));
        assert!(!question_type("秒杀系统设计题"));
        assert!(!question_type("计算题解题套路"));
    }

    #[test]
    fn answer_blanks_ask_and_code_does_not() {
        assert!(holds_answer_blank("目录etc/dev主要用于存放（    ）。"));
        assert!(holds_answer_blank(
            "（\u{3000}）图像通过使用色彩查找表来获得"
        ));
        assert!(holds_answer_blank("TCP 建立连接需要 ____ 次握手"));
        assert!(holds_answer_blank("IPv6的地址长度为(  )比特"));
        assert!(!holds_answer_blank("调用 f( ) 即可"));
        assert!(!holds_answer_blank("def __init__(self):"));
        assert!(!holds_answer_blank("________"));
        assert!(!holds_answer_blank("（注：见下文）"));
        assert!(empty_brackets_blank("设计现代OS的主要目标是（）和（）"));
        assert!(!empty_brackets_blank("线程的 run（）方法"));
        assert!(!holds_answer_blank("整理人：________ 日期：____年__月__日"));
        assert!(!holds_answer_blank("| abc_______|"));
    }

    #[test]
    fn an_interview_label_asks_unless_it_says_there_was_none() {
        assert!(interview_labelled("面试题：Linux内核了解多少"));
        assert!(interview_labelled("面试题：无锁队列如何实现"));
        assert!(interview_labelled("面试题：共享内存和管道的区别"));
        assert!(!interview_labelled("面试题：暂无，二面只聊了项目"));
        assert!(!interview_labelled("面试题：无"));
    }

    #[test]
    fn question_marks_in_web_addresses_ask_nothing() {
        assert!(!has_question_mark(
            "[List 集合就这么简单](https://mp.weixin.qq.com/s?__biz=MzI4&mid=22)"
        ));
        assert!(!has_question_mark(
            "参考 https://a.com/s?id=1 和 http://b.cn/?q"
        ));
        assert!(has_question_mark(
            "[什么是 HashMap？](https://a.com/s?id=1)"
        ));
        assert!(has_question_mark("https://a.com/s?id=1 讲的是什么?"));
        assert!(has_question_mark("Go 值类型有哪些？"));
        assert!(has_question_mark("Redis 为什么快 https://a.com/b？"));
        assert!(has_question_mark(
            "双亲委派模型（https://a.com/b?x=1）是什么?"
        ));
        assert!(!has_question_mark("Go 值类型"));
    }
}
