//! The C ABI's zero-allocation contract: once a message handle exists,
//! reading every corpus message through it, reading every field (one by
//! one and through the bulk accessors), and
//! writing error responses into a caller buffer allocates nothing; a
//! deframer that has seen a stream once takes out the frames of the next
//! without allocating.
//!
//! A counting global allocator counts allocations made on the measuring
//! thread while measurement is on; the corpus is loaded before that.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ffi::c_char;
use std::path::PathBuf;
use std::ptr;

use epp::bulk::*;
use epp::deframer::*;
use epp::message::*;
use epp::packed::{EppPacked, epp_message_packed, epp_message_pymarshal};
use epp::write::*;
use epp::write_command::*;
use epp::{EppResult, EppStr};
use epp::{contact::*, ext::*, ext_more::*, object::*};

struct CountingAllocator;

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` unchanged; counting touches only
// const-initialized thread-locals, which never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count() {
    let _ = MEASURING.try_with(|m| {
        if m.get() {
            let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
        }
    });
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations_in(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|a| a.set(0));
    MEASURING.with(|m| m.set(true));
    f();
    MEASURING.with(|m| m.set(false));
    ALLOCATIONS.with(|a| a.get())
}

/// Every corpus message with its MANIFEST kind.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("the corpus");
    manifest
        .lines()
        .skip(1)
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let bytes = std::fs::read(dir.join(cols[1])).unwrap();
            (cols[4].to_owned(), bytes)
        })
        .collect()
}

/// Reads every field and list of what the handle holds.
///
/// # Safety
///
/// `m` is a live handle whose frame is alive.
unsafe fn touch(m: *const EppMessage) {
    let (mut p, mut n): (*const c_char, usize) = (ptr::null(), 0);
    let mut code = 0u16;
    let mut flag = false;
    let mut q = 0u64;
    // SAFETY: caller's contract; valid out-parameters throughout.
    unsafe {
        let mut buf = [0 as c_char; 512];
        let mut t = EppDateTime::default();
        for f in 0..=EPP_FIELD_LAST {
            epp_message_field(m, f, &mut p, &mut n);
            epp_message_field_unescaped(m, f, buf.as_mut_ptr(), buf.len(), &mut n);
            epp_message_field_datetime(m, f, &mut t);
        }
        for l in 0..=EPP_LIST_LAST {
            for i in 0..epp_message_list_count(m, l) {
                epp_message_list_item(m, l, i, &mut p, &mut n);
                epp_message_list_item_unescaped(m, l, i, buf.as_mut_ptr(), buf.len(), &mut n);
            }
        }
        for i in 0..epp_message_result_count(m) {
            epp_message_result_code(m, i, &mut code);
            epp_message_result_msg(m, i, &mut p, &mut n);
            epp_message_result_msg_unescaped(m, i, buf.as_mut_ptr(), buf.len(), &mut n);
        }
        for i in 0..epp_message_check_count(m) {
            epp_message_check_name(m, i, &mut p, &mut n);
            epp_message_check_available(m, i, &mut flag);
            epp_message_check_reason(m, i, &mut p, &mut n);
        }
        for i in 0..epp_message_extension_count(m) {
            epp_message_extension_namespace(m, i, &mut p, &mut n);
            epp_message_extension_xml(m, i, &mut p, &mut n);
        }
        epp_message_msgq_count(m, &mut q);
        epp_message_res_data_kind(m);
        epp_message_res_data_xml(m, &mut p, &mut n);
        epp_message_command_kind(m);
        epp_message_object(m);
        epp_message_poll_op(m);
        epp_message_transfer_op(m);
        epp_message_error_message(m, &mut p, &mut n);
        touch_bulk(m);
    }
}

/// Takes every value through the bulk accessors, into caller arrays on
/// the stack.
///
/// # Safety
///
/// `m` is a live handle whose frame is alive.
unsafe fn touch_bulk(m: *const EppMessage) {
    let mut fields = [EppSpan::default(); EPP_FIELD_COUNT as usize];
    let mut counts = [0u32; EPP_LIST_COUNT as usize];
    let mut items = [EppSpan::default(); 128];
    let mut results = [EppResultEntry::default(); 16];
    let mut checks = [EppCheckEntry::default(); 16];
    let mut n = 0;
    // SAFETY: caller's contract; arrays of the capacities passed.
    unsafe {
        epp_message_fields(m, fields.as_mut_ptr(), fields.len(), &mut n);
        epp_message_lists(
            m,
            counts.as_mut_ptr(),
            counts.len(),
            items.as_mut_ptr(),
            items.len(),
            &mut n,
        );
        epp_message_lists(
            m,
            counts.as_mut_ptr(),
            counts.len(),
            ptr::null_mut(),
            0,
            &mut n,
        );
        epp_message_results(m, results.as_mut_ptr(), results.len(), &mut n);
        epp_message_checks(m, checks.as_mut_ptr(), checks.len(), &mut n);
        let mut bulk = EppBulk {
            fields: fields.as_mut_ptr(),
            fields_cap: fields.len(),
            counts: counts.as_mut_ptr(),
            counts_cap: counts.len(),
            items: items.as_mut_ptr(),
            items_cap: items.len(),
            results: results.as_mut_ptr(),
            results_cap: results.len(),
            checks: checks.as_mut_ptr(),
            checks_cap: checks.len(),
            items_len: 0,
            results_len: 0,
            checks_len: 0,
        };
        epp_message_bulk(m, &mut bulk);
        let mut text = [0u8; 16 * 1024];
        let mut table = [0u32; 1024];
        let mut packed = EppPacked {
            bulk,
            text: text.as_mut_ptr(),
            text_cap: text.len(),
            table: table.as_mut_ptr(),
            table_cap: table.len(),
            text_len: 0,
            table_len: 0,
        };
        epp_message_packed(m, &mut packed);
        epp_message_pymarshal(m, &mut packed);
    }
}

fn s(text: &'static str) -> EppStr {
    EppStr {
        ptr: text.as_ptr().cast(),
        len: text.len(),
    }
}

#[test]
fn reading_and_writing_through_the_abi_allocates_nothing() {
    let messages = corpus();
    assert!(messages.len() > 200);
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    let mut out = [0u8; 16 * 1024];
    let mut read = 0;
    let allocations = allocations_in(|| {
        for (kind, bytes) in &messages {
            // SAFETY: live handle; `bytes` outlives every accessor call.
            unsafe {
                let r = match kind.as_str() {
                    "response" => epp_message_read_response(m, bytes.as_ptr(), bytes.len()),
                    "greeting" => epp_message_read_greeting(m, bytes.as_ptr(), bytes.len()),
                    _ => epp_message_read_command(m, bytes.as_ptr(), bytes.len()),
                };
                touch(m);
                touch_objects(m);
                let mut n = 0;
                if r == EppResult::ReadError {
                    epp_write_error_response(
                        m,
                        s("SV-1"),
                        s("CL-1"),
                        EPP_WRITE_FRAMED,
                        out.as_mut_ptr(),
                        out.len(),
                        &mut n,
                    );
                } else {
                    read += 1;
                }
                epp_write_response(
                    1000,
                    s("ok"),
                    s("CL-1"),
                    s("SV-1"),
                    0,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut n,
                );
            }
        }
    });
    assert!(read > 250, "only {read} messages read");
    assert_eq!(allocations, 0, "reading through the C ABI allocated");
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn a_warm_deframer_allocates_nothing() {
    let mut stream = Vec::new();
    for (_, bytes) in corpus().iter().take(50) {
        stream.extend_from_slice(&((bytes.len() + 4) as u32).to_be_bytes());
        stream.extend_from_slice(bytes);
    }
    let mut d = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_deframer_new(0, &mut d) }, EppResult::Ok);
    let pass = || {
        let mut frames = 0;
        for chunk in stream.chunks(1000) {
            // SAFETY: live handle, readable chunk, valid out-parameters.
            unsafe {
                assert_eq!(
                    epp_deframer_push(d, chunk.as_ptr(), chunk.len()),
                    EppResult::Ok
                );
                let (mut p, mut n) = (ptr::null(), 0);
                while epp_deframer_next(d, &mut p, &mut n) == EppResult::Ok {
                    frames += 1;
                }
            }
        }
        assert_eq!(frames, 50);
    };
    pass();
    assert_eq!(allocations_in(pass), 0, "a warm deframer allocated");
    // SAFETY: freed once.
    unsafe { epp_deframer_free(d) };
}

/// Every contact and object accessor (`epp::contact`, `epp::object`).
///
/// # Safety
///
/// `m` is a live handle whose frame is alive.
unsafe fn touch_objects(m: *const EppMessage) {
    let (mut p, mut n): (*const c_char, usize) = (ptr::null(), 0);
    let mut buf = [0 as c_char; 512];
    let mut d = EppDisclose::default();
    let mut period = EppPeriod {
        value: 0,
        unit: EppPeriodUnit::None,
    };
    let mut v = EppIpVersion::None;
    // SAFETY: the caller's contract; valid out-parameters.
    unsafe {
        for f in 0..=EPP_CONTACT_LAST {
            epp_message_contact_field(m, f, &mut p, &mut n);
            epp_message_contact_field_unescaped(m, f, buf.as_mut_ptr(), buf.len(), &mut n);
        }
        for i in 0..epp_message_postal_info_count(m) {
            for f in 0..=EPP_POSTAL_LAST {
                epp_message_postal_info_field(m, i, f, &mut p, &mut n);
                epp_message_postal_info_field_unescaped(
                    m,
                    i,
                    f,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut n,
                );
            }
        }
        epp_message_contact_disclose(m, &mut d);
        epp_message_period(m, &mut period);
        for l in [
            EPP_LIST_ADDRESSES,
            EPP_LIST_ADDRESSES_ADD,
            EPP_LIST_ADDRESSES_REMOVE,
        ] {
            for i in 0..epp_message_list_count(m, l) {
                epp_message_address_version(m, l, i);
            }
        }
        for l in [
            EPP_LIST_NAME_SERVERS,
            EPP_LIST_NAME_SERVERS_ADD,
            EPP_LIST_NAME_SERVERS_REMOVE,
        ] {
            epp_message_name_server_form(m, l);
            for i in 0..epp_message_list_count(m, l) {
                for a in 0..epp_message_name_server_address_count(m, l, i) {
                    epp_message_name_server_address(m, l, i, a, &mut p, &mut n, &mut v);
                }
            }
        }
        let mut t = EppDateTime::default();
        for f in 0..=EPP_OBJECT_LAST {
            epp_message_object_field(m, f, &mut p, &mut n);
            epp_message_object_field_unescaped(m, f, buf.as_mut_ptr(), buf.len(), &mut n);
            epp_message_object_field_datetime(m, f, &mut t);
        }
        for l in [
            EPP_LIST_STATUSES,
            EPP_LIST_STATUSES_ADD,
            EPP_LIST_STATUSES_REMOVE,
        ] {
            for i in 0..epp_message_list_count(m, l) {
                epp_message_status_text(m, l, i, &mut p, &mut n);
                epp_message_status_lang(m, l, i, &mut p, &mut n);
                epp_message_status_text_unescaped(m, l, i, buf.as_mut_ptr(), buf.len(), &mut n);
            }
        }
        // The data outside <extension> (ext_more.rs) too.
        for i in (0..epp_message_extension_count(m)).chain([EPP_EXT_INDEX_DATA]) {
            epp_message_ext_kind(m, i);
            for l in 0..=EPP_EXT_LIST_LAST {
                for item in 0..epp_message_ext_count(m, i, l) {
                    for f in 0..=EPP_EXT_LAST {
                        let mut number = 0u64;
                        epp_message_ext_number(m, i, l, item, f, &mut number);
                        epp_message_ext_string(m, i, l, item, f, &mut p, &mut n);
                        epp_message_ext_string_unescaped(
                            m,
                            i,
                            l,
                            item,
                            f,
                            buf.as_mut_ptr(),
                            buf.len(),
                            &mut n,
                        );
                    }
                }
            }
        }
    }
}

const NONE: EppStr = EppStr {
    ptr: ptr::null(),
    len: 0,
};

#[test]
fn the_command_writers_allocate_nothing() {
    let mut out = [0u8; 8 * 1024];
    let ns = [s("ns1.example.net"), s("ns2.example.net")];
    let contacts = [EppDomainContact {
        contact_type: s("tech"),
        id: s("sh8013"),
    }];
    let statuses = [s("clientHold")];
    let add = EppDomainAddRemove {
        name_servers: ns.as_ptr(),
        name_server_count: 2,
        contacts: contacts.as_ptr(),
        contact_count: 1,
        statuses: statuses.as_ptr(),
        status_count: 1,
    };
    let addrs = [s("192.0.2.2"), s("::1")];
    let hadd = EppHostAddRemove {
        addresses: addrs.as_ptr(),
        address_count: 2,
        statuses: ptr::null(),
        status_count: 0,
    };
    let info = EppPostalInfoIn {
        info_type: EPP_POSTAL_INT,
        name: s("John Doe"),
        org: NONE,
        streets: [s("123 Example Dr."), NONE, NONE],
        city: s("Dulles"),
        state_province: s("VA"),
        postal_code: NONE,
        country_code: s("US"),
    };
    let disclose = EppDisclose {
        voice: true,
        ..EppDisclose::default()
    };
    let details = EppContactDetails {
        postal_infos: &info,
        postal_info_count: 1,
        voice: s("+1.7035555555"),
        voice_extension: s("12"),
        fax: NONE,
        fax_extension: NONE,
        email: s("jdoe@example.com"),
        auth_password: s("2fooBAR"),
        disclose: &disclose,
    };
    let (b, c) = (out.as_mut_ptr(), out.len());
    let mut n = 0;
    let allocations = allocations_in(|| {
        // SAFETY: valid strings, arrays, structures and buffer.
        let results = unsafe {
            [
                epp_write_domain_create(
                    s("example.com"),
                    2,
                    EppPeriodUnit::Years as u32,
                    ns.as_ptr(),
                    2,
                    s("jd1234"),
                    contacts.as_ptr(),
                    1,
                    s("pw"),
                    s("CL-1"),
                    EPP_WRITE_FRAMED,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_domain_update(
                    s("example.com"),
                    &add,
                    &add,
                    s(""),
                    s("pw"),
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_domain_renew(
                    s("example.com"),
                    s("2000-04-03"),
                    1,
                    EppPeriodUnit::Years as u32,
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_domain_transfer(
                    EppTransferOp::Request as u32,
                    s("example.com"),
                    1,
                    EppPeriodUnit::Years as u32,
                    s("pw"),
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_domain_delete(s("example.com"), NONE, 0, b, c, &mut n),
                epp_write_host_check(addrs.as_ptr(), 2, NONE, 0, b, c, &mut n),
                epp_write_host_info(s("ns1.example.com"), NONE, 0, b, c, &mut n),
                epp_write_host_create(
                    s("ns1.example.com"),
                    addrs.as_ptr(),
                    2,
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_host_update(
                    s("ns1.example.com"),
                    &hadd,
                    &hadd,
                    s("ns2.example.com"),
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_host_delete(s("ns1.example.com"), NONE, 0, b, c, &mut n),
                epp_write_contact_check(ns.as_ptr(), 2, NONE, 0, b, c, &mut n),
                epp_write_contact_info(s("sh8013"), s("pw"), NONE, 0, b, c, &mut n),
                epp_write_contact_create(s("sh8013"), &details, NONE, 0, b, c, &mut n),
                epp_write_contact_update(
                    s("sh8013"),
                    ptr::null(),
                    0,
                    ptr::null(),
                    0,
                    &details,
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_contact_transfer(
                    EppTransferOp::Query as u32,
                    s("sh8013"),
                    NONE,
                    NONE,
                    0,
                    b,
                    c,
                    &mut n,
                ),
                epp_write_contact_delete(s("sh8013"), NONE, 0, b, c, &mut n),
            ]
        };
        assert!(results.iter().all(|r| *r == EppResult::Ok), "{results:?}");
    });
    assert_eq!(allocations, 0, "a command writer allocated");
}

/// Every response detail and policy accessor once, on what `m` holds.
///
/// # Safety
///
/// `m` is a live handle whose frame is alive.
unsafe fn touch_details(m: *const EppMessage) {
    use epp::greeting::*;
    use epp::response_detail::*;
    let (mut p, mut n) = (ptr::null(), 0);
    let mut buf = [0u8; 256];
    // SAFETY: forwarded from the caller; valid out-parameters.
    unsafe {
        for i in 0..epp_message_result_count(m) {
            epp_message_result_msg_lang(m, i, &mut p, &mut n);
            for j in 0..epp_message_result_value_count(m, i) {
                epp_message_result_value(m, i, j, &mut p, &mut n);
            }
            for j in 0..epp_message_result_ext_value_count(m, i) {
                epp_message_result_ext_value(m, i, j, &mut p, &mut n);
                epp_message_result_ext_value_reason_lang(m, i, j, &mut p, &mut n);
                epp_message_result_ext_value_reason_unescaped(
                    m,
                    i,
                    j,
                    buf.as_mut_ptr().cast(),
                    buf.len(),
                    &mut n,
                );
            }
        }
        epp_message_msgq_lang(m, &mut p, &mut n);
        epp_message_msgq_xml(m, &mut p, &mut n);
        for i in 0..epp_message_check_count(m) {
            epp_message_check_reason_lang(m, i, &mut p, &mut n);
        }
        epp_message_dcp_access(m);
        for i in 0..epp_message_dcp_statement_count(m) {
            let mut st = std::mem::zeroed::<EppDcpStatement>();
            epp_message_dcp_statement(m, i, &mut st);
            for d in 0..epp_message_dcp_recipient_description_count(m, i) {
                epp_message_dcp_recipient_description(m, i, d, &mut p, &mut n);
            }
        }
        let mut kind = EppDcpExpiryKind::Absent;
        epp_message_dcp_expiry(m, &mut kind, &mut p, &mut n);
        let mut dt = std::mem::zeroed::<EppDateTime>();
        epp_message_dcp_expiry_datetime(m, &mut dt);
    }
}

#[test]
fn the_response_details_and_the_server_writers_allocate_nothing() {
    use epp::greeting::*;
    use epp::write_response::*;
    let messages = corpus();
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    let mut out = [0u8; 16 * 1024];
    let none = EppStr {
        ptr: ptr::null(),
        len: 0,
    };
    let values = [s(r#"<obj:e xmlns:obj="urn:example:obj">1</obj:e>"#)];
    let result = EppResultIn {
        code: 2004,
        msg: none,
        lang: s("fr"),
        values: values.as_ptr(),
        value_count: 1,
        ext_values: ptr::null(),
        ext_value_count: 0,
    };
    let response = EppResponseIn {
        results: &result,
        result_count: 1,
        msgq: ptr::null(),
        extensions: values.as_ptr(),
        extension_count: 1,
        cl_trid: s("CL-1"),
        sv_trid: s("SV-1"),
    };
    let check = EppCheckResultIn {
        name: s("example.com"),
        available: false,
        reason: s("In use"),
        reason_lang: none,
    };
    let statement = EppDcpStatementIn {
        purposes: EPP_DCP_PURPOSE_ADMIN,
        recipients: EPP_DCP_RECIPIENT_OURS,
        recipient_descriptions: values.as_ptr(),
        recipient_description_count: 1,
        retention: EppDcpRetention::Stated as u32,
    };
    let dcp = EppDcpIn {
        access: EppDcpAccess::All as u32,
        statements: &statement,
        statement_count: 1,
        expiry_kind: EppDcpExpiryKind::Relative as u32,
        expiry: s("P1M"),
    };
    let allocations = allocations_in(|| {
        for (kind, bytes) in &messages {
            // SAFETY: live handle; `bytes` outlives every accessor call;
            // every writer argument is valid for its count.
            unsafe {
                match kind.as_str() {
                    "response" => epp_message_read_response(m, bytes.as_ptr(), bytes.len()),
                    "greeting" => epp_message_read_greeting(m, bytes.as_ptr(), bytes.len()),
                    _ => epp_message_read_command(m, bytes.as_ptr(), bytes.len()),
                };
                touch_details(m);
                let mut n = 0;
                let o = out.as_mut_ptr();
                let r = epp_write_response_full(&response, EPP_WRITE_FRAMED, o, out.len(), &mut n);
                assert_eq!(r, EppResult::Ok);
                let r = epp_write_check_response(&response, 1, &check, 1, 0, o, out.len(), &mut n);
                assert_eq!(r, EppResult::Ok);
                let r = epp_write_greeting(
                    s("srv"),
                    s("2026-01-01T00:00:00Z"),
                    values.as_ptr(),
                    1,
                    values.as_ptr(),
                    1,
                    values.as_ptr(),
                    1,
                    ptr::null(),
                    0,
                    &dcp,
                    0,
                    o,
                    out.len(),
                    &mut n,
                );
                assert_eq!(r, EppResult::Ok);
            }
        }
    });
    assert_eq!(
        allocations, 0,
        "the details or the server writers allocated"
    );
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}

#[test]
fn host_attributes_command_extensions_and_auth_info_allocate_nothing() {
    use epp::auth_info::*;
    use epp::write_extension::*;
    use epp::write_host_attr::*;
    let messages = corpus();
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    let none = EppStr {
        ptr: ptr::null(),
        len: 0,
    };
    let addrs = [s("192.0.2.2"), s("2001:db8::1")];
    let hosts = [EppHostAttrIn {
        name: s("ns1.example.com"),
        addresses: addrs.as_ptr(),
        address_count: 2,
    }];
    let raw = [s(r#"<x:t xmlns:x="urn:example:t">1</x:t>"#)];
    let ds = [EppDsDataIn {
        key_tag: 1,
        alg: 3,
        digest_type: 1,
        digest: s("49FD46E6C4B45C55D4AC"),
    }];
    let mut create = [0u8; 4096];
    let mut out = [0u8; 8192];
    let allocations = allocations_in(|| {
        for (kind, bytes) in &messages {
            // SAFETY: live handle; `bytes` outlives every accessor call;
            // every writer argument is valid for its count.
            unsafe {
                if kind == "command" {
                    epp_message_read_command(m, bytes.as_ptr(), bytes.len());
                } else {
                    epp_message_read_response(m, bytes.as_ptr(), bytes.len());
                }
                let (mut p, mut n) = (ptr::null(), 0);
                epp_message_auth_info_form(m);
                epp_message_new_auth_info_form(m);
                epp_message_auth_info_ext(m, &mut p, &mut n);
                epp_message_new_auth_info_ext(m, &mut p, &mut n);
                let mut len = 0;
                let r = epp_write_domain_create_host_attrs(
                    s("example.com"),
                    0,
                    0,
                    hosts.as_ptr(),
                    1,
                    none,
                    ptr::null(),
                    0,
                    s("2fooBAR"),
                    s("ABC-1"),
                    0,
                    create.as_mut_ptr(),
                    create.len(),
                    &mut len,
                );
                assert_eq!(r, EppResult::Ok);
                let r = epp_write_domain_update_host_attrs(
                    s("example.com"),
                    ptr::null(),
                    hosts.as_ptr(),
                    1,
                    ptr::null(),
                    ptr::null(),
                    0,
                    none,
                    none,
                    s("ABC-2"),
                    0,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut n,
                );
                assert_eq!(r, EppResult::Ok);
                let r = epp_write_command_with_extensions(
                    create.as_ptr(),
                    len,
                    raw.as_ptr(),
                    1,
                    ds.as_ptr(),
                    1,
                    EPP_WRITE_FRAMED,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut n,
                );
                assert_eq!(r, EppResult::Ok);
            }
        }
    });
    assert_eq!(
        allocations, 0,
        "host attributes, extensions or authInfo allocated"
    );
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}

/// A launch create with a code mark holding a mark-1.0 mark, and one with
/// a signed mark: the corpus's RFC 8334 examples elide both (`...`).
fn launch_creates() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let smd = std::fs::read_to_string(dir.join("ext/examples/7848/001-D-s2.3.xml")).unwrap();
    let signed = smd[smd.find("<smd:signedMark").unwrap()..].trim_end();
    let mark = &signed[signed.find("<mark:mark").unwrap()..];
    let mark = &mark[..mark.find("</mark:mark>").unwrap() + "</mark:mark>".len()];
    let code = format!("<launch:codeMark><launch:code>ABC-1</launch:code>{mark}</launch:codeMark>");
    [code.as_str(), signed]
        .iter()
        .map(|marks| {
            format!(
                "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command><create>\
                 <domain:create xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">\
                 <domain:name>example.test</domain:name><domain:authInfo><domain:pw>2fooBAR\
                 </domain:pw></domain:authInfo></domain:create></create><extension>\
                 <launch:create xmlns:launch=\"urn:ietf:params:xml:ns:launch-1.0\">\
                 <launch:phase>sunrise</launch:phase>{marks}</launch:create></extension>\
                 <clTRID>ABC-12345</clTRID></command></epp>"
            )
            .into_bytes()
        })
        .collect()
}

#[test]
fn the_launch_marks_allocate_nothing() {
    let frames = launch_creates();
    let mut m = ptr::null_mut();
    // SAFETY: valid out-parameter.
    assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
    let mut records = 0;
    let allocations = allocations_in(|| {
        for bytes in &frames {
            // SAFETY: live handle; `bytes` outlives every accessor call.
            unsafe {
                assert_eq!(
                    epp_message_read_command(m, bytes.as_ptr(), bytes.len()),
                    EppResult::Ok
                );
                touch(m);
                records += epp_message_ext_count(m, 0, EPP_EXT_LIST_LAUNCH_MARK_RECORDS);
            }
        }
    });
    assert_eq!(records, 2);
    assert_eq!(allocations, 0, "reading launch marks allocated");
    // SAFETY: freed once.
    unsafe { epp_message_free(m) };
}
