//! The details of a response that the first accessors left out: each
//! `<result>`'s `<value>` and `<extValue>` elements and the language of its
//! `<msg>`, the language and markup of the `<msgQ><msg>`, and the language
//! of each check `<reason>`.
//!
//! A `<value>` holds XML the server echoes from the client's command; it
//! is handed out raw, as the whole `<value>` element as written, so that
//! the namespace declarations servers put on `<value>` (RFC 5730's
//! examples do) come with it.

use std::ffi::c_char;

use epp_codec::view::response::{EppResult as ResultView, ExtValue};
use epp_codec::xml::Span;

use crate::message::{EppMessage, check_items, frame_of, handle, string_out, unescaped_out};
use crate::{EppResult, guard_value};

fn result_at(m: &EppMessage, index: usize) -> Result<ResultView<'_>, EppResult> {
    let (r, _) = m.response()?;
    r.results().get(index).ok_or(EppResult::IndexOutOfRange)
}

/// The text of `span` of the handle's frame (empty if it is not one:
/// spans come from the view of that frame, so it always is).
fn span_text(m: &EppMessage, span: Span) -> &str {
    frame_of(m)
        .get(span.start..span.end)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

fn ext_value_at(m: &EppMessage, index: usize, ext_index: usize) -> Result<ExtValue<'_>, EppResult> {
    result_at(m, index)?
        .ext_values()
        .get(ext_index)
        .ok_or(EppResult::IndexOutOfRange)
}

/// The `lang` attribute of the `<msg>` of result `index`, stored in `*ptr`
/// and `*len`: `EPP_RESULT_ABSENT` when the message has none (RFC 5730:
/// English).
///
/// # Safety
///
/// `message` must be NULL or a live handle whose last read frame is still
/// alive and unchanged; `ptr` and `len` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_msg_lang(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            result_at(m, index)?
                .message_lang()
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

/// The number of `<value>` elements of result `index` (0 for a NULL
/// handle, a message that is not a response, or an index out of range).
///
/// # Safety
///
/// `message` must be NULL or a live handle whose last read frame is still
/// alive and unchanged.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_value_count(
    message: *const EppMessage,
    index: usize,
) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || result_at(m, index).map_or(0, |r| r.values().len()))
}

/// `<value>` number `value_index` of result `index`: the whole element,
/// `<value …>` to `</value>`, as written (the client's offending XML and
/// the declarations it needs), stored in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_value(
    message: *const EppMessage,
    index: usize,
    value_index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            result_at(m, index)?
                .values()
                .get(value_index)
                .map(|v| span_text(m, v.span()))
                .ok_or(EppResult::IndexOutOfRange)
        })
    }
}

/// The number of `<extValue>` elements of result `index` (0 for a NULL
/// handle, a message that is not a response, or an index out of range).
///
/// # Safety
///
/// As `epp_message_result_value_count`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_ext_value_count(
    message: *const EppMessage,
    index: usize,
) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || {
        result_at(m, index).map_or(0, |r| r.ext_values().len())
    })
}

/// The `<value>` of `<extValue>` number `ext_index` of result `index`:
/// the whole element, as written, stored in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_ext_value(
    message: *const EppMessage,
    index: usize,
    ext_index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            ext_value_at(m, index, ext_index)?
                .value()
                .map(|v| span_text(m, v.span()))
                .ok_or(EppResult::Absent)
        })
    }
}

/// The `<reason>` of `<extValue>` number `ext_index` of result `index`,
/// as written, stored in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_ext_value_reason(
    message: *const EppMessage,
    index: usize,
    ext_index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            ext_value_at(m, index, ext_index)?
                .reason()
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

/// The `<reason>` of `<extValue>` number `ext_index` of result `index`,
/// unescaped into `buf` (see `epp_message_field_unescaped`).
///
/// # Safety
///
/// `message` as `epp_message_result_msg_lang`; `buf` must be NULL or hold
/// `cap` writable bytes; `out_len` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_ext_value_reason_unescaped(
    message: *const EppMessage,
    index: usize,
    ext_index: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        unescaped_out(message, buf, cap, out_len, |m| {
            ext_value_at(m, index, ext_index)?
                .reason()
                .ok_or(EppResult::Absent)
        })
    }
}

/// The `lang` of the `<reason>` of `<extValue>` number `ext_index` of
/// result `index`, stored in `*ptr` and `*len` (`EPP_RESULT_ABSENT`:
/// English).
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_ext_value_reason_lang(
    message: *const EppMessage,
    index: usize,
    ext_index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            ext_value_at(m, index, ext_index)?
                .reason_lang()
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

/// The `lang` of the response's `<msgQ><msg>`, stored in `*ptr` and
/// `*len` (`EPP_RESULT_ABSENT` without one: English).
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_msgq_lang(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            let (r, _) = m.response()?;
            r.message_queue()
                .and_then(|q| q.message_lang())
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

/// The content of the response's `<msgQ><msg>` as written, markup
/// included (`EPP_FIELD_MSGQ_MESSAGE` gives the text only when the message
/// holds no elements), stored in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_msgq_xml(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            let (r, _) = m.response()?;
            r.message_queue()
                .and_then(|q| q.message())
                .ok_or(EppResult::Absent)
        })
    }
}

/// The `lang` of the `<reason>` of check result `index`, stored in `*ptr`
/// and `*len` (`EPP_RESULT_ABSENT` without one: English).
///
/// # Safety
///
/// As `epp_message_result_msg_lang`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_check_reason_lang(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            let (_, d) = m.response()?;
            check_items(&d)?
                .get(index)
                .ok_or(EppResult::IndexOutOfRange)?
                .reason_lang()
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

#[cfg(test)]
mod tests;
