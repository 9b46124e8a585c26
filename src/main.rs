fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let src = zhika::read::SourceText::decode(path, &bytes).unwrap();
    let p = zhika::parse::parse(&src);
    for r in &p.records {
        println!("{:?} {} ({}-{}) id={}", r.number, r.question, r.source.start_line, r.source.end_line, r.id);
        for b in &r.context { println!("   C {:?} {}-{} {:?} {:?}", b.kind, b.start_line, b.end_line, b.lang, b.text.chars().take(40).collect::<String>()); }
        for b in &r.answer { println!("   A {:?} {}-{} {:?} {:?}", b.kind, b.start_line, b.end_line, b.lang, b.text.chars().take(40).collect::<String>()); }
    }
    for d in &p.diagnostics { println!("{}:{}:{} {} {}", d.path, d.line, d.column, d.code, d.message); }
}
