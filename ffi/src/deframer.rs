//! `epp_deframer`: RFC 5734 data units out of a byte stream.
//!
//! Push received bytes (`epp_deframer_push`), or receive straight into the
//! deframer's buffer (`epp_deframer_read_buf` then `epp_deframer_commit`),
//! then take out complete frames with `epp_deframer_next`. The buffer grows
//! to the largest frame seen and is then reused: no allocation per frame in
//! the steady state.
//!
//! A bad header kills the deframer; `epp_deframer_error` (an
//! `epp_frame_error`) and `epp_deframer_error_message` then say what it
//! was and where in the stream it starts.

use std::ffi::c_char;
use std::fmt::Write as _;

use epp_codec::Limits;
use epp_codec::frame::{Deframer, FrameError, MAX_ADDRESSABLE_FRAME_LEN};

use crate::message::FixedText;
use crate::{EppResult, guard, guard_value, non_null, put_str};

/// Room for the error text: the longest (a length error with two ten-digit
/// numbers and a twenty-digit offset) takes about 130 bytes.
const ERROR_TEXT_CAP: usize = 192;

/// A deframer handle (opaque): a receive buffer and the frames in it.
pub struct EppDeframer {
    inner: Deframer,
    /// The description of the error the deframer failed with (written once,
    /// when it fails: the deframer is fused after that, so it never
    /// changes), for `epp_deframer_error_message`.
    error_text: [u8; ERROR_TEXT_CAP],
    error_len: usize,
}

impl EppDeframer {
    /// Records the description of `e` (the first time) and gives its result.
    fn failed(&mut self, e: FrameError) -> EppResult {
        if self.error_len == 0 {
            let mut w = FixedText {
                buf: &mut self.error_text,
                len: 0,
            };
            // A text longer than the buffer is cut, never an error.
            let _ = write!(w, "{e}, at stream offset {}", self.inner.stream_offset());
            self.error_len = w.len;
        }
        frame_result(e)
    }
}

fn frame_result(e: FrameError) -> EppResult {
    match e {
        FrameError::LengthTooLarge { .. } => EppResult::FrameTooLong,
        _ => EppResult::FrameInvalid,
    }
}

/// What was wrong with the frame header a deframer refused
/// (`epp_frame_error.kind`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppFrameErrorKind {
    /// A kind this version of the C API does not name (the Rust core may
    /// add kinds); the other fields of `epp_frame_error` are still set.
    Other = 0,
    /// The total length announced is below 4, the header's own size
    /// (`EPP_RESULT_FRAME_INVALID`).
    LengthTooSmall = 1,
    /// The total length announced is above the limit in force
    /// (`EPP_RESULT_FRAME_TOO_LONG`).
    LengthTooLarge = 2,
    /// The four header bytes are printable text, not a length: the peer
    /// wrote a message without an RFC 5734 header, such as a server's
    /// "Session limit exceeded" (`EPP_RESULT_FRAME_INVALID`).
    UnframedText = 3,
}

/// The details of the frame header a deframer refused, from
/// `epp_deframer_error`: what was wrong and where in the stream.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EppFrameError {
    /// What was wrong.
    pub kind: EppFrameErrorKind,
    /// The total length the header announced (its four bytes read as a
    /// big-endian number, for text too).
    pub length: u32,
    /// The longest frame the deframer accepts, header included: the
    /// `max_frame_len` it was made with (the default when 0), or less on
    /// 32-bit targets, where a frame over 2 GiB - 1 cannot be held.
    pub max: u32,
    /// The four bytes where the header should have been (for
    /// `EPP_FRAME_ERROR_KIND_UNFRAMED_TEXT`, the first four bytes of the
    /// peer's text).
    pub header: [u8; 4],
    /// Where the refused header starts: the bytes of the stream before it,
    /// counted from the first byte pushed or committed.
    pub offset: u64,
}

impl EppFrameError {
    fn new(e: FrameError, limits: &Limits, offset: u64) -> Self {
        let kind = match e {
            FrameError::LengthTooSmall { .. } => EppFrameErrorKind::LengthTooSmall,
            FrameError::LengthTooLarge { .. } => EppFrameErrorKind::LengthTooLarge,
            FrameError::UnframedText { .. } => EppFrameErrorKind::UnframedText,
            _ => EppFrameErrorKind::Other,
        };
        #[allow(
            clippy::unnecessary_min_or_max,
            reason = "a no-op only where MAX_ADDRESSABLE_FRAME_LEN is u32::MAX (64-bit targets)"
        )]
        let max = match e {
            FrameError::LengthTooLarge { max, .. } => max,
            // The same limit `check_header` applies.
            _ => limits.max_frame_len().min(MAX_ADDRESSABLE_FRAME_LEN),
        };
        EppFrameError {
            kind,
            length: e.length(),
            max,
            // `length()` is the header read as a big-endian number.
            header: e.length().to_be_bytes(),
            offset,
        }
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
            error_text: [0; ERROR_TEXT_CAP],
            error_len: 0,
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
/// every later call; `epp_deframer_error` and `epp_deframer_error_message`
/// say what was wrong and where); frames before it can still be taken out.
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
        // SAFETY: live handle, not aliased during the call (caller's contract).
        let d = unsafe { &mut *deframer };
        // Nothing to append still goes through `push`, which answers a
        // dead deframer with its error, as every later call must.
        let data: &[u8] = if len == 0 {
            &[]
        } else {
            non_null(bytes)?;
            // SAFETY: the caller guarantees `len` readable bytes at `bytes`.
            unsafe { std::slice::from_raw_parts(bytes, len) }
        };
        d.inner.push(data).map_err(|e| d.failed(e))
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
            return Err(d.failed(e));
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
        d.inner.commit(n).map_err(|e| d.failed(e))
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
            Err(e) => Err(d.failed(e)),
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

/// After a deframer has failed (`EPP_RESULT_FRAME_INVALID` or
/// `EPP_RESULT_FRAME_TOO_LONG`): stores in `*out` what was wrong with the
/// header it refused (its kind, the length it announced, the limit, its
/// four bytes) and where it starts in the stream. `EPP_RESULT_ABSENT` when
/// the deframer has not failed.
///
/// # Safety
///
/// `deframer` must be NULL or a live handle; `out` NULL or valid for
/// writing one `epp_frame_error`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_error(
    deframer: *const EppDeframer,
    out: *mut EppFrameError,
) -> EppResult {
    guard(|| {
        non_null(deframer)?;
        non_null(out)?;
        // SAFETY: live handle (caller's contract), only read.
        let d = unsafe { &*deframer };
        let e = d.inner.error().ok_or(EppResult::Absent)?;
        let details = EppFrameError::new(e, d.inner.limits(), d.inner.stream_offset());
        // SAFETY: `out` is non-NULL and the caller guarantees it is writable.
        unsafe { out.write(details) };
        Ok(())
    })
}

/// After a deframer has failed: a description of the error, naming the
/// length and the limit or showing the text the peer sent instead of a
/// header, and the stream offset (UTF-8, at most 192 bytes, not
/// NUL-terminated), for example `peer sent text without an EPP frame
/// header: "Sess…", at stream offset 0`. It lives in the handle: valid
/// until `epp_deframer_free`. `EPP_RESULT_ABSENT` when the deframer has not
/// failed.
///
/// # Safety
///
/// `deframer` must be NULL or a live handle; `ptr` and `len` NULL or valid
/// for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_deframer_error_message(
    deframer: *const EppDeframer,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(deframer)?;
        non_null(ptr)?;
        non_null(len)?;
        // SAFETY: live handle (caller's contract), only read.
        let d = unsafe { &*deframer };
        if d.inner.error().is_none() {
            return Err(EppResult::Absent);
        }
        // Written when the deframer failed; FixedText writes whole
        // characters only, so this cannot fail.
        let text =
            std::str::from_utf8(&d.error_text[..d.error_len]).map_err(|_| EppResult::Panic)?;
        // SAFETY: both out-parameters are non-NULL and writable.
        unsafe { put_str(text, ptr, len) };
        Ok(())
    })
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

    /// Found by the `ffi_calls` fuzz target: an empty push answered `Ok`
    /// on a deframer that had failed, where every later call must fail.
    #[test]
    fn an_empty_push_on_a_dead_deframer_fails_too() {
        let d = new(0);
        let text = b"Session limit exceeded";
        // SAFETY: live handle; readable bytes, or NULL with a length of 0.
        unsafe {
            assert_eq!(
                epp_deframer_push(d, text.as_ptr(), text.len()),
                EppResult::FrameInvalid
            );
            assert_eq!(
                epp_deframer_push(d, ptr::null(), 0),
                EppResult::FrameInvalid
            );
            assert_eq!(
                epp_deframer_push(d, text.as_ptr(), 0),
                EppResult::FrameInvalid
            );
        }
        // A live one takes nothing as before.
        let live = new(0);
        // SAFETY: live handles, freed once.
        unsafe {
            assert_eq!(epp_deframer_push(live, ptr::null(), 0), EppResult::Ok);
            epp_deframer_free(live);
            epp_deframer_free(d);
        }
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

    /// The details and the text of `d`'s error.
    fn error_of(d: *const EppDeframer) -> (EppFrameError, String) {
        let mut details = EppFrameError {
            kind: EppFrameErrorKind::Other,
            length: 0,
            max: 0,
            header: [0; 4],
            offset: 0,
        };
        let (mut p, mut n) = (ptr::null(), 0);
        // SAFETY: live handle, valid out-parameters; the text lives in the
        // handle, read before any other call.
        unsafe {
            assert_eq!(epp_deframer_error(d, &mut details), EppResult::Ok);
            assert_eq!(epp_deframer_error_message(d, &mut p, &mut n), EppResult::Ok);
            let text = std::slice::from_raw_parts(p.cast::<u8>(), n);
            (details, String::from_utf8(text.to_vec()).unwrap())
        }
    }

    #[test]
    fn unframed_text_after_a_frame_is_shown_with_its_offset() {
        let d = new(0);
        let mut stream = framed(b"<epp><greeting/></epp>");
        let at = stream.len() as u64;
        stream.extend_from_slice(b"Session limit exceeded\r\n");
        let mut details = error_of_nothing();
        let (mut p, mut n) = (ptr::null(), 0);
        // SAFETY: live handle, valid pointers throughout.
        unsafe {
            // Not failed yet: nothing to tell, and nothing written.
            assert_eq!(epp_deframer_error(d, &mut details), EppResult::Absent);
            assert_eq!(details, error_of_nothing());
            assert_eq!(
                epp_deframer_error_message(d, &mut p, &mut n),
                EppResult::Absent
            );
            assert_eq!(
                epp_deframer_push(d, stream.as_ptr(), stream.len()),
                EppResult::FrameInvalid
            );
        }
        let (details, text) = error_of(d);
        assert_eq!(
            details,
            EppFrameError {
                kind: EppFrameErrorKind::UnframedText,
                length: u32::from_be_bytes(*b"Sess"),
                max: Limits::DEFAULT_MAX_FRAME_LEN,
                header: *b"Sess",
                offset: at,
            }
        );
        assert_eq!(
            text,
            format!("peer sent text without an EPP frame header: \"Sess…\", at stream offset {at}")
        );
        let (mut frame, mut len) = (ptr::null(), 0);
        // SAFETY: live handle, valid out-parameters; then freed once.
        unsafe {
            assert_eq!(epp_deframer_next(d, &mut frame, &mut len), EppResult::Ok);
            assert_eq!(
                epp_deframer_next(d, &mut frame, &mut len),
                EppResult::FrameInvalid
            );
            epp_deframer_free(d);
        }
    }

    fn error_of_nothing() -> EppFrameError {
        EppFrameError {
            kind: EppFrameErrorKind::Other,
            length: 7,
            max: 7,
            header: [7; 4],
            offset: 7,
        }
    }

    #[test]
    fn length_errors_name_the_length_the_limit_and_the_offset() {
        // Over the limit, arriving through read_buf/commit after two frames.
        let d = new(64);
        let mut stream = framed(b"<a/>");
        stream.extend(framed(&[b'x'; 60]));
        let at = stream.len() as u64;
        stream.extend_from_slice(&1000u32.to_be_bytes());
        stream.extend_from_slice(b"<epp>");
        let (mut buf, mut cap) = (ptr::null_mut(), 0);
        // SAFETY: live handle, valid out-parameters, `cap` writable bytes.
        unsafe {
            assert_eq!(epp_deframer_read_buf(d, &mut buf, &mut cap), EppResult::Ok);
            ptr::copy_nonoverlapping(stream.as_ptr(), buf, stream.len());
            assert_eq!(
                epp_deframer_commit(d, stream.len()),
                EppResult::FrameTooLong
            );
        }
        let (details, text) = error_of(d);
        assert_eq!(
            details,
            EppFrameError {
                kind: EppFrameErrorKind::LengthTooLarge,
                length: 1000,
                max: 64,
                header: 1000u32.to_be_bytes(),
                offset: at,
            }
        );
        assert!(text.contains("1000") && text.contains("64"), "{text}");
        assert!(
            text.ends_with(&format!(", at stream offset {at}")),
            "{text}"
        );
        // SAFETY: freed once.
        unsafe { epp_deframer_free(d) };

        // Below 4, byte by byte.
        let d = new(0);
        let mut stream = framed(b"<b/>");
        stream.extend_from_slice(&[0, 0, 0, 2]);
        let mut last = EppResult::Ok;
        for b in &stream {
            // SAFETY: live handle, one readable byte.
            last = unsafe { epp_deframer_push(d, b, 1) };
        }
        assert_eq!(last, EppResult::FrameInvalid);
        let (details, text) = error_of(d);
        assert_eq!(
            details,
            EppFrameError {
                kind: EppFrameErrorKind::LengthTooSmall,
                length: 2,
                max: Limits::DEFAULT_MAX_FRAME_LEN,
                header: [0, 0, 0, 2],
                offset: 8,
            }
        );
        assert_eq!(
            text,
            format!(
                "{}, at stream offset 8",
                FrameError::LengthTooSmall { length: 2 }
            )
        );
        // SAFETY: freed once.
        unsafe { epp_deframer_free(d) };
    }

    #[test]
    fn the_longest_error_text_fits() {
        let longest = format!(
            "{}, at stream offset {}",
            FrameError::LengthTooLarge {
                length: u32::MAX,
                max: u32::MAX - 1
            },
            u64::MAX
        );
        assert!(longest.len() <= ERROR_TEXT_CAP, "{}", longest.len());
        let text = format!(
            "{}, at stream offset {}",
            FrameError::UnframedText {
                header: *b"\"\r\n\t"
            },
            u64::MAX
        );
        assert!(text.len() < longest.len(), "{text}");
    }

    #[test]
    fn error_getters_check_their_arguments() {
        let mut details = error_of_nothing();
        let (mut p, mut n) = (ptr::null(), 0);
        // SAFETY: every pointer is NULL or valid.
        unsafe {
            assert_eq!(
                epp_deframer_error(ptr::null(), &mut details),
                EppResult::NullArgument
            );
            assert_eq!(
                epp_deframer_error_message(ptr::null(), &mut p, &mut n),
                EppResult::NullArgument
            );
            let d = new(0);
            let bad = [0u8, 0, 0, 1];
            assert_eq!(
                epp_deframer_push(d, bad.as_ptr(), 4),
                EppResult::FrameInvalid
            );
            assert_eq!(
                epp_deframer_error(d, ptr::null_mut()),
                EppResult::NullArgument
            );
            assert_eq!(
                epp_deframer_error_message(d, ptr::null_mut(), &mut n),
                EppResult::NullArgument
            );
            assert_eq!(
                epp_deframer_error_message(d, &mut p, ptr::null_mut()),
                EppResult::NullArgument
            );
            assert_eq!(details, error_of_nothing(), "nothing written");
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
