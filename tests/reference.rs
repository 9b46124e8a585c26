//! The reference notes (source/go-interview.txt): the records the pipeline issue lists, and a
//! snapshot of the whole exported JSON.

mod common;

const REFERENCE: &str = include_str!("../source/go-interview.txt");

#[test]
fn reference_notes_give_the_twelve_records() {
    let (source, parsed) = common::parse_str("source/go-interview.txt", REFERENCE);
    let got: Vec<(Option<&str>, &str, u32)> = parsed
        .records
        .iter()
        .map(|r| {
            (
                r.number.as_deref(),
                r.question.as_str(),
                r.source.start_line,
            )
        })
        .collect();
    let want = vec![
        (Some("1"), "make与new的区别", 1),
        (Some("2"), "简要描述go中的main和init函数的区别", 8),
        (Some("3"), "下面的代码输出什么，若会报错报什么错？", 12),
        (Some("4"), "这段代码会输出什么？", 32),
        (
            Some("5"),
            "简述channel和mutex锁机制的原理异同与使用场景",
            40,
        ),
        (Some("6"), "sync.WaitGroup的使用场景？", 51),
        (Some("7"), "orm", 54),
        (
            Some("1"),
            "Golang中除了加Mutex锁以外还有哪些方式安全读写共享变量？",
            66,
        ),
        (Some("2"), "无缓冲 Chan 的发送和接收是否同步?", 69),
        (Some("一"), "TCP和UDP的区别", 92),
        (None, "HTTP与TCP的区别和联系", 123),
        (None, "HTTP各版本的区别", 127),
    ];
    assert_eq!(got, want);
    assert_eq!(common::coverage_problems(&source, &parsed), vec![]);
}

#[test]
fn code_asked_about_is_context_and_the_marker_starts_the_answer() {
    let (_, parsed) = common::parse_str("source/go-interview.txt", REFERENCE);
    let q3 = &parsed.records[2];
    assert_eq!(q3.context.len(), 1);
    let code = &q3.context[0];
    assert_eq!(code.kind, zhika::model::BlockKind::Code);
    assert_eq!(code.lang.as_deref(), Some("go"));
    assert_eq!((code.start_line, code.end_line), (13, 29));
    assert_eq!(q3.answer.len(), 1);
    assert_eq!(q3.answer[0].start_line, 30);
    assert_eq!(
        q3.answer[0].text,
        "不会报错，而是被recover捕捉，打印出1111111111111"
    );
}

#[test]
fn sub_points_stay_inside_their_record() {
    let (_, parsed) = common::parse_str("source/go-interview.txt", REFERENCE);
    let tcp = &parsed.records[9];
    let subs: Vec<&str> = tcp
        .answer
        .iter()
        .filter(|b| b.kind == zhika::model::BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        subs,
        [
            "1. 连接",
            "2. 服务对象",
            "3. 可靠性",
            "4. 拥塞控制&流量控制",
            "5. 报文长度",
            "6. 首部开销"
        ]
    );
    let orm = &parsed.records[6];
    assert_eq!((orm.source.start_line, orm.source.end_line), (54, 64));
    assert!(orm.answer.iter().any(|b| b.text == "5.更新"));
}

#[test]
fn mixed_code_lines_lose_no_text() {
    let (_, parsed) = common::parse_str("source/go-interview.txt", REFERENCE);
    let chan = &parsed.records[8];
    let code = &chan.answer[0];
    assert_eq!(code.kind, zhika::model::BlockKind::Code);
    assert!(
        code.text
            .contains("ch := make(chan int)    无缓冲的channel由于没有缓冲发送和接收需要同步.")
    );
    assert!(chan.back_html.is_empty(), "render fills html later");
}

#[test]
fn ids_are_stable_and_survive_answer_edits() {
    let (_, a) = common::parse_str("source/go-interview.txt", REFERENCE);
    let edited = REFERENCE.replace("不会报错，而是被recover捕捉", "不会报错，被recover捕捉");
    let (_, b) = common::parse_str("source/go-interview.txt", &edited);
    let ids = |p: &zhika::parse::Parsed| p.records.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
    let mut unique = ids(&a);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 12);
    assert_eq!(
        a.records[0].id,
        zhika::parse::record_id("go-interview", "make与new的区别")
    );
}

#[test]
fn reference_json_snapshot() {
    let json = common::json_export("source/go-interview.txt", REFERENCE, false);
    insta::assert_snapshot!(String::from_utf8(json).unwrap());
}
