//! The C ABI of epp-codec: a deframer, a reusable message handle that reads
//! commands, responses and greetings and hands out their fields, and
//! writers into caller buffers. `include/epp.h` is generated from this
//! crate by cbindgen (`scripts/header.sh`).
//!
//! # Conventions (carried into the header)
//!
//! - Handles are opaque (`epp_deframer`, `epp_message`), made by
//!   `epp_<type>_new` and released by `epp_<type>_free` exactly once
//!   (`_free(NULL)` does nothing).
//! - Functions that can fail return an [`EppResult`]; `epp_result_str` names
//!   it. Out-parameters are written only when the call returns
//!   `EPP_RESULT_OK` — with one exception: on `EPP_RESULT_BUFFER_TOO_SMALL`
//!   a writer stores the length it needs in `*out_len`.
//! - Every pointer argument is checked for NULL (`EPP_RESULT_NULL_ARGUMENT`).
//! - No Rust panic ever crosses the boundary: it is caught and becomes
//!   `EPP_RESULT_PANIC` (or a zero/empty value from a getter).
//! - Strings are `(const char *ptr, size_t len)` pairs, UTF-8, not
//!   NUL-terminated, as written in the message (see `epp_message_read_command`
//!   for how long they live).
//! - Handles are not thread-safe: use one from one thread at a time (they
//!   may move between threads).
//!
//! # Unsafe code
//!
//! Only this crate holds `unsafe`, each block with a `// SAFETY:` comment;
//! the one non-obvious invariant (the message handle's erased lifetime) is
//! explained in [`message`].

#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

use std::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A corpus file (`../shared/corpus/<path>`) as bytes, compiled into the
/// tests so that they run under Miri too (which reads no files).
#[cfg(test)]
macro_rules! corpus {
    ($path:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/corpus/",
            $path
        ))
    };
}

pub mod auth_info;
pub mod bulk;
pub mod contact;
pub mod deframer;
pub mod ext;
pub mod ext_more;
pub mod greeting;
pub mod message;
pub mod object;
pub mod packed;
pub mod read_bulk;
pub mod response_detail;
pub mod write;
pub mod write_command;
pub mod write_extension;
pub mod write_host_attr;
pub mod write_response;

/// What a call did: `EPP_RESULT_OK` or why it failed. The numbers are
/// stable: new results get new numbers, old ones never change.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppResult {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// An argument is out of its range (an unknown enum value, a zero
    /// capacity where one is needed, too many items).
    InvalidArgument = 2,
    /// An index is not below the list's count.
    IndexOutOfRange = 3,
    /// The field is absent from this message.
    Absent = 4,
    /// The accessor does not apply to what the handle holds (no message
    /// read, a command accessor on a response, …).
    WrongKind = 5,
    /// The deframer holds no complete frame yet: push more bytes.
    Incomplete = 6,
    /// The stream is not RFC 5734 framed: a length below 4, or text where a
    /// header was expected. The deframer is dead; close the connection
    /// (`epp_deframer_error` and `_error_message` say what and where).
    FrameInvalid = 7,
    /// A frame header announces more than the maximum frame length. The
    /// deframer is dead; close the connection (`epp_deframer_error` gives
    /// the length, the limit and where).
    FrameTooLong = 8,
    /// The message could not be read; `epp_message_error_code`,
    /// `epp_message_error_offset` and `epp_message_error_message` say why.
    ReadError = 9,
    /// The output buffer is too small; `*out_len` holds the length needed.
    BufferTooSmall = 10,
    /// A value cannot be written (a character XML forbids, a frame too long).
    WriteError = 11,
    /// A string argument is not UTF-8.
    InvalidUtf8 = 12,
    /// A bug: the library panicked. The panic was caught; the handle
    /// involved should be freed and not used again.
    Panic = 13,
    /// A field's text is not a valid value of the type asked for (a
    /// date-time that is not RFC 3339).
    InvalidValue = 14,
}

impl EppResult {
    /// A static description of the result.
    const fn description(self) -> &'static str {
        match self {
            EppResult::Ok => "ok\0",
            EppResult::NullArgument => "a required pointer argument was NULL\0",
            EppResult::InvalidArgument => "an argument is out of range\0",
            EppResult::IndexOutOfRange => "index out of range\0",
            EppResult::Absent => "the field is absent from this message\0",
            EppResult::WrongKind => "the accessor does not apply to this message\0",
            EppResult::Incomplete => "no complete frame yet\0",
            EppResult::FrameInvalid => "the stream is not RFC 5734 framed\0",
            EppResult::FrameTooLong => "a frame is longer than the maximum frame length\0",
            EppResult::ReadError => "the message could not be read\0",
            EppResult::BufferTooSmall => "the output buffer is too small\0",
            EppResult::WriteError => "a value cannot be written\0",
            EppResult::InvalidUtf8 => "a string argument is not UTF-8\0",
            EppResult::Panic => "internal error: the library panicked\0",
            EppResult::InvalidValue => "the field is not a valid value of its type\0",
        }
    }

    /// Every result, in numeric order (for tests and bindings).
    pub const ALL: [EppResult; 15] = [
        EppResult::Ok,
        EppResult::NullArgument,
        EppResult::InvalidArgument,
        EppResult::IndexOutOfRange,
        EppResult::Absent,
        EppResult::WrongKind,
        EppResult::Incomplete,
        EppResult::FrameInvalid,
        EppResult::FrameTooLong,
        EppResult::ReadError,
        EppResult::BufferTooSmall,
        EppResult::WriteError,
        EppResult::InvalidUtf8,
        EppResult::Panic,
        EppResult::InvalidValue,
    ];
}

/// The library version as a static, NUL-terminated string such as `"0.1.0"`.
///
/// The returned pointer is valid for the life of the process; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn epp_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// A static, NUL-terminated description of `result` (of any number: an
/// unknown one is described as such). Never NULL; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn epp_result_str(result: u32) -> *const c_char {
    let text = EppResult::ALL
        .get(result as usize)
        .map_or("unknown result\0", |r| r.description());
    text.as_ptr().cast()
}

/// A borrowed UTF-8 string passed into the library: `ptr` to `len` bytes,
/// not NUL-terminated. `{NULL, 0}` means "absent" where a parameter is
/// optional.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppStr {
    /// The first byte (may be NULL only when the string is absent).
    pub ptr: *const c_char,
    /// The length in bytes.
    pub len: usize,
}

/// Runs `f`, turning a panic into [`EppResult::Panic`] so that it never
/// unwinds into C.
pub(crate) fn guard(f: impl FnOnce() -> Result<(), EppResult>) -> EppResult {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => EppResult::Ok,
        Ok(Err(e)) => e,
        Err(_) => EppResult::Panic,
    }
}

/// Runs a getter `f`, turning a panic into `fallback`.
pub(crate) fn guard_value<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// Returns `Err(NullArgument)` when `p` is NULL.
pub(crate) fn non_null<T>(p: *const T) -> Result<(), EppResult> {
    if p.is_null() {
        Err(EppResult::NullArgument)
    } else {
        Ok(())
    }
}

/// Reads an [`EppStr`] argument: `None` for `{NULL, _}`.
///
/// # Safety
///
/// A non-NULL `s.ptr` must point to `s.len` readable bytes that stay
/// unchanged for `'a`.
pub(crate) unsafe fn opt_str<'a>(s: EppStr) -> Result<Option<&'a str>, EppResult> {
    if s.ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: non-NULL, and the caller guarantees `len` readable bytes.
    let bytes = unsafe { std::slice::from_raw_parts(s.ptr.cast::<u8>(), s.len) };
    std::str::from_utf8(bytes)
        .map(Some)
        .map_err(|_| EppResult::InvalidUtf8)
}

/// Reads a required [`EppStr`] argument.
///
/// # Safety
///
/// As [`opt_str`].
pub(crate) unsafe fn req_str<'a>(s: EppStr) -> Result<&'a str, EppResult> {
    // SAFETY: forwarded from the caller.
    unsafe { opt_str(s) }?.ok_or(EppResult::NullArgument)
}

/// Writes `s` into the out-parameters `ptr` and `len` (already checked
/// non-NULL by the caller of this helper).
///
/// # Safety
///
/// `ptr` and `len` must be valid for writes.
pub(crate) unsafe fn put_str(s: &str, ptr: *mut *const c_char, len: *mut usize) {
    // SAFETY: the caller guarantees both are valid for writes.
    unsafe {
        ptr.write(s.as_ptr().cast());
        len.write(s.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn version_matches_the_package() {
        // SAFETY: epp_version returns a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(epp_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn result_numbers_are_stable_and_described() {
        for (i, r) in EppResult::ALL.iter().enumerate() {
            assert_eq!(*r as u32, i as u32);
            // SAFETY: epp_result_str returns a static NUL-terminated string.
            let s = unsafe { CStr::from_ptr(epp_result_str(*r as u32)) };
            assert!(!s.to_bytes().is_empty());
        }
        assert_eq!(EppResult::BufferTooSmall as u32, 10);
        assert_eq!(EppResult::Panic as u32, 13);
        // SAFETY: as above.
        let unknown = unsafe { CStr::from_ptr(epp_result_str(999)) };
        assert_eq!(unknown.to_str().unwrap(), "unknown result");
    }

    #[test]
    fn a_panic_does_not_cross_the_boundary() {
        let r = guard(|| panic!("boom"));
        assert_eq!(r, EppResult::Panic);
        let v: usize = guard_value(7, || panic!("boom"));
        assert_eq!(v, 7);
        assert_eq!(guard(|| Err(EppResult::Absent)), EppResult::Absent);
    }
}

#[cfg(test)]
mod more_tests;
#[cfg(test)]
mod test_support;
