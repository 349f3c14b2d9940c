//! The C ABI driven like a careless C program: arbitrary bytes, arbitrary
//! call orders, arbitrary indices, field and list numbers, buffer sizes
//! and NULL out-parameters, through `extern "C"` functions only.
//!
//! The only rules kept are the header's: a frame given to
//! `epp_message_read_*` stays alive and unchanged until the next read
//! (the harness keeps it in `frame`), and a frame from `epp_deframer_next`
//! is copied out before the deframer is called again. Everything else must
//! give a result code — never a crash, a panic crossing the boundary, or
//! an out-parameter written on failure.

#![no_main]

use std::ffi::c_char;
use std::ptr;

use arbitrary::Unstructured;
use epp::auth_info::*;
use epp::bulk::*;
use epp::deframer::*;
use epp::greeting::*;
use epp::message::*;
use epp::packed::*;
use epp::response_detail::*;
use epp::write::*;
use epp::write_command::*;
use epp::write_extension::*;
use epp::write_host_attr::*;
use epp::write_response::*;
use epp::{EppResult, EppStr, contact::*, ext::*, ext_more::*, object::*};
use libfuzzer_sys::fuzz_target;

#[derive(Debug)]
enum Call {
    ReadCommand(Vec<u8>),
    ReadResponse(Vec<u8>),
    ReadGreeting(Vec<u8>),
    Push(Vec<u8>),
    ReadBufCommit(Vec<u8>, u16),
    NextFrameAsCommand,
    NextFrameAsResponse,
    Field(u8, bool),
    FieldUnescaped(u8, u16),
    FieldDateTime(u8),
    List(u8, u8, bool),
    Result(u8),
    Check(u8),
    Extension(u8),
    Kinds,
    Error,
    WriteErrorResponse(u16, u8),
    WriteResponse(u16, String, u16, u8),
    WriteDomainCheck(Vec<String>, u16),
    WritePollAck(String, u16),
    Bulk(u8, u8, u8, u8),
    /// Contact field, postal information field or object field `.1` (at
    /// postal index `.2`), by `.0 % 3`.
    ObjectField(u8, u8, u8),
    /// Period, disclose, address versions, name server forms and addresses.
    ObjectParts(u8, u8, u8),
    /// Command writer `.0` with arbitrary strings, period and buffer size.
    WriteCommand(u8, Vec<String>, u8, u8, u16),
    /// Typed extension element `.0`, list `.1`, item `.2`, field `.3`.
    Ext(u8, u8, u8, u8),
    /// Response details (result `.1`, item `.2`) and the greeting's policy,
    /// by `.0 % 4`.
    Details(u8, u8, u8),
    /// Server writer `.0` (greeting, full, check, create, info responses)
    /// with arbitrary strings (`.1`) and buffer size `.2`.
    WriteServer(u8, Vec<String>, u16),
    /// Host attribute writers and extensions added to the written command,
    /// with arbitrary strings (`.1`) and buffer size `.2`; then the
    /// authInfo accessors.
    WriteHostAttrs(u8, Vec<String>, u16),
}

/// One call decoded from the fuzzer's bytes (by hand: the fuzz crate's
/// `arbitrary` has no derive feature).
fn next_call(u: &mut Unstructured<'_>) -> arbitrary::Result<Call> {
    Ok(match u.int_in_range(0..=27u8)? {
        0 => Call::ReadCommand(u.arbitrary()?),
        1 => Call::ReadResponse(u.arbitrary()?),
        2 => Call::ReadGreeting(u.arbitrary()?),
        3 => Call::Push(u.arbitrary()?),
        4 => Call::ReadBufCommit(u.arbitrary()?, u.arbitrary()?),
        5 => Call::NextFrameAsCommand,
        6 => Call::NextFrameAsResponse,
        7 => Call::Field(u.arbitrary()?, u.arbitrary()?),
        8 => Call::FieldUnescaped(u.arbitrary()?, u.arbitrary()?),
        9 => Call::FieldDateTime(u.arbitrary()?),
        10 => Call::List(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        11 => Call::Result(u.arbitrary()?),
        12 => Call::Check(u.arbitrary()?),
        13 => Call::Extension(u.arbitrary()?),
        14 => Call::Kinds,
        15 => Call::Error,
        16 => Call::WriteErrorResponse(u.arbitrary()?, u.arbitrary()?),
        17 => Call::WriteResponse(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ),
        18 => Call::WriteDomainCheck(u.arbitrary()?, u.arbitrary()?),
        19 => Call::WritePollAck(u.arbitrary()?, u.arbitrary()?),
        20 => Call::Bulk(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ),
        21 => Call::ObjectField(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        22 => Call::ObjectParts(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        23 => Call::WriteCommand(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ),
        25 => Call::Details(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        26 => Call::WriteServer(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        27 => Call::WriteHostAttrs(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        _ => Call::Ext(
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ),
    })
}

const NONE_STR: EppStr = EppStr {
    ptr: ptr::null(),
    len: 0,
};

fn s(text: &str) -> EppStr {
    EppStr {
        ptr: text.as_ptr().cast(),
        len: text.len(),
    }
}

/// A string out-parameter pair that must stay untouched on failure.
struct Out {
    ptr: *const c_char,
    len: usize,
}

impl Out {
    fn new() -> Self {
        Out {
            ptr: ptr::null(),
            len: usize::MAX,
        }
    }

    fn check(&self, r: EppResult, frame: &[u8]) {
        if r == EppResult::Ok {
            assert!(!self.ptr.is_null());
            // SAFETY: the accessor handed out `len` bytes of UTF-8 that live
            // as long as the frame (or longer).
            let bytes = unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), self.len) };
            assert!(std::str::from_utf8(bytes).is_ok());
            let _ = frame;
        } else {
            assert!(
                self.ptr.is_null() && self.len == usize::MAX,
                "written on {r:?}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut calls = Vec::new();
    while calls.len() < 64 {
        match next_call(&mut u) {
            Ok(call) => calls.push(call),
            Err(_) => break,
        }
    }
    let (mut m, mut d) = (ptr::null_mut(), ptr::null_mut());
    // The frame the handle reads; replaced only by the next read.
    let mut frame: Vec<u8> = Vec::new();
    let mut out = vec![0u8; 1 << 14];
    // SAFETY: every call below follows the header's contract, which is the
    // point: the handle and deframer are live, every pointer is NULL or
    // valid, and `frame` outlives the reads of it.
    unsafe {
        assert_eq!(epp_message_new(&mut m), EppResult::Ok);
        assert_eq!(epp_deframer_new(1 << 16, &mut d), EppResult::Ok);
        for call in &calls {
            match call {
                Call::ReadCommand(bytes)
                | Call::ReadResponse(bytes)
                | Call::ReadGreeting(bytes) => {
                    let next = bytes.clone();
                    let r = match call {
                        Call::ReadCommand(_) => {
                            epp_message_read_command(m, next.as_ptr(), next.len())
                        }
                        Call::ReadResponse(_) => {
                            epp_message_read_response(m, next.as_ptr(), next.len())
                        }
                        _ => epp_message_read_greeting(m, next.as_ptr(), next.len()),
                    };
                    assert!(matches!(r, EppResult::Ok | EppResult::ReadError), "{r:?}");
                    frame = next;
                }
                Call::Push(bytes) => {
                    let r = epp_deframer_push(d, bytes.as_ptr(), bytes.len());
                    check_deframer_error(d, r);
                }
                Call::ReadBufCommit(bytes, n) => {
                    let (mut area, mut room) = (ptr::null_mut(), 0);
                    if epp_deframer_read_buf(d, &mut area, &mut room) == EppResult::Ok {
                        let take = bytes.len().min(room);
                        ptr::copy_nonoverlapping(bytes.as_ptr(), area, take);
                        let r = epp_deframer_commit(d, (*n as usize).min(take));
                        check_deframer_error(d, r);
                    }
                }
                Call::NextFrameAsCommand | Call::NextFrameAsResponse => {
                    let (mut p, mut n) = (ptr::null(), 0);
                    if epp_deframer_next(d, &mut p, &mut n) == EppResult::Ok {
                        // Copied out: the deframer's frame dies at its next call.
                        let next = std::slice::from_raw_parts(p, n).to_vec();
                        if matches!(call, Call::NextFrameAsCommand) {
                            epp_message_read_command(m, next.as_ptr(), next.len());
                        } else {
                            epp_message_read_response(m, next.as_ptr(), next.len());
                        }
                        frame = next;
                    }
                    let _ = epp_deframer_needed(d);
                }
                Call::Field(f, null) => {
                    let mut o = Out::new();
                    let r = if *null {
                        epp_message_field(m, u32::from(*f), ptr::null_mut(), &mut o.len)
                    } else {
                        epp_message_field(m, u32::from(*f), &mut o.ptr, &mut o.len)
                    };
                    if *null {
                        assert_eq!(r, EppResult::NullArgument);
                    } else {
                        o.check(r, &frame);
                    }
                }
                Call::FieldUnescaped(f, cap) => {
                    let cap = (*cap as usize).min(out.len());
                    let mut n = usize::MAX;
                    let r = epp_message_field_unescaped(
                        m,
                        u32::from(*f),
                        out.as_mut_ptr().cast(),
                        cap,
                        &mut n,
                    );
                    match r {
                        EppResult::Ok => {
                            assert!(n <= cap && std::str::from_utf8(&out[..n]).is_ok())
                        }
                        EppResult::BufferTooSmall => assert!(n > cap),
                        _ => assert_eq!(n, usize::MAX),
                    }
                }
                Call::FieldDateTime(f) => {
                    let mut t = EppDateTime::default();
                    let _ = epp_message_field_datetime(m, u32::from(*f), &mut t);
                }
                Call::List(l, i, unescaped) => {
                    let count = epp_message_list_count(m, u32::from(*l));
                    let mut o = Out::new();
                    let r = epp_message_list_item(
                        m,
                        u32::from(*l),
                        usize::from(*i),
                        &mut o.ptr,
                        &mut o.len,
                    );
                    o.check(r, &frame);
                    assert_eq!(r == EppResult::Ok, usize::from(*i) < count);
                    if *unescaped {
                        let mut n = 0;
                        let _ = epp_message_list_item_unescaped(
                            m,
                            u32::from(*l),
                            usize::from(*i),
                            out.as_mut_ptr().cast(),
                            out.len(),
                            &mut n,
                        );
                    }
                }
                Call::Result(i) => {
                    let i = usize::from(*i);
                    let mut code = 0;
                    let r = epp_message_result_code(m, i, &mut code);
                    assert_eq!(r == EppResult::Ok, i < epp_message_result_count(m));
                    let mut o = Out::new();
                    let r = epp_message_result_msg(m, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let mut count = 0;
                    let _ = epp_message_msgq_count(m, &mut count);
                }
                Call::Bulk(items_cap, results_cap, checks_cap, nulls) => {
                    bulk_calls(
                        m,
                        &frame,
                        [*items_cap, *results_cap, *checks_cap].map(usize::from),
                        *nulls,
                    );
                }
                Call::Check(i) => {
                    let i = usize::from(*i);
                    let mut o = Out::new();
                    let r = epp_message_check_name(m, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let mut avail = false;
                    let _ = epp_message_check_available(m, i, &mut avail);
                    let mut o = Out::new();
                    let r = epp_message_check_reason(m, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let _ = epp_message_check_count(m);
                }
                Call::Extension(i) => {
                    let i = usize::from(*i);
                    let mut o = Out::new();
                    let r = epp_message_extension_namespace(m, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    assert_eq!(r == EppResult::Ok, i < epp_message_extension_count(m));
                    let mut o = Out::new();
                    let r = epp_message_extension_xml(m, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let mut o = Out::new();
                    let r = epp_message_res_data_xml(m, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                }
                Call::Kinds => {
                    let _ = (
                        epp_message_kind(m),
                        epp_message_command_kind(m),
                        epp_message_object(m),
                        epp_message_poll_op(m),
                        epp_message_transfer_op(m),
                        epp_message_res_data_kind(m),
                    );
                }
                Call::Error => {
                    let _ = (epp_message_error_code(m), epp_message_error_offset(m));
                    let mut o = Out::new();
                    let r = epp_message_error_message(m, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                }
                Call::WriteErrorResponse(cap, flags) => {
                    let cap = (*cap as usize).min(out.len());
                    let mut n = 0;
                    let r = epp_write_error_response(
                        m,
                        s("SV-1"),
                        s("CL-1"),
                        u32::from(*flags),
                        out.as_mut_ptr(),
                        cap,
                        &mut n,
                    );
                    if r == EppResult::Ok {
                        assert!(n <= cap);
                    }
                }
                Call::WriteResponse(code, msg, cap, flags) => {
                    let cap = (*cap as usize).min(out.len());
                    let mut n = 0;
                    let r = epp_write_response(
                        *code,
                        s(msg),
                        s("CL"),
                        s("SV"),
                        u32::from(*flags),
                        out.as_mut_ptr(),
                        cap,
                        &mut n,
                    );
                    if r == EppResult::Ok {
                        assert!(n <= cap);
                    }
                }
                Call::WriteDomainCheck(names, cap) => {
                    let names: Vec<EppStr> = names.iter().map(|n| s(n)).collect();
                    let cap = (*cap as usize).min(out.len());
                    let mut n = 0;
                    let _ = epp_write_domain_check(
                        names.as_ptr(),
                        names.len(),
                        s("CL"),
                        EPP_WRITE_FRAMED,
                        out.as_mut_ptr(),
                        cap,
                        &mut n,
                    );
                }
                Call::WritePollAck(id, cap) => {
                    let cap = (*cap as usize).min(out.len());
                    let mut n = 0;
                    let _ = epp_write_poll_ack(s(id), s("CL"), 0, out.as_mut_ptr(), cap, &mut n);
                }
                Call::Ext(i, l, item, f) => {
                    let (i, l, item, f) = (
                        // 4: the data outside <extension> (ext_more.rs).
                        match *i % 5 {
                            4 => EPP_EXT_INDEX_DATA,
                            i => usize::from(i),
                        },
                        u32::from(*l) % (EPP_EXT_LIST_LAST + 2),
                        usize::from(*item % 4),
                        u32::from(*f) % (EPP_EXT_LAST + 2),
                    );
                    let _ = epp_message_ext_kind(m, i);
                    let count = epp_message_ext_count(m, i, l);
                    let mut o = Out::new();
                    let r = epp_message_ext_string(m, i, l, item, f, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let mut num = u64::MAX;
                    let rn = epp_message_ext_number(m, i, l, item, f, &mut num);
                    assert!(!(r == EppResult::Ok && rn == EppResult::Ok));
                    if rn != EppResult::Ok {
                        assert_eq!(num, u64::MAX);
                    }
                    if r == EppResult::Ok || rn == EppResult::Ok {
                        assert!(item < count);
                    }
                }
                Call::Details(kind, i, j) => {
                    let (i, j) = (usize::from(*i % 4), usize::from(*j % 4));
                    let mut o = Out::new();
                    let r = match kind % 8 {
                        0 => epp_message_result_msg_lang(m, i, &mut o.ptr, &mut o.len),
                        1 => epp_message_result_value(m, i, j, &mut o.ptr, &mut o.len),
                        2 => epp_message_result_ext_value(m, i, j, &mut o.ptr, &mut o.len),
                        3 => epp_message_result_ext_value_reason(m, i, j, &mut o.ptr, &mut o.len),
                        4 => epp_message_result_ext_value_reason_lang(
                            m, i, j, &mut o.ptr, &mut o.len,
                        ),
                        5 => epp_message_msgq_xml(m, &mut o.ptr, &mut o.len),
                        6 => epp_message_check_reason_lang(m, i, &mut o.ptr, &mut o.len),
                        _ => epp_message_dcp_recipient_description(m, i, j, &mut o.ptr, &mut o.len),
                    };
                    o.check(r, &frame);
                    if r == EppResult::Ok && (1..=4).contains(&(kind % 8)) {
                        assert!(i < epp_message_result_count(m));
                    }
                    let _ = epp_message_dcp_access(m);
                    let n = epp_message_dcp_statement_count(m);
                    let mut st = EppDcpStatement {
                        purposes: u32::MAX,
                        recipients: u32::MAX,
                        retention: EppDcpRetention::Unknown,
                    };
                    match epp_message_dcp_statement(m, i, &mut st) {
                        EppResult::Ok => {
                            assert!(i < n && st.purposes <= 0xF && st.recipients <= 0x1F)
                        }
                        _ => assert_eq!(st.purposes, u32::MAX),
                    }
                    let mut k = EppDcpExpiryKind::Absent;
                    let mut o = Out::new();
                    let r = epp_message_dcp_expiry(m, &mut k, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    assert_eq!(r == EppResult::Ok, k != EppDcpExpiryKind::Absent);
                }
                Call::WriteServer(kind, strs, cap) => {
                    let text = |i: usize| s(strs.get(i).map_or("", String::as_str));
                    let cap = usize::from(*cap).min(out.len());
                    let mut n = usize::MAX;
                    let values = [text(0)];
                    let result = EppResultIn {
                        code: 1000 + u16::from(*kind) * 7 % 2000,
                        msg: text(1),
                        lang: if strs.len() > 2 { text(2) } else { NONE_STR },
                        values: values.as_ptr(),
                        value_count: usize::from(kind & 1),
                        ext_values: ptr::null(),
                        ext_value_count: 0,
                    };
                    let extensions = [text(3)];
                    let response = EppResponseIn {
                        results: &result,
                        result_count: 1,
                        msgq: ptr::null(),
                        extensions: extensions.as_ptr(),
                        extension_count: usize::from(kind & 2 != 0),
                        cl_trid: text(4),
                        sv_trid: text(5),
                    };
                    let r = match kind % 4 {
                        0 => epp_write_response_full(&response, 0, out.as_mut_ptr(), cap, &mut n),
                        1 => {
                            let item = EppCheckResultIn {
                                name: text(6),
                                available: kind & 8 != 0,
                                reason: text(7),
                                reason_lang: NONE_STR,
                            };
                            epp_write_check_response(
                                &response,
                                u32::from(*kind >> 4) % 4,
                                &item,
                                1,
                                0,
                                out.as_mut_ptr(),
                                cap,
                                &mut n,
                            )
                        }
                        2 => epp_write_create_response(
                            &response,
                            u32::from(*kind >> 4) % 4,
                            text(6),
                            text(7),
                            NONE_STR,
                            EPP_WRITE_FRAMED,
                            out.as_mut_ptr(),
                            cap,
                            &mut n,
                        ),
                        _ => {
                            let statement = EppDcpStatementIn {
                                purposes: u32::from(*kind >> 2),
                                recipients: u32::from(*kind >> 3),
                                recipient_descriptions: values.as_ptr(),
                                recipient_description_count: usize::from(kind & 1),
                                retention: u32::from(*kind >> 5),
                            };
                            let dcp = EppDcpIn {
                                access: u32::from(*kind >> 4) % 8,
                                statements: &statement,
                                statement_count: 1,
                                expiry_kind: 0,
                                expiry: NONE_STR,
                            };
                            let uris = [text(6)];
                            epp_write_greeting(
                                text(4),
                                text(5),
                                uris.as_ptr(),
                                1,
                                uris.as_ptr(),
                                1,
                                uris.as_ptr(),
                                1,
                                ptr::null(),
                                0,
                                &dcp,
                                0,
                                out.as_mut_ptr(),
                                cap,
                                &mut n,
                            )
                        }
                    };
                    match r {
                        EppResult::Ok => assert!(n <= cap),
                        EppResult::BufferTooSmall => assert!(n > cap),
                        _ => assert_eq!(n, usize::MAX),
                    }
                }
                Call::WriteHostAttrs(kind, strs, cap) => {
                    let text = |i: usize| s(strs.get(i).map_or("", String::as_str));
                    let cap = usize::from(*cap).min(out.len());
                    let addrs = [text(1), text(2)];
                    let hosts = [EppHostAttrIn {
                        name: text(0),
                        addresses: addrs.as_ptr(),
                        address_count: usize::from(kind % 3),
                    }];
                    let mut n = usize::MAX;
                    let r = if kind & 4 == 0 {
                        epp_write_domain_create_host_attrs(
                            text(3),
                            0,
                            0,
                            hosts.as_ptr(),
                            1,
                            NONE_STR,
                            ptr::null(),
                            0,
                            text(4),
                            NONE_STR,
                            0,
                            out.as_mut_ptr(),
                            cap,
                            &mut n,
                        )
                    } else {
                        epp_write_domain_update_host_attrs(
                            text(3),
                            ptr::null(),
                            hosts.as_ptr(),
                            1,
                            ptr::null(),
                            hosts.as_ptr(),
                            usize::from(kind & 8 != 0),
                            NONE_STR,
                            NONE_STR,
                            NONE_STR,
                            0,
                            out.as_mut_ptr(),
                            cap,
                            &mut n,
                        )
                    };
                    match r {
                        EppResult::Ok => assert!(n <= cap),
                        EppResult::BufferTooSmall => assert!(n > cap),
                        _ => assert_eq!(n, usize::MAX),
                    }
                    if r == EppResult::Ok {
                        // The written command, copied so that the output
                        // buffer does not overlap it.
                        let command = out[..n].to_vec();
                        let raw = [text(5)];
                        let ds = [EppDsDataIn {
                            key_tag: u16::from(*kind),
                            alg: 8,
                            digest_type: 2,
                            digest: text(6),
                        }];
                        let mut m2 = usize::MAX;
                        let r = epp_write_command_with_extensions(
                            command.as_ptr(),
                            command.len(),
                            raw.as_ptr(),
                            usize::from(kind & 16 != 0),
                            ds.as_ptr(),
                            usize::from(kind & 32 != 0),
                            0,
                            out.as_mut_ptr(),
                            out.len(),
                            &mut m2,
                        );
                        match r {
                            EppResult::Ok => assert!(m2 <= out.len()),
                            _ => assert_eq!(m2, usize::MAX),
                        }
                    }
                    let _ = (
                        epp_message_auth_info_form(m),
                        epp_message_new_auth_info_form(m),
                    );
                    let mut o = Out::new();
                    let r = epp_message_auth_info_ext(m, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    assert_eq!(
                        r == EppResult::Ok,
                        epp_message_auth_info_form(m) == EppAuthInfoForm::Ext
                    );
                }
                Call::ObjectField(kind, f, i) => {
                    let mut o = Out::new();
                    let (f, i) = (u32::from(*f % 20), usize::from(*i % 4));
                    let r = match kind % 3 {
                        0 => epp_message_contact_field(m, f, &mut o.ptr, &mut o.len),
                        1 => epp_message_postal_info_field(m, i, f, &mut o.ptr, &mut o.len),
                        _ => epp_message_object_field(m, f, &mut o.ptr, &mut o.len),
                    };
                    o.check(r, &frame);
                    let mut n = usize::MAX;
                    let cap = (f as usize * 7).min(out.len());
                    let r2 = match kind % 3 {
                        0 => epp_message_contact_field_unescaped(
                            m,
                            f,
                            out.as_mut_ptr().cast(),
                            cap,
                            &mut n,
                        ),
                        1 => epp_message_postal_info_field_unescaped(
                            m,
                            i,
                            f,
                            out.as_mut_ptr().cast(),
                            cap,
                            &mut n,
                        ),
                        _ => epp_message_object_field_unescaped(
                            m,
                            f,
                            out.as_mut_ptr().cast(),
                            cap,
                            &mut n,
                        ),
                    };
                    assert!(r2 == r || r2 == EppResult::BufferTooSmall, "{r:?} {r2:?}");
                    let _ = epp_message_postal_info_count(m);
                }
                Call::ObjectParts(l, i, a) => {
                    let (l, i, a) = (u32::from(*l % 24), usize::from(*i % 8), usize::from(*a % 4));
                    let mut period = EppPeriod {
                        value: u32::MAX,
                        unit: EppPeriodUnit::None,
                    };
                    if epp_message_period(m, &mut period) == EppResult::Ok {
                        assert!((1..=99).contains(&period.value));
                    } else {
                        assert_eq!(period.value, u32::MAX);
                    }
                    let mut d = EppDisclose::default();
                    let _ = epp_message_contact_disclose(m, &mut d);
                    let mut t = EppDateTime::default();
                    let _ = epp_message_object_field_datetime(m, l % 16, &mut t);
                    let mut o = Out::new();
                    let r = epp_message_status_text(m, l % 4, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let mut o = Out::new();
                    let r = epp_message_status_lang(m, l % 4, i, &mut o.ptr, &mut o.len);
                    o.check(r, &frame);
                    let _ = epp_message_address_version(m, l, i);
                    let _ = epp_message_name_server_form(m, l);
                    let count = epp_message_name_server_address_count(m, l, i);
                    let mut o = Out::new();
                    let mut v = EppIpVersion::None;
                    let r =
                        epp_message_name_server_address(m, l, i, a, &mut o.ptr, &mut o.len, &mut v);
                    o.check(r, &frame);
                    assert_eq!(r == EppResult::Ok, a < count);
                }
                Call::WriteCommand(which, strs, value, unit, cap) => {
                    let get = |k: usize| {
                        strs.get(k).map_or(
                            EppStr {
                                ptr: ptr::null(),
                                len: 0,
                            },
                            |t| s(t),
                        )
                    };
                    let all: Vec<EppStr> = strs.iter().take(20).map(|t| s(t)).collect();
                    let unit = [
                        EppPeriodUnit::None as u32,
                        EppPeriodUnit::Years as u32,
                        EppPeriodUnit::Months as u32,
                    ][usize::from(*unit % 3)];
                    let value = u32::from(*value);
                    let cap = (*cap as usize).min(out.len());
                    let (b, mut n) = (out.as_mut_ptr(), 0);
                    let contacts = [EppDomainContact {
                        contact_type: get(1),
                        id: get(2),
                    }];
                    let part = EppDomainAddRemove {
                        name_servers: all.as_ptr(),
                        name_server_count: all.len(),
                        contacts: contacts.as_ptr(),
                        contact_count: 1,
                        statuses: all.as_ptr(),
                        status_count: all.len().min(2),
                    };
                    let hpart = EppHostAddRemove {
                        addresses: all.as_ptr(),
                        address_count: all.len(),
                        statuses: all.as_ptr(),
                        status_count: all.len().min(1),
                    };
                    let info = EppPostalInfoIn {
                        info_type: u32::from(*which % 3),
                        name: get(0),
                        org: get(1),
                        streets: [get(2), get(3), get(4)],
                        city: get(5),
                        state_province: get(6),
                        postal_code: get(7),
                        country_code: get(8),
                    };
                    let details = EppContactDetails {
                        postal_infos: &info,
                        postal_info_count: usize::from(*which % 2),
                        voice: get(9),
                        voice_extension: get(10),
                        fax: get(11),
                        fax_extension: get(12),
                        email: get(13),
                        auth_password: get(14),
                        disclose: ptr::null(),
                    };
                    let op = [
                        EppTransferOp::None,
                        EppTransferOp::Request,
                        EppTransferOp::Cancel,
                    ][usize::from(*which % 3)];
                    let r = match which % 12 {
                        0 => epp_write_domain_create(
                            get(0),
                            value,
                            unit,
                            all.as_ptr(),
                            all.len(),
                            get(1),
                            contacts.as_ptr(),
                            1,
                            get(2),
                            get(3),
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        1 => epp_write_domain_update(
                            get(0),
                            &part,
                            &part,
                            get(1),
                            get(2),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        2 => epp_write_domain_renew(
                            get(0),
                            get(1),
                            value,
                            unit,
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        3 => epp_write_domain_transfer(
                            op as u32,
                            get(0),
                            value,
                            unit,
                            get(1),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        4 => epp_write_host_create(
                            get(0),
                            all.as_ptr(),
                            all.len(),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        5 => epp_write_host_update(
                            get(0),
                            &hpart,
                            ptr::null(),
                            get(1),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        6 => epp_write_host_check(
                            all.as_ptr(),
                            all.len(),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        7 => {
                            epp_write_contact_create(get(15), &details, NONE_STR, 0, b, cap, &mut n)
                        }
                        8 => epp_write_contact_update(
                            get(15),
                            all.as_ptr(),
                            all.len(),
                            ptr::null(),
                            0,
                            &details,
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        9 => epp_write_contact_transfer(
                            op as u32,
                            get(0),
                            get(1),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                        10 => epp_write_contact_info(get(0), get(1), NONE_STR, 0, b, cap, &mut n),
                        _ => epp_write_contact_check(
                            all.as_ptr(),
                            all.len(),
                            NONE_STR,
                            0,
                            b,
                            cap,
                            &mut n,
                        ),
                    };
                    if r == EppResult::Ok {
                        assert!(n <= cap);
                    }
                }
            }
        }
        epp_message_free(m);
        epp_deframer_free(d);
    }
    drop(frame);
});

/// The bulk accessors with arbitrary capacities and NULL arrays: on
/// success every span lies in the frame (or is flagged detached) and the
/// fields agree with `epp_message_field`; on failure the counts are
/// untouched.
///
/// # Safety
///
/// `m` is a live handle whose frame, `frame`, is alive.
unsafe fn bulk_calls(m: *const EppMessage, frame: &[u8], caps: [usize; 3], nulls: u8) {
    let [items_cap, results_cap, checks_cap] = caps;
    let mut fields = vec![EppSpan::default(); EPP_FIELD_COUNT as usize];
    let mut counts = vec![u32::MAX; EPP_LIST_COUNT as usize];
    let mut items = vec![EppSpan::default(); items_cap];
    let mut results = vec![EppResultEntry::default(); results_cap];
    let mut checks = vec![EppCheckEntry::default(); checks_cap];
    let null_if = |bit: u8, p: *mut EppSpan| if nulls & bit != 0 { ptr::null_mut() } else { p };
    let in_frame = |s: &EppSpan| {
        s.flags & EPP_SPAN_DETACHED != 0
            || (s.offset as usize)
                .checked_add(s.len as usize)
                .is_some_and(|e| e <= frame.len())
    };
    let mut n = usize::MAX;
    // SAFETY: arrays NULL or of the capacities passed; live handle.
    unsafe {
        let cap = if nulls & 8 != 0 {
            fields.len() - 1
        } else {
            fields.len()
        };
        let r = epp_message_fields(m, null_if(1, fields.as_mut_ptr()), cap, &mut n);
        if r == EppResult::Ok {
            for (f, span) in (0..EPP_FIELD_COUNT).zip(&fields) {
                assert!(in_frame(span));
                let (mut p, mut len) = (ptr::null(), 0);
                let single = epp_message_field(m, f, &mut p, &mut len);
                assert_eq!(single == EppResult::Ok, span.flags & EPP_SPAN_PRESENT != 0);
                if single == EppResult::Ok {
                    assert_eq!(span.len as usize, len);
                }
            }
        }
        let r = epp_message_lists(
            m,
            counts.as_mut_ptr(),
            counts.len(),
            null_if(2, items.as_mut_ptr()),
            items_cap,
            &mut n,
        );
        match r {
            EppResult::Ok => {
                assert_eq!(counts.iter().map(|&c| c as usize).sum::<usize>(), n);
                assert!(items[..n].iter().all(in_frame));
                for (l, &c) in (0..EPP_LIST_COUNT).zip(&counts) {
                    assert_eq!(epp_message_list_count(m, l), c as usize);
                }
            }
            _ => assert!(
                counts.iter().all(|&c| c == u32::MAX),
                "counts written on {r:?}"
            ),
        }
        let r = epp_message_results(m, results.as_mut_ptr(), results_cap, &mut n);
        if r == EppResult::Ok {
            assert_eq!(n, epp_message_result_count(m));
            assert!(results[..n].iter().all(|e| in_frame(&e.msg)));
        }
        let r = epp_message_checks(m, checks.as_mut_ptr(), checks_cap, &mut n);
        if r == EppResult::Ok {
            assert_eq!(n, epp_message_check_count(m));
        }
        let mut bulk = EppBulk {
            fields: fields.as_mut_ptr(),
            fields_cap: fields.len(),
            counts: counts.as_mut_ptr(),
            counts_cap: counts.len(),
            items: null_if(4, items.as_mut_ptr()),
            items_cap,
            results: results.as_mut_ptr(),
            results_cap,
            checks: checks.as_mut_ptr(),
            checks_cap,
            items_len: 0,
            results_len: 0,
            checks_len: 0,
        };
        let _ = epp_message_bulk(m, &mut bulk);
        // Both packed layouts, into a text buffer of the items' capacity
        // (often too small): on success the lengths lie within the buffers.
        let mut text = vec![0u8; items_cap * 8];
        let mut table = vec![0u32; items_cap];
        for call in [epp_message_packed, epp_message_pymarshal] {
            let mut packed = EppPacked {
                bulk,
                text: text.as_mut_ptr(),
                text_cap: text.len(),
                table: table.as_mut_ptr(),
                table_cap: table.len(),
                text_len: usize::MAX,
                table_len: usize::MAX,
            };
            if call(m, &mut packed) == EppResult::Ok {
                assert!(packed.text_len <= text.len() && packed.table_len <= table.len());
            }
        }
    }
}

/// After a push or commit that returned `r`: a refused header has its
/// details and a message (UTF-8, inside the handle), and a live deframer
/// has neither.
///
/// # Safety
///
/// `d` is a live deframer handle.
unsafe fn check_deframer_error(d: *mut EppDeframer, r: EppResult) {
    // SAFETY: `d` is live (the caller's promise); the out-pointers are
    // locals; a message the call returns lives in the handle, `n` bytes.
    unsafe {
        let mut details = std::mem::MaybeUninit::<EppFrameError>::zeroed();
        let (mut p, mut n) = (ptr::null(), 0);
        let found = epp_deframer_error(d, details.as_mut_ptr());
        let message = epp_deframer_error_message(d, &mut p, &mut n);
        if matches!(r, EppResult::FrameInvalid | EppResult::FrameTooLong) {
            assert_eq!(found, EppResult::Ok);
            assert_eq!(message, EppResult::Ok);
            let text = std::slice::from_raw_parts(p.cast::<u8>(), n);
            assert!(std::str::from_utf8(text).is_ok());
        } else if r == EppResult::Ok {
            assert_eq!(found, EppResult::Absent);
            assert_eq!(message, EppResult::Absent);
        }
    }
}
