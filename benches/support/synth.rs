//! Deterministic synthetic notes in the reference notes' style, sized by record count: numbered
//! questions (`1.`, `5、`), answers with `答案：` and `注：`, unfenced Go code as question context,
//! `一、` headings with numbered sub-points, unnumbered titles above a link, and sections that
//! restart numbering. Shared by the benchmarks and `examples/gen_notes.rs`.
//!
//! Every question is unique after normalization (its index sits before the question mark, so
//! the parser keeps it in the question): real notes rarely repeat a question, and thousands of
//! `duplicate-question` findings would measure the report, not the notes. Nearly every Go
//! snippet is distinct too (names, literals and the number and order of statements come from
//! the generator), so no cache keyed on a block's text can pay off here when it would not on
//! real notes.

use std::fmt::Write as _;

const TOPICS: &[&str] = &[
    "channel",
    "goroutine",
    "mutex",
    "slice",
    "map",
    "interface",
    "defer",
    "context",
    "GC",
    "调度器",
    "内存逃逸",
    "sync.Pool",
    "select",
    "闭包",
    "反射",
];
const PROSE: &[&str] = &[
    "当缓冲区满时发送会阻塞，直到有接收方取走数据。",
    "它底层使用协程实现并发，运行在用户态，切换成本低。",
    "需要注意并发读写时的数据竞争问题，可以使用互斥锁保护。",
    "扩容时会分配新的底层数组，并把旧元素复制过去。",
    "接口值由动态类型和动态值两部分组成，两者都为 nil 时接口才等于 nil。",
    "先进后出，最后注册的 defer 最先执行，参数在注册时求值。",
    "三色标记法配合写屏障，使垃圾回收可以与用户代码并发执行。",
];

/// Channel names in the Go snippets.
const CHANNELS: &[&str] = &[
    "ch", "jobs", "results", "done", "msgs", "events", "errs", "tasks", "quit", "ticks", "reqs",
    "out", "in", "sem", "stop", "data",
];
/// Element types of those channels.
const ELEMENTS: &[&str] = &[
    "int",
    "string",
    "bool",
    "error",
    "struct{}",
    "[]byte",
    "*Task",
    "Result",
    "int64",
    "float64",
    "map[string]int",
    "func()",
];
/// Loop variables.
const COUNTERS: &[&str] = &["i", "j", "k", "n"];
/// ORM receivers, methods and models (`err := o.Read(&User{Id: 3})`).
const RECEIVERS: &[&str] = &["o", "db", "orm", "repo", "s", "tx"];
const METHODS: &[&str] = &["Read", "Insert", "Update", "Delete", "Load", "Save"];
const MODELS: &[&str] = &["User", "Order", "Post", "Item", "Tag", "Profile"];
const RESULTS: &[&str] = &["err", "_, err", "num, err", "n, err"];

/// A tiny linear congruential generator: deterministic across platforms, no dependencies.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Notes text holding `records` records.
#[must_use]
pub fn notes(records: usize) -> String {
    let mut rng = Lcg(0x007a_6869_6b61);
    let mut out = String::with_capacity(records * 520);
    let mut number = 0usize;
    for i in 0..records {
        // A new section every 40 questions, under a `一、` heading: numbering restarts at 1.
        if i % 40 == 0 {
            number = 0;
            let _ = writeln!(out, "{}、{}专题\n", chinese(i / 40 + 1), rng.pick(TOPICS));
        }
        number += 1;
        let topic = rng.pick(TOPICS);
        match rng.next() % 6 {
            0 => {
                let _ = writeln!(out, "{number}. 下面的代码输出什么（{topic} 第{i}题）？");
                go_main(&mut out, &mut rng, topic);
                let _ = writeln!(out, "答案：先输出缓冲区中的值，最后输出 {topic}。");
                let _ = writeln!(out, "说明：{}", rng.pick(PROSE));
            }
            1 => {
                let _ = writeln!(out, "{number}、简述{topic}的原理与使用场景（{i}）");
                let _ = writeln!(out, "{topic}原理： {}{}", rng.pick(PROSE), rng.pick(PROSE));
                let _ = writeln!(out);
                let _ = writeln!(out, "使用场景： 1. 需要协程通信时     2. 需要同步时。");
                let _ = writeln!(out);
                let _ = writeln!(out, "注：{}", rng.pick(PROSE));
            }
            2 => {
                let _ = writeln!(out, "{number}. {topic}和线程的区别是什么（{i}）？");
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(
                    out,
                    "{}    无缓冲的channel发送和接收需要同步.",
                    make_chan(&mut rng)
                );
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
            }
            3 => {
                let _ = writeln!(out, "{number}. 如何排查{topic}相关的问题（{i}）？");
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "参考资料：");
                let _ = writeln!(out, "https://go.dev/doc/{topic}/{i}");
            }
            4 => {
                let _ = writeln!(out, "{number}. {topic}的零值是什么（{i}）？");
                let _ = writeln!(
                    out,
                    "{} := {}.{}(&{}{{Id: {}}})",
                    rng.pick(RESULTS),
                    rng.pick(RECEIVERS),
                    rng.pick(METHODS),
                    rng.pick(MODELS),
                    rng.next() % 10_000
                );
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
            }
            _ => {
                let _ = writeln!(out, "{number}. 为什么{topic}要这样设计（{i}）？");
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
                let _ = writeln!(out, "{}", rng.pick(PROSE));
            }
        }
        let _ = writeln!(out);
    }
    out
}

/// `func main` sending a loop's values on a channel, with up to two of three statements in a
/// drawn order between the `make` and the loop.
fn go_main(out: &mut String, rng: &mut Lcg, topic: &str) {
    let ch = rng.pick(CHANNELS);
    let counter = rng.pick(COUNTERS);
    let _ = writeln!(out, "func main() {{");
    let _ = writeln!(out, "\t{ch} := make(chan int, {})", rng.next() % 64);
    let mut extras = [
        format!("\tdefer fmt.Println(\"{topic}\")"),
        format!("\tdefer close({ch})"),
        format!("\ttotal := {}", rng.next() % 1000),
    ];
    for i in (1..extras.len()).rev() {
        extras.swap(i, rng.next() % (i + 1));
    }
    for extra in &extras[..rng.next() % 3] {
        let _ = writeln!(out, "{extra}");
    }
    let bound = rng.next() % 100 + 1;
    let _ = writeln!(
        out,
        "\tfor {counter} := 0; {counter} < {bound}; {counter}++ {{"
    );
    match rng.next() % 3 {
        0 => {
            let _ = writeln!(out, "\t\t{ch} <- {counter}");
        }
        1 => {
            let _ = writeln!(out, "\t\t{ch} <- {counter} * {}", rng.next() % 10 + 2);
        }
        _ => {
            let _ = writeln!(out, "\t\t{ch} <- {counter} + {}", rng.next() % 100);
        }
    }
    let _ = writeln!(out, "\t}}");
    let _ = writeln!(out, "}}");
}

/// `ch := make(chan int, 3)` or `ch[7] = make(chan int)` with a drawn name, direction, element
/// type and capacity or index.
fn make_chan(rng: &mut Lcg) -> String {
    let name = rng.pick(CHANNELS);
    let direction = ["chan ", "chan<- ", "<-chan "][rng.next() % 3];
    let element = rng.pick(ELEMENTS);
    match rng.next() % 4 {
        0 => format!("{name}[{}] = make({direction}{element})", rng.next() % 1000),
        _ => format!(
            "{name} := make({direction}{element}, {})",
            rng.next() % 2000
        ),
    }
}

/// A Chinese numeral for 1..=9999 (`十二`, `一百零五`), as section headings are numbered.
fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return DIGITS[n].to_owned();
    }
    if n < 20 {
        return format!("十{}", if n == 10 { "" } else { DIGITS[n % 10] });
    }
    if n < 100 {
        let ones = if n.is_multiple_of(10) {
            ""
        } else {
            DIGITS[n % 10]
        };
        return format!("{}十{ones}", DIGITS[n / 10]);
    }
    let hundreds = n / 100 % 10;
    let rest = n % 100;
    let tail = match rest {
        0 => String::new(),
        1..=9 => format!("零{}", DIGITS[rest]),
        10..=19 => format!("一{}", chinese(rest)),
        _ => chinese(rest),
    };
    if n >= 1000 {
        return format!(
            "{}千{}",
            DIGITS[n / 1000],
            if hundreds == 0 && rest > 0 {
                format!("零{tail}")
            } else if hundreds == 0 {
                String::new()
            } else {
                format!("{}百{tail}", DIGITS[hundreds])
            }
        );
    }
    format!("{}百{tail}", DIGITS[hundreds])
}
