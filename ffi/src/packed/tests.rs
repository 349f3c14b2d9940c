//! The packed values equal those of the single-value accessors (through
//! the Rust functions they are built on), on the whole corpus read with
//! every reader, on hand-made messages with escapes and detached values,
//! and on the NULL and short-buffer paths.

use super::*;
use crate::bulk::{EppCheckEntry, EppResultEntry};
use crate::message::*;
use std::ptr;

fn new() -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    m
}

/// The value of `s` as the `*_unescaped` accessors give it.
fn unescaped(s: Str<'_>) -> Vec<u8> {
    let mut v = String::new();
    for chunk in s.chunks() {
        match chunk {
            epp_codec::xml::Chunk::Str(t) => v.push_str(t),
            epp_codec::xml::Chunk::Char(c) => v.push(c),
        }
    }
    v.into_bytes()
}

/// What the packed text and table should hold for the message in `m`,
/// from the single-value functions: (values, table).
fn expected(m: &EppMessage) -> Option<(Vec<Vec<u8>>, Vec<u32>)> {
    if !matches!(
        m.view_ref(),
        Stored::Command(_) | Stored::Response(..) | Stored::Greeting(_)
    ) {
        return None;
    }
    let mut values = Vec::new();
    let mut fields = Vec::new();
    for f in 0..=EPP_FIELD_LAST {
        if let Ok(s) = field_str(m, f) {
            fields.push(f);
            values.push(unescaped(s));
        }
    }
    let mut lists = Vec::new();
    for l in 0..=EPP_LIST_LAST {
        let items = strings(m, l).unwrap();
        if items.len() > 0 {
            lists.extend([l, items.len() as u32]);
        }
        for i in 0..items.len() {
            values.push(unescaped(items.get(i).unwrap()));
        }
    }
    let mut results = Vec::new();
    let mut checks = Vec::new();
    if let Stored::Response(r, d) = m.view_ref() {
        for result in r.results().iter() {
            results.extend([
                u32::from(result.code().as_u16()),
                u32::from(result.message().is_some()),
            ]);
            values.push(result.message().map(unescaped).unwrap_or_default());
        }
        if let Ok(items) = check_items(d) {
            for item in items.iter() {
                checks.extend([
                    item.available().map_or(2, u32::from),
                    u32::from(item.reason().is_some()),
                ]);
                for s in [item.name(), item.reason()] {
                    values.push(s.map_or(Vec::new(), |s| s.raw().as_bytes().to_vec()));
                }
            }
        }
    }
    let mut table = vec![
        fields.len() as u32,
        lists.len() as u32 / 2,
        results.len() as u32 / 2,
        checks.len() as u32 / 2,
    ];
    table.extend(fields);
    table.extend(lists);
    table.extend(results);
    table.extend(checks);
    Some((values, table))
}

/// Room for the packed call (`small` to start with too little of all).
struct Buffers {
    fields: Vec<EppSpan>,
    counts: Vec<u32>,
    items: Vec<EppSpan>,
    results: Vec<EppResultEntry>,
    checks: Vec<EppCheckEntry>,
    text: Vec<u8>,
    table: Vec<u32>,
}

impl Buffers {
    fn new(items: usize, text: usize, table: usize) -> Buffers {
        Buffers {
            fields: vec![EppSpan::default(); crate::bulk::EPP_FIELD_COUNT as usize],
            counts: vec![0; crate::bulk::EPP_LIST_COUNT as usize],
            items: vec![EppSpan::default(); items],
            results: vec![EppResultEntry::default(); items],
            checks: vec![EppCheckEntry::default(); items],
            text: vec![0xAA; text],
            table: vec![0xAAAA; table],
        }
    }

    fn packed(&mut self) -> EppPacked {
        EppPacked {
            bulk: EppBulk {
                fields: self.fields.as_mut_ptr(),
                fields_cap: self.fields.len(),
                counts: self.counts.as_mut_ptr(),
                counts_cap: self.counts.len(),
                items: self.items.as_mut_ptr(),
                items_cap: self.items.len(),
                results: self.results.as_mut_ptr(),
                results_cap: self.results.len(),
                checks: self.checks.as_mut_ptr(),
                checks_cap: self.checks.len(),
                items_len: 0,
                results_len: 0,
                checks_len: 0,
            },
            text: self.text.as_mut_ptr(),
            text_cap: self.text.len(),
            table: self.table.as_mut_ptr(),
            table_cap: self.table.len(),
            text_len: 0,
            table_len: 0,
        }
    }
}

/// `pack` (`epp_message_packed` or `epp_message_pymarshal`) on the message
/// in `m`, from empty buffers, growing them as told: the buffers, the
/// `epp_packed` that points into them, and the last result.
fn pack_growing(
    m: *mut EppMessage,
    pack: unsafe extern "C" fn(*const EppMessage, *mut EppPacked) -> EppResult,
) -> (Buffers, EppPacked, EppResult) {
    let mut b = Buffers::new(0, 0, 0);
    let mut p = b.packed();
    // SAFETY: live handle; buffers of the capacities given.
    let mut r = unsafe { pack(m, &mut p) };
    for _ in 0..2 {
        if r != EppResult::BufferTooSmall {
            break;
        }
        let need = p
            .bulk
            .items_len
            .max(p.bulk.results_len)
            .max(p.bulk.checks_len);
        b = Buffers::new(need, p.text_len, p.table_len);
        p = b.packed();
        // SAFETY: as above.
        r = unsafe { pack(m, &mut p) };
    }
    (b, p, r)
}

/// Packs the message in `m` (growing the buffers as told) and compares
/// with `expected`; returns the number of values compared.
fn agrees(m: *mut EppMessage) -> usize {
    // SAFETY: a live handle.
    let want = expected(unsafe { &*m });
    let (b, p, r) = pack_growing(m, epp_message_packed);
    let Some((values, table)) = want else {
        assert_eq!(r, EppResult::WrongKind);
        return 0;
    };
    assert_eq!(r, EppResult::Ok);
    assert_eq!(&b.table[..p.table_len], &table[..]);
    let text = &b.text[..p.text_len];
    assert_eq!(text.last().copied(), (!values.is_empty()).then_some(0));
    let got: Vec<Vec<u8>> = if text.is_empty() {
        Vec::new()
    } else {
        text[..text.len() - 1]
            .split(|&c| c == 0)
            .map(<[u8]>::to_vec)
            .collect()
    };
    assert_eq!(got, values);
    values.len()
}

#[test]
#[cfg_attr(miri, ignore)]
fn both_layouts_agree_with_single_values_on_the_whole_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("the corpus");
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = header.iter().position(|h| *h == "path").unwrap();
    let m = new();
    let (mut messages, mut values, mut marshalled) = (0, 0, 0);
    let readers: [unsafe extern "C" fn(*mut EppMessage, *const u8, usize) -> EppResult; 3] = [
        epp_message_read_command,
        epp_message_read_response,
        crate::message::epp_message_read_greeting,
    ];
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let path = line.split('\t').nth(col).unwrap();
        let frame = std::fs::read(dir.join(path)).unwrap();
        for read in readers {
            // SAFETY: live handle; the frame outlives the calls below.
            unsafe { read(m, frame.as_ptr(), frame.len()) };
            values += agrees(m);
            marshalled += usize::from(marshal_agrees(m));
        }
        messages += 1;
    }
    assert!(messages >= 290 && values > 1500, "{messages} {values}");
    assert!(marshalled > 280, "{marshalled}");
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

const ESCAPED_RESPONSE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="1000"><msg>Fish &amp; chips</msg></result>
<result code="2500"/>
<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
<domain:cd><domain:name avail="1">a&#46;example</domain:name></domain:cd>
<domain:cd><domain:name avail="0">b.example</domain:name><domain:reason>In use</domain:reason></domain:cd>
</domain:chkData></resData>
<trID><clTRID>A&lt;B</clTRID><svTRID>S-1</svTRID></trID></response></epp>"#;

const HOST_UPDATE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update>
<host:update xmlns:host="urn:ietf:params:xml:ns:host-1.0">
<host:name>ns1.example.com</host:name>
<host:add><host:status s="clientUpdateProhibited"/></host:add>
</host:update></update><clTRID>T&amp;1</clTRID></command></epp>"#;

#[test]
fn escapes_and_detached_values_come_out_unescaped_in_one_call() {
    let m = new();
    let mut b = Buffers::new(8, 512, 64);
    let mut p = b.packed();
    // SAFETY: live handle; frame and buffers outlive the calls.
    let r = unsafe {
        epp_message_read_response_packed(
            m,
            ESCAPED_RESPONSE.as_ptr(),
            ESCAPED_RESPONSE.len(),
            &mut p,
        )
    };
    assert_eq!(r, EppResult::Ok);
    let text = &b.text[..p.text_len];
    assert_eq!(
        text,
        &b"A<B\0S-1\0Fish & chips\0\0a&#46;example\0\0b.example\0In use\0"[..]
    );
    assert_eq!(
        &b.table[..p.table_len],
        &[
            2,
            0,
            2,
            2,
            EPP_FIELD_CL_TRID,
            EPP_FIELD_SV_TRID,
            1000,
            1,
            2500,
            0,
            1,
            0,
            0,
            1
        ][..]
    );
    assert_eq!(agrees(m), 8);

    let mut p = b.packed();
    // SAFETY: as above.
    let r = unsafe {
        epp_message_read_command_packed(m, HOST_UPDATE.as_ptr(), HOST_UPDATE.len(), &mut p)
    };
    assert_eq!(r, EppResult::Ok);
    assert_eq!(
        &b.text[..p.text_len],
        &b"T&1\0ns1.example.com\0ns1.example.com\0clientUpdateProhibited\0"[..]
    );
    assert_eq!(agrees(m), 4);
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn nulls_short_buffers_and_read_failures() {
    let m = new();
    let frame = ESCAPED_RESPONSE;
    let mut b = Buffers::new(8, 512, 64);
    // SAFETY: every pointer NULL, live or valid for its capacity.
    unsafe {
        assert_eq!(
            epp_message_packed(ptr::null(), &mut b.packed()),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_packed(m, ptr::null_mut()),
            EppResult::NullArgument
        );
        // Nothing read yet.
        assert_eq!(epp_message_packed(m, &mut b.packed()), EppResult::WrongKind);
        assert_eq!(
            epp_message_read_response_packed(m, frame.as_ptr(), frame.len(), ptr::null_mut()),
            EppResult::NullArgument
        );
        let mut p = b.packed();
        p.text = ptr::null_mut();
        assert_eq!(
            epp_message_read_response_packed(m, frame.as_ptr(), frame.len(), &mut p),
            EppResult::NullArgument
        );
        // Too little text and table: the sizes needed, then success.
        let mut p = b.packed();
        (p.text_cap, p.table_cap) = (3, 2);
        assert_eq!(epp_message_packed(m, &mut p), EppResult::BufferTooSmall);
        assert_eq!((p.text_len, p.table_len), (54, 14));
        let mut p = b.packed();
        assert_eq!(epp_message_packed(m, &mut p), EppResult::Ok);
        // Too few result entries: the span arrays' sizes, text unknown.
        let mut p = b.packed();
        p.bulk.results_cap = 1;
        assert_eq!(epp_message_packed(m, &mut p), EppResult::BufferTooSmall);
        assert_eq!((p.bulk.results_len, p.text_len, p.table_len), (2, 0, 0));
        // A read failure returns as the read does, the buffers untouched.
        let mut p = b.packed();
        p.text_len = 77;
        let bad = b"<epp/>";
        assert_eq!(
            epp_message_read_command_packed(m, bad.as_ptr(), bad.len(), &mut p),
            EppResult::ReadError
        );
        assert_eq!(p.text_len, 77);
        assert_eq!(epp_message_packed(m, &mut p), EppResult::WrongKind);
        epp_message_free(m);
    }
}

/// A value of the marshal subset `epp_message_pymarshal` writes.
#[derive(Debug, PartialEq)]
enum Py {
    None,
    Bool(bool),
    Int(i32),
    Str(String),
    List(Vec<Py>),
    Tuple(Vec<Py>),
}

/// Reads one marshal object at the start of `b`: (object, bytes used).
/// Panics on any code outside the subset, or an ASCII-coded str that is
/// not ASCII.
fn unmarshal(b: &[u8]) -> (Py, usize) {
    let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) as usize;
    let items = |n: usize, mut at: usize| {
        let mut v = Vec::new();
        for _ in 0..n {
            let (item, used) = unmarshal(&b[at..]);
            v.push(item);
            at += used;
        }
        (v, at)
    };
    match b[0] {
        b'N' => (Py::None, 1),
        b'T' => (Py::Bool(true), 1),
        b'F' => (Py::Bool(false), 1),
        b'i' => (Py::Int(i32::from_le_bytes(b[1..5].try_into().unwrap())), 5),
        code @ (b'a' | b'u') => {
            let n = u32_at(1);
            let s = std::str::from_utf8(&b[5..5 + n]).unwrap().to_owned();
            assert_eq!(code == b'a', s.is_ascii(), "{s:?} coded {}", code as char);
            (Py::Str(s), 5 + n)
        }
        b'[' => {
            let (v, end) = items(u32_at(1), 5);
            (Py::List(v), end)
        }
        b')' => {
            let (v, end) = items(usize::from(b[1]), 2);
            (Py::Tuple(v), end)
        }
        b'(' => {
            let n = u32_at(1);
            assert!(n > 255, "a tuple of {n} is written as a small tuple");
            let (v, end) = items(n, 5);
            (Py::Tuple(v), end)
        }
        other => panic!("marshal code {other:#x}"),
    }
}

/// What `epp_message_pymarshal` should give for the message in `m`, from
/// the single-value functions.
fn expected_object(m: &EppMessage) -> Option<Py> {
    if !matches!(
        m.view_ref(),
        Stored::Command(_) | Stored::Response(..) | Stored::Greeting(_)
    ) {
        return None;
    }
    let text = |s: Str<'_>| Py::Str(String::from_utf8(unescaped(s)).unwrap());
    let raw = |s: Option<Str<'_>>| s.map_or(Py::None, |s| Py::Str(s.raw().to_owned()));
    let fields = (0..=EPP_FIELD_LAST)
        .map(|f| field_str(m, f).map_or(Py::None, text))
        .collect();
    let lists = (0..=EPP_LIST_LAST)
        .map(|l| {
            let items = strings(m, l).unwrap();
            Py::Tuple(
                (0..items.len())
                    .map(|i| text(items.get(i).unwrap()))
                    .collect(),
            )
        })
        .collect();
    let (mut results, mut checks) = (Vec::new(), Vec::new());
    if let Stored::Response(r, d) = m.view_ref() {
        for result in r.results().iter() {
            results.push(Py::Tuple(vec![
                Py::Int(i32::from(result.code().as_u16())),
                result.message().map_or(Py::None, text),
            ]));
        }
        if let Ok(items) = check_items(d) {
            for item in items.iter() {
                let name = match raw(item.name()) {
                    Py::None => Py::Str(String::new()),
                    name => name,
                };
                checks.push(Py::Tuple(vec![
                    name,
                    Py::Bool(item.available() == Some(true)),
                    raw(item.reason()),
                ]));
            }
        }
    }
    Some(Py::Tuple(vec![
        Py::Tuple(fields),
        Py::Tuple(lists),
        Py::List(results),
        Py::List(checks),
    ]))
}

/// `epp_message_pymarshal` on the message in `m` (growing the buffers as
/// told), compared with `expected_object`; returns whether there was a
/// message.
fn marshal_agrees(m: *mut EppMessage) -> bool {
    // SAFETY: a live handle.
    let want = expected_object(unsafe { &*m });
    let (b, p, r) = pack_growing(m, epp_message_pymarshal);
    let Some(want) = want else {
        assert_eq!(r, EppResult::WrongKind);
        return false;
    };
    assert_eq!(r, EppResult::Ok);
    assert_eq!(p.table_len, 0);
    let (got, used) = unmarshal(&b.text[..p.text_len]);
    assert_eq!(used, p.text_len, "one object, all of the text");
    assert_eq!(got, want);
    true
}

const NON_ASCII_CHECK: &[u8] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response>
<result code=\"1000\"><msg lang=\"de\">Befehl erfolgreich ausgeführt</msg></result>
<resData><domain:chkData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">
<domain:cd><domain:name avail=\"0\">xn--bcher-kva.example</domain:name><domain:reason>Vergeben &amp; gesperrt</domain:reason></domain:cd>
</domain:chkData></resData>
<trID><svTRID>S\u{e9}-1</svTRID></trID></response></epp>"
    .as_bytes();

#[test]
fn marshal_object_is_exactly_this() {
    let m = new();
    let mut b = Buffers::new(8, 1024, 0);
    let mut p = b.packed();
    // SAFETY: live handle; frame and buffers outlive the calls.
    let r = unsafe {
        epp_message_read_response_pymarshal(
            m,
            NON_ASCII_CHECK.as_ptr(),
            NON_ASCII_CHECK.len(),
            &mut p,
        )
    };
    assert_eq!(r, EppResult::Ok);
    let text = &b.text[..p.text_len];
    let s = |v: &str| Py::Str(v.into());
    let mut fields: Vec<Py> = (0..=EPP_FIELD_LAST).map(|_| Py::None).collect();
    fields[EPP_FIELD_SV_TRID as usize] = s("Sé-1");
    let lists = (0..=EPP_LIST_LAST).map(|_| Py::Tuple(vec![])).collect();
    assert_eq!(
        unmarshal(text),
        (
            Py::Tuple(vec![
                Py::Tuple(fields),
                Py::Tuple(lists),
                Py::List(vec![Py::Tuple(vec![
                    Py::Int(1000),
                    s("Befehl erfolgreich ausgeführt")
                ])]),
                // Check names and reasons raw, as the check accessors give them.
                Py::List(vec![Py::Tuple(vec![
                    s("xn--bcher-kva.example"),
                    Py::Bool(false),
                    s("Vergeben &amp; gesperrt"),
                ])]),
            ]),
            p.text_len
        )
    );
    // The frame: a small tuple of four, the fields tuple of EPP_FIELD_COUNT.
    assert_eq!(&text[..4], &[b')', 4, b')', EPP_FIELD_LAST as u8 + 1]);
    // SAFETY: every pointer NULL, live or valid for its capacity.
    unsafe {
        assert_eq!(
            epp_message_read_command_pymarshal(m, ptr::null(), 0, ptr::null_mut()),
            EppResult::NullArgument
        );
        // Too short: the size needed, then success with exactly that.
        let mut short = Buffers::new(8, 10, 0);
        let mut p2 = short.packed();
        assert_eq!(epp_message_pymarshal(m, &mut p2), EppResult::BufferTooSmall);
        assert_eq!(p2.text_len, p.text_len);
        let mut exact = Buffers::new(8, p.text_len, 0);
        let mut p3 = exact.packed();
        assert_eq!(epp_message_pymarshal(m, &mut p3), EppResult::Ok);
        assert_eq!(&exact.text[..], text);
        epp_message_free(m);
    }
}

#[test]
fn a_list_of_more_than_255_comes_out_as_a_long_tuple() {
    let mut frame = String::from(
        "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><check>\
         <domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">",
    );
    for i in 0..300 {
        frame.push_str(&format!("<domain:name>n{i}.example</domain:name>"));
    }
    frame.push_str("</domain:check></check></command></epp>");
    let m = new();
    // SAFETY: live handle; the frame outlives the calls below.
    let r = unsafe { epp_message_read_command(m, frame.as_ptr(), frame.len()) };
    assert_eq!(r, EppResult::Ok);
    // The comparison with the single-value calls takes each name by index
    // (quadratic in the names): too slow under Miri, where the 300 values
    // are still checked below.
    if !cfg!(miri) {
        assert!(marshal_agrees(m));
    }
    let (b, p, r) = pack_growing(m, epp_message_pymarshal);
    assert_eq!(r, EppResult::Ok);
    let Py::Tuple(top) = unmarshal(&b.text[..p.text_len]).0 else {
        panic!("not a tuple")
    };
    let Py::Tuple(lists) = &top[1] else {
        panic!("lists not a tuple")
    };
    assert_eq!(
        lists[EPP_LIST_NAMES as usize],
        Py::Tuple((0..300).map(|i| Py::Str(format!("n{i}.example"))).collect())
    );
    // The long form: code, then 300 as a little-endian u32.
    let at = b.text[..p.text_len]
        .windows(5)
        .position(|w| w == [b'(', 44, 1, 0, 0])
        .expect("a long tuple of 300");
    assert!(at > 0);
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}
