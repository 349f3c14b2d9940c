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
use epp::packed::{EppPacked, epp_message_packed};
use epp::write::*;
use epp::write_command::*;
use epp::{EppResult, EppStr};
use epp::{contact::*, ext::*, object::*};

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
        for i in 0..epp_message_extension_count(m) {
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
