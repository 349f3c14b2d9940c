//! Dumps, for every message of the corpus (`../shared/corpus/MANIFEST.tsv`),
//! every field the C ABI exposes, one line per field, so that the Go and
//! Python bindings can produce the same dump through their own API and
//! compare it line for line (`ffi/go/dump_test.go`, `ffi/python/tests`).
//!
//! ```text
//! cargo run --release -p epp-codec-ffi --example dump_fields > dump.txt
//! ```
//!
//! Each message is read three times — as a command, a response and a
//! greeting — and every line starts with `<path>\t<reader>\t`, then one of:
//!
//! - `read\tok\t<kind>\t<command>\t<object>\t<poll op>\t<transfer op>`
//! - `read\terror\t<EPP code>\t<byte offset>\t<message>` (then, after a
//!   command read, `error_response\t<XML>` as `epp_write_error_response`
//!   writes it with svTRID `SV-DUMP`, no clTRID, no framing)
//! - `read\tfail\t<epp_result>` for any other failure
//! - `field\t<n>\t<raw>\t<value>` for each present `EPP_FIELD_*`
//! - `date\t<n>\t<YYYY-MM-DDTHH:MM:SS.ffffff[±HH:MM]>` or `date\t<n>\tinvalid`
//!   for each present date-time field
//! - `list\t<n>\t<index>\t<raw>\t<value>` for each item of each `EPP_LIST_*`
//! - `result\t<index>\t<code>\t<raw msg>\t<msg value>`
//! - `msgq_count\t<count>` when the response has a `<msgQ>`
//! - `res_data\t<kind>\t<XML>` when the response has `<resData>`
//! - `check\t<index>\t<name>\t<0|1>\t<reason>`
//! - `extension\t<index>\t<namespace URI>\t<XML>`
//! - `contact\t<n>\t<raw>\t<value>` for each present `EPP_CONTACT_*`
//! - `postal\t<index>\t<n>\t<raw>\t<value>` for each present `EPP_POSTAL_*`
//!   of each postal information
//! - `disclose\t<flag>\t<ten 0/1 digits: flag, name int/loc, org int/loc,
//!   addr int/loc, voice, fax, email>`
//! - `period\t<value>\t<unit>` (`epp_period_unit` number)
//! - `address_version\t<list>\t<index>\t<4|6>` for each item of the
//!   address lists
//! - `ns_form\t<list>\t<form>` for each name server list with a form,
//!   then `ns_address\t<list>\t<index>\t<address index>\t<raw>\t<4|6>`
//! - `object\t<n>\t<raw>\t<value>` for each present `EPP_OBJECT_*`
//! - `object_date\t<n>\t<date or invalid>` for each present date-time
//!   `EPP_OBJECT_*` field
//! - `status\t<list>\t<index>\t<lang>\t<raw text>\t<text value>` for each
//!   status with a text or a lang
//! - `ext_kind\t<index>\t<kind>` for each extension element (and for
//!   the data at `EPP_EXT_INDEX_DATA` when it is typed), then for each
//!   present field of each item of each of its lists:
//!   `ext_number\t<index>\t<list>\t<item>\t<field>\t<n>` or
//!   `ext_string\t<index>\t<list>\t<item>\t<field>\t<raw>\t<value>`
//!
//! Text is escaped so that one field stays on one line: `\` becomes `\\`,
//! newline `\n`, tab `\t`, carriage return `\r`; an absent value is `\-`.
//! "Raw" is the text as written in the frame, "value" the unescaped text.
//! Dates print microseconds, the precision every binding's date type has.

use std::ffi::c_char;
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::ptr;

use epp::EppResult;
use epp::auth_info::*;
use epp::contact::*;
use epp::ext::*;
use epp::ext_more::*;
use epp::greeting::*;
use epp::message::*;
use epp::object::*;
use epp::response_detail::*;
use epp::write::epp_write_error_response;

/// The corpus directory: `EPP_CORPUS_DIR` or `../shared/corpus` beside the
/// repository.
fn corpus_dir() -> PathBuf {
    std::env::var_os("EPP_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"))
}

/// Escapes a value so that it stays on one line (see the module docs).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The escaped value, or `\-` when absent.
fn opt(text: Option<String>) -> String {
    text.map_or_else(|| "\\-".to_owned(), |t| escape(&t))
}

/// A string an accessor handed out, copied.
fn text(p: *const c_char, n: usize) -> String {
    // SAFETY: the accessors hand out `n` bytes of UTF-8 at `p`, valid while
    // the frame is (the caller's `bytes`, alive for the whole dump).
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) };
    String::from_utf8_lossy(bytes).into_owned()
}

/// Calls a `(ptr, len)` accessor; `None` unless it returns OK.
fn get(f: impl FnOnce(*mut *const c_char, *mut usize) -> EppResult) -> Option<String> {
    let (mut p, mut n) = (ptr::null(), 0);
    (f(&mut p, &mut n) == EppResult::Ok).then(|| text(p, n))
}

/// Calls an `*_unescaped` accessor (asking for the length first).
fn get_unescaped(f: impl Fn(*mut c_char, usize, *mut usize) -> EppResult) -> Option<String> {
    let mut needed = 0;
    match f(ptr::null_mut(), 0, &mut needed) {
        EppResult::Ok => return Some(String::new()),
        EppResult::BufferTooSmall => {}
        _ => return None,
    }
    let mut buf = vec![0u8; needed];
    let mut len = 0;
    (f(buf.as_mut_ptr().cast(), buf.len(), &mut len) == EppResult::Ok)
        .then(|| String::from_utf8_lossy(&buf[..len]).into_owned())
}

/// The date-time fields `epp_message_field_datetime` reads.
const DATE_FIELDS: [u32; 6] = [
    EPP_FIELD_MSGQ_DATE,
    EPP_FIELD_CREATED,
    EPP_FIELD_UPDATED,
    EPP_FIELD_EXPIRES,
    EPP_FIELD_TRANSFERRED,
    EPP_FIELD_SERVER_DATE,
];

/// Dumps what `m` holds after a successful read.
fn dump_message(m: *const EppMessage, out: &mut Vec<String>) {
    // SAFETY (every call below): `m` is a live handle whose frame is alive.
    unsafe {
        for f in 0..=EPP_FIELD_LAST {
            let Some(raw) = get(|p, n| epp_message_field(m, f, p, n)) else {
                continue;
            };
            let value = get_unescaped(|b, c, l| epp_message_field_unescaped(m, f, b, c, l));
            out.push(format!("field\t{f}\t{}\t{}", escape(&raw), opt(value)));
            if !DATE_FIELDS.contains(&f) {
                continue;
            }
            let mut dt = std::mem::zeroed::<EppDateTime>();
            match epp_message_field_datetime(m, f, &mut dt) {
                EppResult::Ok => out.push(format!("date\t{f}\t{}", format_datetime(&dt))),
                EppResult::InvalidValue => out.push(format!("date\t{f}\tinvalid")),
                _ => {}
            }
        }
        for l in 0..=EPP_LIST_LAST {
            for i in 0..epp_message_list_count(m, l) {
                let raw = get(|p, n| epp_message_list_item(m, l, i, p, n));
                let value =
                    get_unescaped(|b, c, n| epp_message_list_item_unescaped(m, l, i, b, c, n));
                out.push(format!("list\t{l}\t{i}\t{}\t{}", opt(raw), opt(value)));
            }
        }
        for i in 0..epp_message_result_count(m) {
            let mut code = 0u16;
            if epp_message_result_code(m, i, &mut code) != EppResult::Ok {
                continue;
            }
            let raw = get(|p, n| epp_message_result_msg(m, i, p, n));
            let value = get_unescaped(|b, c, n| epp_message_result_msg_unescaped(m, i, b, c, n));
            out.push(format!("result\t{i}\t{code}\t{}\t{}", opt(raw), opt(value)));
        }
        let mut count = 0u64;
        if epp_message_msgq_count(m, &mut count) == EppResult::Ok {
            out.push(format!("msgq_count\t{count}"));
        }
        let kind = epp_message_res_data_kind(m) as u32;
        if kind != 0 {
            let xml = get(|p, n| epp_message_res_data_xml(m, p, n));
            out.push(format!("res_data\t{kind}\t{}", opt(xml)));
        }
        for i in 0..epp_message_check_count(m) {
            let name = get(|p, n| epp_message_check_name(m, i, p, n));
            let mut available = false;
            let avail = epp_message_check_available(m, i, &mut available) == EppResult::Ok;
            let reason = get(|p, n| epp_message_check_reason(m, i, p, n));
            let flag = if !avail {
                "\\-"
            } else if available {
                "1"
            } else {
                "0"
            };
            out.push(format!(
                "check\t{i}\t{}\t{flag}\t{}",
                opt(name),
                opt(reason)
            ));
        }
        for i in 0..epp_message_extension_count(m) {
            let ns = get(|p, n| epp_message_extension_namespace(m, i, p, n));
            let xml = get(|p, n| epp_message_extension_xml(m, i, p, n));
            out.push(format!("extension\t{i}\t{}\t{}", opt(ns), opt(xml)));
        }
    }
    dump_objects(m, out);
    dump_details(m, out);
}

/// The response details (`epp::response_detail`) and the greeting's data
/// collection policy (`epp::greeting`).
fn dump_details(m: *const EppMessage, out: &mut Vec<String>) {
    unsafe {
        for i in 0..epp_message_result_count(m) {
            if let Some(lang) = get(|p, n| epp_message_result_msg_lang(m, i, p, n)) {
                out.push(format!("result_lang\t{i}\t{}", escape(&lang)));
            }
            for j in 0..epp_message_result_value_count(m, i) {
                let v = get(|p, n| epp_message_result_value(m, i, j, p, n)).unwrap_or_default();
                out.push(format!("result_value\t{i}\t{j}\t{}", escape(&v)));
            }
            for j in 0..epp_message_result_ext_value_count(m, i) {
                let value = get(|p, n| epp_message_result_ext_value(m, i, j, p, n));
                let reason = get_unescaped(|b, c, n| {
                    epp_message_result_ext_value_reason_unescaped(m, i, j, b, c, n)
                });
                let lang = get(|p, n| epp_message_result_ext_value_reason_lang(m, i, j, p, n));
                out.push(format!(
                    "result_ext_value\t{i}\t{j}\t{}\t{}\t{}",
                    opt(value),
                    opt(reason),
                    opt(lang)
                ));
            }
        }
        if let Some(lang) = get(|p, n| epp_message_msgq_lang(m, p, n)) {
            out.push(format!("msgq_lang\t{}", escape(&lang)));
        }
        if let Some(xml) = get(|p, n| epp_message_msgq_xml(m, p, n)) {
            out.push(format!("msgq_xml\t{}", escape(&xml)));
        }
        for i in 0..epp_message_check_count(m) {
            if let Some(lang) = get(|p, n| epp_message_check_reason_lang(m, i, p, n)) {
                out.push(format!("check_lang\t{i}\t{}", escape(&lang)));
            }
        }
        let access = epp_message_dcp_access(m);
        if access != EppDcpAccess::Absent {
            out.push(format!("dcp_access\t{}", access as u32));
        }
        for i in 0..epp_message_dcp_statement_count(m) {
            let mut s = EppDcpStatement {
                purposes: 0,
                recipients: 0,
                retention: EppDcpRetention::Absent,
            };
            if epp_message_dcp_statement(m, i, &mut s) != EppResult::Ok {
                continue;
            }
            out.push(format!(
                "dcp_statement\t{i}\t{}\t{}\t{}",
                s.purposes, s.recipients, s.retention as u32
            ));
            for d in 0..epp_message_dcp_recipient_description_count(m, i) {
                let text = get(|p, n| epp_message_dcp_recipient_description(m, i, d, p, n))
                    .unwrap_or_default();
                out.push(format!("dcp_rec_desc\t{i}\t{d}\t{}", escape(&text)));
            }
        }
        let (form, new_form) = (
            epp_message_auth_info_form(m) as u32,
            epp_message_new_auth_info_form(m) as u32,
        );
        if form != 0 || new_form != 0 {
            let ext = get(|p, n| epp_message_auth_info_ext(m, p, n));
            let new_ext = get(|p, n| epp_message_new_auth_info_ext(m, p, n));
            out.push(format!(
                "auth_info\t{form}\t{new_form}\t{}\t{}",
                opt(ext),
                opt(new_ext)
            ));
        }
        let mut kind = EppDcpExpiryKind::Absent;
        if let Some(text) = get(|p, n| epp_message_dcp_expiry(m, &mut kind, p, n)) {
            out.push(format!("dcp_expiry\t{}\t{}", kind as u32, escape(&text)));
            let mut dt = std::mem::zeroed::<EppDateTime>();
            match epp_message_dcp_expiry_datetime(m, &mut dt) {
                EppResult::Ok => out.push(format!("dcp_expiry_date\t{}", format_datetime(&dt))),
                EppResult::InvalidValue => out.push("dcp_expiry_date\tinvalid".to_owned()),
                _ => {}
            }
        }
    }
}

/// The date-time fields `epp_message_object_field_datetime` reads.
const OBJECT_DATE_FIELDS: [u32; 4] = [
    EPP_OBJECT_REQUESTED,
    EPP_OBJECT_ACTION_DUE,
    EPP_OBJECT_TRANSFER_EXPIRES,
    EPP_OBJECT_PENDING_DATE,
];

/// Dumps the contact and object parts (`epp::contact`, `epp::object`).
fn dump_objects(m: *const EppMessage, out: &mut Vec<String>) {
    // SAFETY (every call below): `m` is a live handle whose frame is alive.
    unsafe {
        for f in 0..=EPP_CONTACT_LAST {
            let Some(raw) = get(|p, n| epp_message_contact_field(m, f, p, n)) else {
                continue;
            };
            let value = get_unescaped(|b, c, l| epp_message_contact_field_unescaped(m, f, b, c, l));
            out.push(format!("contact\t{f}\t{}\t{}", escape(&raw), opt(value)));
        }
        for i in 0..epp_message_postal_info_count(m) {
            for f in 0..=EPP_POSTAL_LAST {
                let Some(raw) = get(|p, n| epp_message_postal_info_field(m, i, f, p, n)) else {
                    continue;
                };
                let value = get_unescaped(|b, c, l| {
                    epp_message_postal_info_field_unescaped(m, i, f, b, c, l)
                });
                out.push(format!(
                    "postal\t{i}\t{f}\t{}\t{}",
                    escape(&raw),
                    opt(value)
                ));
            }
        }
        let mut d = EppDisclose::default();
        if epp_message_contact_disclose(m, &mut d) == EppResult::Ok {
            let bits = [
                d.flag, d.name_int, d.name_loc, d.org_int, d.org_loc, d.addr_int, d.addr_loc,
                d.voice, d.fax, d.email,
            ];
            let digits: String = bits.iter().map(|b| if *b { '1' } else { '0' }).collect();
            out.push(format!("disclose\t{digits}"));
        }
        let mut period = EppPeriod {
            value: 0,
            unit: EppPeriodUnit::None,
        };
        if epp_message_period(m, &mut period) == EppResult::Ok {
            out.push(format!("period\t{}\t{}", period.value, period.unit as u32));
        }
        for l in [
            EPP_LIST_ADDRESSES,
            EPP_LIST_ADDRESSES_ADD,
            EPP_LIST_ADDRESSES_REMOVE,
        ] {
            for i in 0..epp_message_list_count(m, l) {
                let v = epp_message_address_version(m, l, i) as u32;
                out.push(format!("address_version\t{l}\t{i}\t{v}"));
            }
        }
        for l in [
            EPP_LIST_NAME_SERVERS,
            EPP_LIST_NAME_SERVERS_ADD,
            EPP_LIST_NAME_SERVERS_REMOVE,
        ] {
            let form = epp_message_name_server_form(m, l) as u32;
            if form == 0 {
                continue;
            }
            out.push(format!("ns_form\t{l}\t{form}"));
            for i in 0..epp_message_list_count(m, l) {
                for a in 0..epp_message_name_server_address_count(m, l, i) {
                    let mut v = EppIpVersion::None;
                    let raw = get(|p, n| epp_message_name_server_address(m, l, i, a, p, n, &mut v));
                    out.push(format!(
                        "ns_address\t{l}\t{i}\t{a}\t{}\t{}",
                        opt(raw),
                        v as u32
                    ));
                }
            }
        }
        for f in 0..=EPP_OBJECT_LAST {
            let Some(raw) = get(|p, n| epp_message_object_field(m, f, p, n)) else {
                continue;
            };
            let value = get_unescaped(|b, c, l| epp_message_object_field_unescaped(m, f, b, c, l));
            out.push(format!("object\t{f}\t{}\t{}", escape(&raw), opt(value)));
            if OBJECT_DATE_FIELDS.contains(&f) {
                let mut dt = std::mem::zeroed::<EppDateTime>();
                match epp_message_object_field_datetime(m, f, &mut dt) {
                    EppResult::Ok => {
                        out.push(format!("object_date\t{f}\t{}", format_datetime(&dt)))
                    }
                    EppResult::InvalidValue => out.push(format!("object_date\t{f}\tinvalid")),
                    _ => {}
                }
            }
        }
        for l in [
            EPP_LIST_STATUSES,
            EPP_LIST_STATUSES_ADD,
            EPP_LIST_STATUSES_REMOVE,
        ] {
            for i in 0..epp_message_list_count(m, l) {
                let lang = get(|p, n| epp_message_status_lang(m, l, i, p, n));
                let text = get(|p, n| epp_message_status_text(m, l, i, p, n));
                if lang.is_none() && text.is_none() {
                    continue;
                }
                let value =
                    get_unescaped(|b, c, n| epp_message_status_text_unescaped(m, l, i, b, c, n));
                out.push(format!(
                    "status\t{l}\t{i}\t{}\t{}\t{}",
                    opt(lang),
                    opt(text),
                    opt(value)
                ));
            }
        }
        // The data outside `<extension>` the ext accessors type too
        // (maintenance, Verisign poll data, `<maint:info>`).
        let data_kind = epp_message_ext_kind(m, EPP_EXT_INDEX_DATA);
        let data = (!matches!(data_kind, EppExtKind::None | EppExtKind::Raw))
            .then_some(EPP_EXT_INDEX_DATA);
        for i in (0..epp_message_extension_count(m)).chain(data) {
            out.push(format!(
                "ext_kind\t{i}\t{}",
                epp_message_ext_kind(m, i) as u32
            ));
            for l in 0..=EPP_EXT_LIST_LAST {
                for item in 0..epp_message_ext_count(m, i, l) {
                    for f in 0..=EPP_EXT_LAST {
                        let mut n = 0u64;
                        if epp_message_ext_number(m, i, l, item, f, &mut n) == EppResult::Ok {
                            out.push(format!("ext_number\t{i}\t{l}\t{item}\t{f}\t{n}"));
                        }
                        let Some(raw) = get(|p, n| epp_message_ext_string(m, i, l, item, f, p, n))
                        else {
                            continue;
                        };
                        let value = get_unescaped(|b, c, n| {
                            epp_message_ext_string_unescaped(m, i, l, item, f, b, c, n)
                        });
                        out.push(format!(
                            "ext_string\t{i}\t{l}\t{item}\t{f}\t{}\t{}",
                            escape(&raw),
                            opt(value)
                        ));
                    }
                }
            }
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS.ffffff` and the offset when the text had one.
fn format_datetime(d: &EppDateTime) -> String {
    let mut s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}",
        d.year,
        d.month,
        d.day,
        d.hour,
        d.minute,
        d.second,
        d.nanosecond / 1000
    );
    if d.has_offset {
        let sign = if d.offset_minutes < 0 { '-' } else { '+' };
        let off = d.offset_minutes.unsigned_abs();
        s.push_str(&format!("{sign}{:02}:{:02}", off / 60, off % 60));
    }
    s
}

fn main() -> io::Result<()> {
    let dir = corpus_dir();
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv"))?;
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let path_col = header.iter().position(|h| *h == "path").unwrap_or(1);

    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter; freed at the end.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    type Reader = unsafe extern "C" fn(*mut EppMessage, *const u8, usize) -> EppResult;
    let readers: [(&str, Reader); 3] = [
        ("command", epp_message_read_command),
        ("response", epp_message_read_response),
        ("greeting", epp_message_read_greeting),
    ];
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let path = line.split('\t').nth(path_col).unwrap_or_default();
        let bytes = std::fs::read(dir.join(path))?;
        for (name, read) in readers {
            let mut out = Vec::new();
            // SAFETY: live handle; `bytes` outlives every accessor call below
            // (the next read replaces the borrow).
            let r = unsafe { read(m, bytes.as_ptr(), bytes.len()) };
            match r {
                EppResult::Ok => {
                    // SAFETY: live handle after a successful read.
                    let (k, c, o, p, t) = unsafe {
                        (
                            epp_message_kind(m) as u32,
                            epp_message_command_kind(m) as u32,
                            epp_message_object(m) as u32,
                            epp_message_poll_op(m) as u32,
                            epp_message_transfer_op(m) as u32,
                        )
                    };
                    out.push(format!("read\tok\t{k}\t{c}\t{o}\t{p}\t{t}"));
                    dump_message(m, &mut out);
                }
                EppResult::ReadError => {
                    // SAFETY: live handle holding the read error.
                    let (code, offset, msg) = unsafe {
                        (
                            epp_message_error_code(m),
                            epp_message_error_offset(m),
                            get(|p, n| epp_message_error_message(m, p, n)),
                        )
                    };
                    out.push(format!("read\terror\t{code}\t{offset}\t{}", opt(msg)));
                    if name == "command" {
                        let sv = epp::EppStr {
                            ptr: "SV-DUMP".as_ptr().cast(),
                            len: 7,
                        };
                        let none = epp::EppStr {
                            ptr: ptr::null(),
                            len: 0,
                        };
                        let xml = get_unescaped(|b, c, n| {
                            // SAFETY: live handle, valid strings and buffer.
                            unsafe { epp_write_error_response(m, sv, none, 0, b.cast(), c, n) }
                        });
                        out.push(format!("error_response\t{}", opt(xml)));
                    }
                }
                other => out.push(format!("read\tfail\t{}", other as u32)),
            }
            for item in out {
                writeln!(w, "{path}\t{name}\t{item}")?;
            }
        }
    }
    w.flush()?;
    // SAFETY: the handle from epp_message_new, freed once.
    unsafe { epp_message_free(m) };
    Ok(())
}
