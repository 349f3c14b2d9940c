//! A read and `epp_message_bulk` in one call, for bindings whose every call
//! into the library is costly (cgo): `epp_message_read_command_bulk` and
//! `epp_message_read_response_bulk`.

use crate::bulk::{EppBulk, fill_bulk};
use crate::message::{EppMessage, epp_message_read_command, epp_message_read_response, handle};
use crate::{EppResult, guard};

/// Fills `*bulk` for the message just read, as `epp_message_bulk` does.
///
/// # Safety
///
/// As `epp_message_bulk`.
unsafe fn bulk_after_read(message: *const EppMessage, bulk: *mut EppBulk) -> EppResult {
    guard(|| {
        // SAFETY: non-NULL (checked before the read) and readable.
        let mut b = unsafe { bulk.read() };
        // SAFETY: caller's contract.
        let m = unsafe { handle(message) }.ok_or(EppResult::NullArgument)?;
        // SAFETY: the arrays as the caller promises.
        let done = unsafe { fill_bulk(m, &mut b) };
        if matches!(done, Ok(()) | Err(EppResult::BufferTooSmall)) {
            // SAFETY: writable; only the lengths changed.
            unsafe { bulk.write(b) };
        }
        done
    })
}

/// A reader of the C ABI (`epp_message_read_command` or `_response`).
pub(crate) type Read = unsafe extern "C" fn(*mut EppMessage, *const u8, usize) -> EppResult;

/// `read`, then `fill`: what every read-and-take call does
/// (`epp_message_read_*_bulk`, `_packed`, `_pymarshal`).
/// `EPP_RESULT_NULL_ARGUMENT` for a NULL `out` (what `fill` writes into),
/// before reading; a read failure returns as the read does.
///
/// # Safety
///
/// As `read`; `fill` is called only after a successful read.
pub(crate) unsafe fn read_then<T>(
    read: Read,
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    out: *mut T,
    fill: impl FnOnce() -> EppResult,
) -> EppResult {
    if out.is_null() {
        return EppResult::NullArgument;
    }
    // SAFETY: forwarded from the caller.
    match unsafe { read(message, frame, len) } {
        EppResult::Ok => fill(),
        failed => failed,
    }
}

/// `epp_message_read_command`, then `epp_message_bulk` into `bulk`. A read
/// failure returns as `epp_message_read_command` returns it (`bulk` left
/// alone); after a successful read, the results are those of
/// `epp_message_bulk` (on `EPP_RESULT_BUFFER_TOO_SMALL` the message is
/// read: grow the arrays and call `epp_message_bulk`).
/// `EPP_RESULT_NULL_ARGUMENT` for a NULL `bulk`, before reading.
///
/// # Safety
///
/// As `epp_message_read_command` and `epp_message_bulk`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_command_bulk(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    bulk: *mut EppBulk,
) -> EppResult {
    // SAFETY: run only after a successful read, `bulk` checked non-NULL.
    let fill = || unsafe { bulk_after_read(message, bulk) };
    // SAFETY: forwarded from the caller.
    unsafe { read_then(epp_message_read_command, message, frame, len, bulk, fill) }
}

/// `epp_message_read_response`, then `epp_message_bulk`, as
/// `epp_message_read_command_bulk` does for a command.
///
/// # Safety
///
/// As `epp_message_read_response` and `epp_message_bulk`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_response_bulk(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    bulk: *mut EppBulk,
) -> EppResult {
    // SAFETY: run only after a successful read, `bulk` checked non-NULL.
    let fill = || unsafe { bulk_after_read(message, bulk) };
    // SAFETY: forwarded from the caller.
    unsafe { read_then(epp_message_read_response, message, frame, len, bulk, fill) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulk::{EppCheckEntry, EppResultEntry, EppSpan, epp_message_bulk};
    use crate::message::{epp_message_free, epp_message_new};
    use std::ptr;

    struct Arrays {
        fields: Vec<EppSpan>,
        counts: Vec<u32>,
        items: Vec<EppSpan>,
        results: Vec<EppResultEntry>,
        checks: Vec<EppCheckEntry>,
    }

    impl Arrays {
        fn new(n: usize) -> Arrays {
            Arrays {
                fields: vec![EppSpan::default(); 27],
                counts: vec![0; 21],
                items: vec![EppSpan::default(); n],
                results: vec![EppResultEntry::default(); n],
                checks: vec![EppCheckEntry::default(); n],
            }
        }

        fn bulk(&mut self) -> EppBulk {
            EppBulk {
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
            }
        }
    }

    /// The one call gives what the read then `epp_message_bulk` give, on
    /// the whole corpus; read failures and NULLs as documented.
    #[test]
    #[cfg_attr(miri, ignore)]
    fn read_bulk_equals_read_then_bulk_on_the_whole_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("the corpus");
        let mut lines = manifest.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let col = header.iter().position(|h| *h == "path").unwrap();
        let mut m = ptr::null_mut();
        // SAFETY: valid out-parameter.
        assert_eq!(unsafe { epp_message_new(&mut m) }, EppResult::Ok);
        type Read = unsafe extern "C" fn(*mut EppMessage, *const u8, usize) -> EppResult;
        type ReadBulk =
            unsafe extern "C" fn(*mut EppMessage, *const u8, usize, *mut EppBulk) -> EppResult;
        let pairs: [(Read, ReadBulk); 2] = [
            (epp_message_read_command, epp_message_read_command_bulk),
            (epp_message_read_response, epp_message_read_response_bulk),
        ];
        let mut compared = 0;
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let path = line.split('\t').nth(col).unwrap();
            let frame = std::fs::read(dir.join(path)).unwrap();
            for (read, read_bulk) in pairs {
                let (mut a, mut b) = (Arrays::new(512), Arrays::new(512));
                let (mut one, mut two) = (a.bulk(), b.bulk());
                // SAFETY: live handle; frame and arrays outlive the calls.
                let (r1, r2) = unsafe {
                    let r1 = read_bulk(m, frame.as_ptr(), frame.len(), &mut one);
                    let r2 = match read(m, frame.as_ptr(), frame.len()) {
                        EppResult::Ok => epp_message_bulk(m, &mut two),
                        e => e,
                    };
                    (r1, r2)
                };
                assert_eq!(r1, r2, "{path}");
                if r1 == EppResult::Ok {
                    assert_eq!(
                        (one.items_len, one.results_len, one.checks_len),
                        (two.items_len, two.results_len, two.checks_len)
                    );
                    assert_eq!((&a.fields, &a.counts), (&b.fields, &b.counts));
                    assert_eq!(a.items[..one.items_len], b.items[..two.items_len]);
                    assert_eq!(a.results[..one.results_len], b.results[..two.results_len]);
                    assert_eq!(a.checks[..one.checks_len], b.checks[..two.checks_len]);
                    compared += 1;
                }
            }
        }
        assert!(compared > 250, "{compared}");
        let frame = b"<epp/>";
        let mut a = Arrays::new(4);
        let mut one = a.bulk();
        one.items_len = 7;
        // SAFETY: as above; NULL where the test says.
        unsafe {
            assert_eq!(
                epp_message_read_command_bulk(m, frame.as_ptr(), frame.len(), &mut one),
                EppResult::ReadError
            );
            assert_eq!(one.items_len, 7);
            assert_eq!(
                epp_message_read_response_bulk(m, frame.as_ptr(), frame.len(), ptr::null_mut()),
                EppResult::NullArgument
            );
            epp_message_free(m);
        }
    }
}
