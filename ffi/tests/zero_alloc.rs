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
use epp::write::*;
use epp::{EppResult, EppStr};

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
