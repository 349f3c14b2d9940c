//! The bulk accessors agree with the single-value ones, span for span, on
//! corpus messages (compiled in, so that Miri runs these too; the whole
//! corpus is read from disk outside Miri), on hand-made messages with
//! escapes and detached values, and on every NULL, short-buffer and
//! wrong-kind path.

use super::*;
use crate::message::*;
use std::ffi::c_char;
use std::ptr;

fn new() -> *mut EppMessage {
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    m
}

/// The bulk calls' results, gathered.
#[derive(Debug, Default)]
struct Bulk {
    fields: Vec<EppSpan>,
    counts: Vec<u32>,
    items: Vec<EppSpan>,
    results: Option<Vec<EppResultEntry>>,
    checks: Option<Vec<EppCheckEntry>>,
}

/// Runs every bulk call on `m` (with buffers of exactly the size needed,
/// asked for first).
fn bulk(m: *const EppMessage) -> Result<Bulk, EppResult> {
    let mut b = Bulk {
        fields: vec![EppSpan::default(); EPP_FIELD_COUNT as usize],
        counts: vec![0; EPP_LIST_COUNT as usize],
        ..Bulk::default()
    };
    let mut n = 0;
    // SAFETY: live handle; buffers of the lengths passed.
    unsafe {
        match epp_message_fields(m, b.fields.as_mut_ptr(), b.fields.len(), &mut n) {
            EppResult::Ok => assert_eq!(n, EPP_FIELD_COUNT as usize),
            e => return Err(e),
        }
        let r = epp_message_lists(
            m,
            b.counts.as_mut_ptr(),
            b.counts.len(),
            ptr::null_mut(),
            0,
            &mut n,
        );
        if r == EppResult::BufferTooSmall {
            b.items = vec![EppSpan::default(); n];
        } else {
            assert_eq!((r, n), (EppResult::Ok, 0));
        }
        let r = epp_message_lists(
            m,
            b.counts.as_mut_ptr(),
            b.counts.len(),
            b.items.as_mut_ptr(),
            b.items.len(),
            &mut n,
        );
        assert_eq!((r, n), (EppResult::Ok, b.items.len()));
        assert_eq!(b.counts.iter().map(|&c| c as usize).sum::<usize>(), n);

        let r = epp_message_results(m, ptr::null_mut(), 0, &mut n);
        if r != EppResult::WrongKind {
            let mut v = vec![EppResultEntry::default(); n];
            let r = epp_message_results(m, v.as_mut_ptr(), v.len(), &mut n);
            assert_eq!((r, n), (EppResult::Ok, v.len()));
            b.results = Some(v);
        }
        let r = epp_message_checks(m, ptr::null_mut(), 0, &mut n);
        if r != EppResult::WrongKind {
            let mut v = vec![EppCheckEntry::default(); n];
            let r = epp_message_checks(m, v.as_mut_ptr(), v.len(), &mut n);
            assert_eq!((r, n), (EppResult::Ok, v.len()));
            b.checks = Some(v);
        }
    }
    // The one-call form gives the same, after asking for the sizes.
    let mut fields = vec![EppSpan::default(); EPP_FIELD_COUNT as usize];
    let mut counts = vec![0u32; EPP_LIST_COUNT as usize];
    let mut one = EppBulk {
        fields: fields.as_mut_ptr(),
        fields_cap: fields.len(),
        counts: counts.as_mut_ptr(),
        counts_cap: counts.len(),
        items: ptr::null_mut(),
        items_cap: 0,
        results: ptr::null_mut(),
        results_cap: 0,
        checks: ptr::null_mut(),
        checks_cap: 0,
        items_len: 99,
        results_len: 99,
        checks_len: 99,
    };
    // SAFETY: live handle; arrays of the capacities given.
    let r = unsafe { epp_message_bulk(m, &mut one) };
    let lens = (
        b.items.len(),
        b.results.as_ref().map_or(0, Vec::len),
        b.checks.as_ref().map_or(0, Vec::len),
    );
    assert_eq!((one.items_len, one.results_len, one.checks_len), lens);
    assert_eq!(r == EppResult::Ok, lens == (0, 0, 0));
    let mut items = vec![EppSpan::default(); lens.0];
    let mut results = vec![EppResultEntry::default(); lens.1];
    let mut checks = vec![EppCheckEntry::default(); lens.2];
    (one.items, one.items_cap) = (items.as_mut_ptr(), items.len());
    (one.results, one.results_cap) = (results.as_mut_ptr(), results.len());
    (one.checks, one.checks_cap) = (checks.as_mut_ptr(), checks.len());
    // SAFETY: as above.
    assert_eq!(unsafe { epp_message_bulk(m, &mut one) }, EppResult::Ok);
    assert_eq!(
        (fields, counts, items),
        (b.fields.clone(), b.counts.clone(), b.items.clone())
    );
    assert_eq!(results, b.results.clone().unwrap_or_default());
    assert_eq!(checks, b.checks.clone().unwrap_or_default());
    Ok(b)
}

/// A span from the bulk calls equals what a single-value getter handed out
/// (`got`: its result, pointer and length) and, unless it is flagged, the
/// unescaped value (`value`) equals the raw text.
/// `value` is `None` where there is no `_unescaped` getter.
fn same(
    frame: &[u8],
    span: EppSpan,
    got: (EppResult, *const c_char, usize),
    value: Option<Option<Vec<u8>>>,
) {
    let (r, p, n) = got;
    if r == EppResult::Absent {
        assert_eq!(span, EppSpan::ABSENT);
        return;
    }
    assert_eq!(r, EppResult::Ok);
    assert_ne!(span.flags & EPP_SPAN_PRESENT, 0, "{span:?}");
    assert_eq!(span.len as usize, n);
    // SAFETY: the getter handed out `n` readable bytes at `p`.
    let single = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) };
    if span.flags & EPP_SPAN_DETACHED != 0 {
        assert_eq!(span.offset, 0);
        assert!(span_text(frame, span).is_none());
    } else {
        let text = span_text(frame, span).expect("a span in the frame");
        assert_eq!(text, single);
        if n > 0 {
            assert_eq!(
                text.as_ptr(),
                single.as_ptr(),
                "the very bytes of the frame"
            );
        }
    }
    if let Some(value) = value {
        if span.flags & (EPP_SPAN_ESCAPED | EPP_SPAN_DETACHED) == 0 {
            assert_eq!(
                value.as_deref(),
                Some(single),
                "an unflagged span is the value"
            );
        }
    }
}

/// What a `_unescaped` getter gives (`call(buf, cap, out_len)`).
fn unescaped(call: impl Fn(*mut c_char, usize, *mut usize) -> EppResult) -> Option<Vec<u8>> {
    let mut n = 0;
    match call(ptr::null_mut(), 0, &mut n) {
        EppResult::Ok => return Some(Vec::new()),
        EppResult::BufferTooSmall => {}
        _ => return None,
    }
    let mut buf = vec![0u8; n];
    assert_eq!(call(buf.as_mut_ptr().cast(), n, &mut n), EppResult::Ok);
    Some(buf)
}

/// Every bulk value of the message `m` holds (read from `frame`) equals
/// the single-value accessors' answer. Returns how many values it compared.
fn agrees(m: *const EppMessage, frame: &[u8]) -> usize {
    let Ok(b) = bulk(m) else {
        // No message: every bulk call says so.
        // SAFETY: live handle.
        assert_ne!(unsafe { epp_message_kind(m) }, EppKind::Command);
        return 0;
    };
    // SAFETY: a live handle whose frame is alive; out-parameters and
    // buffers are locals of the sizes passed.
    unsafe {
        let mut compared = 0;
        for (f, span) in (0..EPP_FIELD_COUNT).zip(&b.fields) {
            let (mut p, mut n) = (ptr::null(), 0);
            let r = epp_message_field(m, f, &mut p, &mut n);
            let value = unescaped(|buf, cap, out| epp_message_field_unescaped(m, f, buf, cap, out));
            same(frame, *span, (r, p, n), Some(value));
            compared += 1;
        }
        let mut at = 0;
        for (l, &count) in (0..EPP_LIST_COUNT).zip(&b.counts) {
            assert_eq!(epp_message_list_count(m, l), count as usize);
            for i in 0..count as usize {
                let (mut p, mut n) = (ptr::null(), 0);
                let r = epp_message_list_item(m, l, i, &mut p, &mut n);
                let value = unescaped(|buf, cap, out| {
                    epp_message_list_item_unescaped(m, l, i, buf, cap, out)
                });
                same(frame, b.items[at], (r, p, n), Some(value));
                at += 1;
                compared += 1;
            }
        }
        if let Some(results) = &b.results {
            assert_eq!(epp_message_result_count(m), results.len());
            for (i, e) in results.iter().enumerate() {
                let mut code = 0;
                assert_eq!(epp_message_result_code(m, i, &mut code), EppResult::Ok);
                assert_eq!(e.code, u32::from(code));
                let (mut p, mut n) = (ptr::null(), 0);
                let r = epp_message_result_msg(m, i, &mut p, &mut n);
                let value = unescaped(|buf, cap, out| {
                    epp_message_result_msg_unescaped(m, i, buf, cap, out)
                });
                same(frame, e.msg, (r, p, n), Some(value));
                compared += 1;
            }
        } else {
            assert_ne!(epp_message_kind(m), EppKind::Response);
        }
        if let Some(checks) = &b.checks {
            assert_eq!(epp_message_check_count(m), checks.len());
            for (i, e) in checks.iter().enumerate() {
                let (mut p, mut n) = (ptr::null(), 0);
                let r = epp_message_check_name(m, i, &mut p, &mut n);
                same(frame, e.name, (r, p, n), None);
                let r = epp_message_check_reason(m, i, &mut p, &mut n);
                same(frame, e.reason, (r, p, n), None);
                let mut avail = false;
                let r = epp_message_check_available(m, i, &mut avail);
                let want = match r {
                    EppResult::Ok => u32::from(avail),
                    _ => EPP_CHECK_AVAILABLE_UNKNOWN,
                };
                assert_eq!(e.available, want);
                compared += 1;
            }
        }
        compared
    }
}

/// Reads `frame` with each reader and checks the bulk calls against the
/// single-value ones.
fn agrees_all_readers(m: *mut EppMessage, frame: &[u8]) -> usize {
    let readers: [unsafe extern "C" fn(*mut EppMessage, *const u8, usize) -> EppResult; 3] = [
        epp_message_read_command,
        epp_message_read_response,
        epp_message_read_greeting,
    ];
    let mut compared = 0;
    for read in readers {
        // SAFETY: live handle; the frame outlives the accessors below.
        unsafe { read(m, frame.as_ptr(), frame.len()) };
        compared += agrees(m, frame);
    }
    compared
}

#[test]
fn bulk_agrees_with_single_values_on_corpus_messages() {
    let m = new();
    let frames: [&[u8]; 14] = [
        corpus!("rfc/5730/002-S-s2.4.xml"),
        corpus!("rfc/5730/013-C-s2.9.1.1.xml"),
        corpus!("rfc/5730/022-S-s2.9.2.3.xml"),
        corpus!("rfc/5730/023-C-s2.9.2.3.xml"),
        corpus!("rfc/5731/001-C-s3.1.1.xml"),
        corpus!("rfc/5731/002-S-s3.1.1.xml"),
        corpus!("rfc/5731/005-S-s3.1.2.xml"),
        corpus!("rfc/5731/009-C-s3.2.1.xml"),
        corpus!("rfc/5731/017-C-s3.2.5.xml"),
        corpus!("rfc/5732/004-S-s3.1.2.xml"),
        corpus!("rfc/5732/005-C-s3.2.1.xml"),
        corpus!("rfc/5732/009-C-s3.2.5.xml"),
        corpus!("rfc/5733/004-S-s3.1.2.xml"),
        corpus!("rfc/5733/007-C-s3.2.1.xml"),
    ];
    let compared: usize = frames.iter().map(|f| agrees_all_readers(m, f)).sum();
    assert!(compared > 14 * EPP_FIELD_COUNT as usize, "{compared}");
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

/// Every message of the corpus (read from disk: not under Miri, which
/// isolates the file system).
#[test]
#[cfg_attr(miri, ignore)]
fn bulk_agrees_with_single_values_on_the_whole_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("the corpus");
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = header.iter().position(|h| *h == "path").unwrap();
    let m = new();
    let mut messages = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let path = line.split('\t').nth(col).unwrap();
        let frame = std::fs::read(dir.join(path)).unwrap();
        agrees_all_readers(m, &frame);
        messages += 1;
    }
    assert!(messages >= 290, "{messages}");
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

const ESCAPED_RESPONSE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="1000"><msg>Fish &amp; chips</msg></result>
<result code="2400"><msg lang="en">  Plain  </msg></result>
<result code="2500"/>
<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
<domain:cd><domain:name avail="1">a&#46;example</domain:name></domain:cd>
<domain:cd><domain:name avail="0">b.example</domain:name><domain:reason>In use</domain:reason></domain:cd>
<domain:cd><domain:name>c.example</domain:name></domain:cd>
</domain:chkData></resData>
<trID><clTRID>A&lt;B</clTRID><svTRID>S-1</svTRID></trID></response></epp>"#;

#[test]
fn escapes_are_flagged_and_check_entries_typed() {
    let m = new();
    // SAFETY: live handle; the static frame outlives it.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, ESCAPED_RESPONSE.as_ptr(), ESCAPED_RESPONSE.len()),
            EppResult::Ok
        );
    }
    let b = bulk(m).unwrap();
    let text = |s: EppSpan| span_text(ESCAPED_RESPONSE, s).unwrap();
    let cl = b.fields[EPP_FIELD_CL_TRID as usize];
    assert_eq!(cl.flags, EPP_SPAN_PRESENT | EPP_SPAN_ESCAPED);
    assert_eq!(text(cl), b"A&lt;B");
    let sv = b.fields[EPP_FIELD_SV_TRID as usize];
    assert_eq!((sv.flags, text(sv)), (EPP_SPAN_PRESENT, &b"S-1"[..]));
    assert_eq!(b.fields[EPP_FIELD_OBJECT_NAME as usize], EppSpan::ABSENT);

    let results = b.results.as_ref().unwrap();
    assert_eq!(
        results.iter().map(|r| r.code).collect::<Vec<_>>(),
        [1000, 2400, 2500]
    );
    assert_eq!(results[0].msg.flags, EPP_SPAN_PRESENT | EPP_SPAN_ESCAPED);
    assert_eq!(text(results[0].msg), b"Fish &amp; chips");
    assert_eq!(results[1].msg.flags, EPP_SPAN_PRESENT);
    assert_eq!(results[2].msg, EppSpan::ABSENT);

    let checks = b.checks.as_ref().unwrap();
    assert_eq!(checks.len(), 3);
    assert_eq!(checks[0].name.flags, EPP_SPAN_PRESENT | EPP_SPAN_ESCAPED);
    assert_eq!(text(checks[0].name), b"a&#46;example");
    assert_eq!(
        (checks[0].available, checks[0].reason),
        (1, EppSpan::ABSENT)
    );
    assert_eq!(
        (checks[1].available, text(checks[1].reason)),
        (0, &b"In use"[..])
    );
    assert_eq!(checks[2].available, EPP_CHECK_AVAILABLE_UNKNOWN);
    assert!(agrees(m, ESCAPED_RESPONSE) > 0);
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn host_update_statuses_are_detached() {
    let m = new();
    let frame = corpus!("rfc/5732/009-C-s3.2.5.xml");
    // SAFETY: live handle; the static frame outlives it.
    unsafe {
        assert_eq!(
            epp_message_read_command(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
    }
    let b = bulk(m).unwrap();
    assert_eq!(b.counts[EPP_LIST_STATUSES_ADD as usize], 1);
    let before: u32 = b.counts[..EPP_LIST_STATUSES_ADD as usize].iter().sum();
    let status = b.items[before as usize];
    assert_eq!(status.flags, EPP_SPAN_PRESENT | EPP_SPAN_DETACHED);
    assert_eq!(
        (status.offset, status.len as usize),
        (0, "clientUpdateProhibited".len())
    );
    assert!(agrees(m, frame) > 0);
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn lists_come_in_list_order() {
    let m = new();
    let frame = corpus!("rfc/5731/005-S-s3.1.2.xml");
    // SAFETY: live handle; the static frame outlives it.
    unsafe {
        assert_eq!(
            epp_message_read_response(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
    }
    let b = bulk(m).unwrap();
    let mut at = 0;
    let mut lists: Vec<Vec<&[u8]>> = Vec::new();
    for &count in &b.counts {
        let items = &b.items[at..at + count as usize];
        lists.push(
            items
                .iter()
                .map(|s| span_text(frame, *s).unwrap())
                .collect(),
        );
        at += count as usize;
    }
    assert_eq!(lists[EPP_LIST_STATUSES as usize], [&b"ok"[..]]);
    assert_eq!(
        lists[EPP_LIST_CONTACT_TYPES as usize],
        [&b"admin"[..], &b"tech"[..]]
    );
    assert_eq!(
        lists[EPP_LIST_NAME_SERVERS as usize],
        [&b"ns1.example.com"[..], &b"ns1.example.net"[..]]
    );
    assert_eq!(lists[EPP_LIST_HOSTS as usize].len(), 2);
    let name = b.fields[EPP_FIELD_OBJECT_NAME as usize];
    assert_eq!(span_text(frame, name), Some(&b"example.com"[..]));
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn nulls_short_buffers_and_wrong_kinds() {
    let m = new();
    let mut fields = [EppSpan::default(); EPP_FIELD_COUNT as usize];
    let mut counts = [0u32; EPP_LIST_COUNT as usize];
    let mut items = [EppSpan::default(); 2];
    let mut results = [EppResultEntry::default(); 1];
    let mut checks = [EppCheckEntry::default(); 1];
    let mut n = 12345;
    let (fp, fl) = (fields.as_mut_ptr(), fields.len());
    let (cp, cl) = (counts.as_mut_ptr(), counts.len());
    let ip = items.as_mut_ptr();
    // SAFETY: every pointer is NULL or valid for the length passed.
    unsafe {
        // NULL arguments.
        assert_eq!(
            epp_message_fields(ptr::null(), fp, fl, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_fields(m, ptr::null_mut(), fl, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_fields(m, fp, fl, ptr::null_mut()),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_lists(ptr::null(), cp, cl, ip, 2, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_lists(m, ptr::null_mut(), cl, ip, 2, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_lists(m, cp, cl, ip, 2, ptr::null_mut()),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_results(ptr::null(), results.as_mut_ptr(), 1, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_results(m, results.as_mut_ptr(), 1, ptr::null_mut()),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_checks(ptr::null(), checks.as_mut_ptr(), 1, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_checks(m, checks.as_mut_ptr(), 1, ptr::null_mut()),
            EppResult::NullArgument
        );
        // Nothing read yet.
        assert_eq!(epp_message_fields(m, fp, fl, &mut n), EppResult::WrongKind);
        assert_eq!(
            epp_message_lists(m, cp, cl, ip, 2, &mut n),
            EppResult::WrongKind
        );
        assert_eq!(
            epp_message_results(m, results.as_mut_ptr(), 1, &mut n),
            EppResult::WrongKind
        );
        assert_eq!(
            epp_message_checks(m, checks.as_mut_ptr(), 1, &mut n),
            EppResult::WrongKind
        );
        assert_eq!(n, 12345, "nothing written on failure");

        // A command: short buffers.
        let frame = corpus!("rfc/5731/009-C-s3.2.1.xml");
        assert_eq!(
            epp_message_read_command(m, frame.as_ptr(), frame.len()),
            EppResult::Ok
        );
        assert_eq!(
            epp_message_fields(m, fp, fl - 1, &mut n),
            EppResult::BufferTooSmall
        );
        assert_eq!(n, EPP_FIELD_COUNT as usize);
        assert_eq!(fields, [EppSpan::default(); EPP_FIELD_COUNT as usize]);
        assert_eq!(
            epp_message_lists(m, cp, cl - 1, ip, 2, &mut n),
            EppResult::InvalidArgument
        );
        // The create command has 1 name, 2 name servers, 2 contacts and
        // their 2 types: 7 items.
        assert_eq!(
            epp_message_lists(m, cp, cl, ip, 2, &mut n),
            EppResult::BufferTooSmall
        );
        assert_eq!(n, 7);
        assert_eq!(
            counts, [0; EPP_LIST_COUNT as usize],
            "counts written only on success"
        );
        // The items that fit were stored: the name first.
        assert_eq!(span_text(frame, items[0]), Some(&b"example.com"[..]));
        // Items NULL with room claimed: a NULL argument, not a crash.
        assert_eq!(
            epp_message_lists(m, cp, cl, ptr::null_mut(), 7, &mut n),
            EppResult::NullArgument
        );
        // Responses only.
        assert_eq!(
            epp_message_results(m, results.as_mut_ptr(), 1, &mut n),
            EppResult::WrongKind
        );
        assert_eq!(
            epp_message_checks(m, checks.as_mut_ptr(), 1, &mut n),
            EppResult::WrongKind
        );

        // A response: results and checks ask for room.
        let chk = corpus!("rfc/5731/002-S-s3.1.1.xml");
        assert_eq!(
            epp_message_read_response(m, chk.as_ptr(), chk.len()),
            EppResult::Ok
        );
        assert_eq!(
            epp_message_checks(m, checks.as_mut_ptr(), 1, &mut n),
            EppResult::BufferTooSmall
        );
        assert_eq!(n, 3);
        assert_eq!(checks[0], EppCheckEntry::default());
        assert_eq!(
            epp_message_checks(m, ptr::null_mut(), 3, &mut n),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_results(m, results.as_mut_ptr(), 1, &mut n),
            EppResult::Ok
        );
        assert_eq!((n, results[0].code), (1, 1000));
        assert_eq!(
            epp_message_results(m, ptr::null_mut(), 0, &mut n),
            EppResult::BufferTooSmall
        );

        // The one-call form: NULLs and short arrays.
        let mut one = EppBulk {
            fields: fp,
            fields_cap: fl,
            counts: cp,
            counts_cap: cl,
            items: ip,
            items_cap: 2,
            results: results.as_mut_ptr(),
            results_cap: 1,
            checks: ptr::null_mut(),
            checks_cap: 0,
            items_len: 0,
            results_len: 0,
            checks_len: 0,
        };
        assert_eq!(
            epp_message_bulk(ptr::null(), &mut one),
            EppResult::NullArgument
        );
        assert_eq!(
            epp_message_bulk(m, ptr::null_mut()),
            EppResult::NullArgument
        );
        one.checks_cap = 1;
        assert_eq!(epp_message_bulk(m, &mut one), EppResult::NullArgument);
        one.checks_cap = 0;
        one.fields_cap = fl - 1;
        assert_eq!(epp_message_bulk(m, &mut one), EppResult::InvalidArgument);
        one.fields_cap = fl;
        // The check response: 0 items, 1 result, 3 check entries.
        assert_eq!(epp_message_bulk(m, &mut one), EppResult::BufferTooSmall);
        assert_eq!((one.items_len, one.results_len, one.checks_len), (0, 1, 3));
        one.checks = checks.as_mut_ptr();
        one.checks_cap = 1;
        assert_eq!(epp_message_bulk(m, &mut one), EppResult::BufferTooSmall);

        // A failed read: no message.
        let bad = b"<epp";
        assert_eq!(
            epp_message_read_command(m, bad.as_ptr(), bad.len()),
            EppResult::ReadError
        );
        assert_eq!(epp_message_fields(m, fp, fl, &mut n), EppResult::WrongKind);
        assert_eq!(
            epp_message_lists(m, cp, cl, ip, 2, &mut n),
            EppResult::WrongKind
        );
        assert_eq!(epp_message_bulk(m, &mut one), EppResult::WrongKind);
        epp_message_free(m);
    }
}

/// The erased lifetime under the bulk calls: the frame is freed and
/// replaced between reads of the same handle (Miri checks every access).
#[test]
fn a_replaced_frame_is_never_read() {
    let m = new();
    let mut fields = [EppSpan::default(); EPP_FIELD_COUNT as usize];
    let mut n = 0;
    for path in [
        &corpus!("rfc/5731/005-S-s3.1.2.xml")[..],
        &corpus!("rfc/5732/004-S-s3.1.2.xml")[..],
    ] {
        let frame = path.to_vec();
        // SAFETY: live handle; `frame` lives until the end of this turn,
        // and the next read replaces the view before it is used again.
        unsafe {
            assert_eq!(
                epp_message_read_response(m, frame.as_ptr(), frame.len()),
                EppResult::Ok
            );
            assert_eq!(
                epp_message_fields(m, fields.as_mut_ptr(), fields.len(), &mut n),
                EppResult::Ok
            );
        }
        let name = fields[EPP_FIELD_OBJECT_NAME as usize];
        assert!(span_text(&frame, name).unwrap().ends_with(b".com"));
        drop(frame);
    }
    // SAFETY: a live handle, freed once.
    unsafe { epp_message_free(m) };
}
