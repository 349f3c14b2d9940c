//! `epp_deframer`: RFC 5734 data units out of a byte stream.
//!
//! Push received bytes (`epp_deframer_push`), or receive straight into the
//! deframer's buffer (`epp_deframer_read_buf` then `epp_deframer_commit`),
//! then take out complete frames with `epp_deframer_next`. The buffer grows
//! to the largest frame seen and is then reused: no allocation per frame in
//! the steady state.

use epp_codec::Limits;
use epp_codec::frame::{Deframer, FrameError};

use crate::{EppResult, guard, guard_value, non_null};

/// A deframer handle (opaque): a receive buffer and the frames in it.
pub struct EppDeframer {
    inner: Deframer,
}

fn frame_result(e: FrameError) -> EppResult {
    match e {
        FrameError::LengthTooLarge { .. } => EppResult::FrameTooLong,
        _ => EppResult::FrameInvalid,
    }
}

/// Makes a deframer that refuses frames longer than `max_frame_len` bytes
/// (header included; 0 means the default, 1 MiB), and stores it in `*out`.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one pointer. Free the deframer
/// with `epp_deframer_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_new(
    max_frame_len: u32,
    out: *mut *mut EppDeframer,
) -> EppResult {
    guard(|| {
        non_null(out)?;
        let mut limits = Limits::new();
        if max_frame_len != 0 {
            limits = limits.with_max_frame_len(max_frame_len);
        }
        let handle = Box::into_raw(Box::new(EppDeframer {
            inner: Deframer::new(limits),
        }));
        // SAFETY: `out` is non-NULL and the caller guarantees it is writable.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Frees a deframer (and every frame pointer it handed out). NULL does
/// nothing.
///
/// # Safety
///
/// `deframer` must be NULL or a handle from `epp_deframer_new` not yet
/// freed; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_free(deframer: *mut EppDeframer) {
    if deframer.is_null() {
        return;
    }
    // SAFETY: the caller passes a live handle from Box::into_raw, once.
    let handle = unsafe { Box::from_raw(deframer) };
    // Dropping frees a Vec; nothing there can panic, but stay on the safe side.
    guard_value((), move || drop(handle));
}

/// Appends `len` received bytes. A bad frame header among them fails with
/// `EPP_RESULT_FRAME_INVALID` or `EPP_RESULT_FRAME_TOO_LONG` (and so does
/// every later call); frames before it can still be taken out.
///
/// # Safety
///
/// `deframer` must be a live handle (or NULL); `bytes` must point to `len`
/// readable bytes (it may be NULL when `len` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_push(
    deframer: *mut EppDeframer,
    bytes: *const u8,
    len: usize,
) -> EppResult {
    guard(|| {
        non_null(deframer)?;
        if len == 0 {
            return Ok(());
        }
        non_null(bytes)?;
        // SAFETY: live handle, not aliased during the call (caller's contract).
        let d = unsafe { &mut *deframer };
        // SAFETY: the caller guarantees `len` readable bytes at `bytes`.
        let data = unsafe { std::slice::from_raw_parts(bytes, len) };
        d.inner.push(data).map_err(frame_result)
    })
}

/// Space to receive into without a copy: stores in `*buf` and `*len` a
/// writable area of the deframer's buffer (at least 4096 bytes). Write up
/// to `*len` bytes there (e.g. `read(fd, *buf, *len)`) and call
/// `epp_deframer_commit` with the count. The area is valid until the next
/// call on the deframer.
///
/// # Safety
///
/// `deframer` must be a live handle; `buf` and `len` must be valid for
/// writes (or NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_read_buf(
    deframer: *mut EppDeframer,
    buf: *mut *mut u8,
    len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(deframer)?;
        non_null(buf)?;
        non_null(len)?;
        // SAFETY: live handle, not aliased during the call.
        let d = unsafe { &mut *deframer };
        if let Some(e) = d.inner.error() {
            return Err(frame_result(e));
        }
        let area = d.inner.read_buf();
        // SAFETY: both out-parameters are non-NULL and writable.
        unsafe {
            buf.write(area.as_mut_ptr());
            len.write(area.len());
        }
        Ok(())
    })
}

/// Marks `n` bytes written into the area from `epp_deframer_read_buf` as
/// received (more than the area is taken as all of it). Fails like
/// `epp_deframer_push` on a bad header.
///
/// # Safety
///
/// `deframer` must be a live handle (or NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_commit(deframer: *mut EppDeframer, n: usize) -> EppResult {
    guard(|| {
        non_null(deframer)?;
        // SAFETY: live handle, not aliased during the call.
        let d = unsafe { &mut *deframer };
        d.inner.commit(n).map_err(frame_result)
    })
}

/// Takes out the next complete frame: stores the payload (the XML, without
/// the 4-byte header) in `*frame` and `*len`. The bytes live in the
/// deframer and stay valid and unchanged until the next call on this
/// deframer (read them, or read them into a message, before pushing more).
///
/// Returns `EPP_RESULT_INCOMPLETE` when no frame is complete yet (see
/// `epp_deframer_needed`), or the framing error once every frame before the
/// bad header has been taken out.
///
/// # Safety
///
/// `deframer` must be a live handle; `frame` and `len` must be valid for
/// writes (or NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_next(
    deframer: *mut EppDeframer,
    frame: *mut *const u8,
    len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(deframer)?;
        non_null(frame)?;
        non_null(len)?;
        // SAFETY: live handle, not aliased during the call.
        let d = unsafe { &mut *deframer };
        match d.inner.next_frame() {
            Ok(Some(payload)) => {
                // SAFETY: both out-parameters are non-NULL and writable.
                unsafe {
                    frame.write(payload.as_ptr());
                    len.write(payload.len());
                }
                Ok(())
            }
            Ok(None) => Err(EppResult::Incomplete),
            Err(e) => Err(frame_result(e)),
        }
    })
}

/// How many more bytes complete the next frame: at least 1 while none is
/// complete, exact once its header is in; 0 when a frame can be taken out
/// now, after an error, or for a NULL handle.
///
/// # Safety
///
/// `deframer` must be a live handle (or NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_needed(deframer: *const EppDeframer) -> usize {
    if deframer.is_null() {
        return 0;
    }
    // SAFETY: live handle (caller's contract), only read.
    let d = unsafe { &*deframer };
    guard_value(0, || d.inner.needed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ptr;

    fn framed(payload: &[u8]) -> Vec<u8> {
        let mut v = ((payload.len() + 4) as u32).to_be_bytes().to_vec();
        v.extend_from_slice(payload);
        v
    }

    fn new(max: u32) -> *mut EppDeframer {
        let mut d = ptr::null_mut();
        // SAFETY: `d` is a valid out-parameter.
        assert_eq!(unsafe { epp_deframer_new(max, &mut d) }, EppResult::Ok);
        d
    }

    #[test]
    fn byte_by_byte_then_two_frames() {
        let d = new(0);
        let mut stream = framed(b"<a/>");
        stream.extend(framed(b"<bb/>"));
        let mut got = Vec::new();
        for b in &stream {
            // SAFETY: live handle, one readable byte.
            assert_eq!(unsafe { epp_deframer_push(d, b, 1) }, EppResult::Ok);
            let (mut p, mut n) = (ptr::null(), 0);
            // SAFETY: live handle, valid out-parameters.
            match unsafe { epp_deframer_next(d, &mut p, &mut n) } {
                EppResult::Ok => {
                    // SAFETY: the frame is valid until the next call.
                    got.push(unsafe { std::slice::from_raw_parts(p, n) }.to_vec())
                }
                EppResult::Incomplete => {
                    // SAFETY: live handle.
                    assert!(unsafe { epp_deframer_needed(d) } >= 1)
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(got, [b"<a/>".to_vec(), b"<bb/>".to_vec()]);
        // SAFETY: freed once.
        unsafe { epp_deframer_free(d) };
    }

    #[test]
    fn read_buf_commit_and_errors() {
        let d = new(64);
        let (mut buf, mut cap) = (ptr::null_mut(), 0);
        // SAFETY: live handle and valid out-parameters throughout.
        unsafe {
            assert_eq!(epp_deframer_read_buf(d, &mut buf, &mut cap), EppResult::Ok);
            assert!(cap >= 4096);
            let f = framed(b"<x/>");
            ptr::copy_nonoverlapping(f.as_ptr(), buf, f.len());
            assert_eq!(epp_deframer_commit(d, f.len()), EppResult::Ok);
            let (mut p, mut n) = (ptr::null(), 0);
            assert_eq!(epp_deframer_next(d, &mut p, &mut n), EppResult::Ok);
            assert_eq!(std::slice::from_raw_parts(p, n), b"<x/>");
            // Over the 64-byte limit: dead for good.
            let big = 1000u32.to_be_bytes();
            assert_eq!(
                epp_deframer_push(d, big.as_ptr(), 4),
                EppResult::FrameTooLong
            );
            assert_eq!(
                epp_deframer_next(d, &mut p, &mut n),
                EppResult::FrameTooLong
            );
            assert_eq!(epp_deframer_needed(d), 0);
            epp_deframer_free(d);
        }
    }

    #[test]
    fn null_arguments() {
        // SAFETY: every pointer is NULL or valid.
        unsafe {
            assert_eq!(
                epp_deframer_new(0, ptr::null_mut()),
                EppResult::NullArgument
            );
            assert_eq!(
                epp_deframer_push(ptr::null_mut(), ptr::null(), 1),
                EppResult::NullArgument
            );
            let d = new(0);
            assert_eq!(
                epp_deframer_push(d, ptr::null(), 1),
                EppResult::NullArgument
            );
            assert_eq!(epp_deframer_push(d, ptr::null(), 0), EppResult::Ok);
            assert_eq!(
                epp_deframer_next(d, ptr::null_mut(), ptr::null_mut()),
                EppResult::NullArgument
            );
            assert_eq!(
                epp_deframer_commit(ptr::null_mut(), 0),
                EppResult::NullArgument
            );
            let mut n = 0;
            assert_eq!(
                epp_deframer_read_buf(d, ptr::null_mut(), &mut n),
                EppResult::NullArgument
            );
            assert_eq!(epp_deframer_needed(ptr::null()), 0);
            let bad = [0u8, 0, 0, 1];
            assert_eq!(
                epp_deframer_push(d, bad.as_ptr(), 4),
                EppResult::FrameInvalid
            );
            epp_deframer_free(d);
            epp_deframer_free(ptr::null_mut());
        }
    }
}
