//! Bulk accessors: every string field, every list item, every result and
//! every check entry of a message, each group in one call, as spans of the
//! frame.
//!
//! The single-value accessors (`epp_message_field`, `epp_message_list_item`,
//! …) cost one call across the language boundary per value; from Go (cgo)
//! or Python (ctypes) that call, not the library's work, dominates. The
//! bulk accessors fill a caller array instead, and hand out each string as
//! an `epp_span` — an offset and a length into the frame the caller
//! already holds — so that a binding makes every string by slicing its
//! own copy of the frame. A span's flags say when slicing is not enough
//! (the value needs unescaping, or its text is a constant of the library):
//! then the binding calls the single-value `_unescaped` accessor for that
//! one value.
//!
//! Every span is computed by the same code as the single-value accessors
//! (`field_str`, `strings`, …), so the two agree by construction; the
//! tests below, the C tests and the Go and Python tests check it over the
//! whole corpus anyway. Lists are walked with their iterators, once, rather
//! than item by item (`List::get` walks from the start each time).
//!
//! Nothing allocates; nothing panics across the boundary.

use epp_codec::view::Str;

use epp_codec::view::Response;

use crate::message::{
    EPP_FIELD_LAST, EPP_LIST_LAST, EppMessage, ResData, Stored, Strings, check_items, field_str,
    frame_of, handle, strings,
};
use crate::{EppResult, guard, non_null};

/// The number of string fields (`EPP_FIELD_LAST + 1`): the length of the
/// array `epp_message_fields` fills.
pub const EPP_FIELD_COUNT: u32 = EPP_FIELD_LAST + 1;

/// The number of lists (`EPP_LIST_LAST + 1`): the length of the `counts`
/// array `epp_message_lists` fills.
pub const EPP_LIST_COUNT: u32 = EPP_LIST_LAST + 1;

/// `epp_span.flags` bit: the value is present in the message. A span
/// without it is all zeros.
pub const EPP_SPAN_PRESENT: u32 = 1;

/// `epp_span.flags` bit: the value differs from the raw text (it holds
/// an entity or character reference such as `&amp;`, a carriage return, or
/// markup such as a comment or CDATA section). The span is the raw text;
/// the single-value `*_unescaped` accessor gives the value.
pub const EPP_SPAN_ESCAPED: u32 = 2;

/// `epp_span.flags` bit: the text is not in the frame but a constant of
/// the library (a host status of a host update command, which the library
/// keeps as an enumeration). `offset` is 0 and `len` the text's length; the
/// single-value accessor (or its `*_unescaped` variant) gives the text.
pub const EPP_SPAN_DETACHED: u32 = 4;

/// A string of the message as a span of the frame given to the last
/// `epp_message_read_*`: bytes `offset .. offset + len`, raw as written
/// (like the single-value accessors).
///
/// When `flags` is exactly `EPP_SPAN_PRESENT`, those bytes are the value.
/// When it also holds `EPP_SPAN_ESCAPED` or `EPP_SPAN_DETACHED`, ask the
/// single-value `*_unescaped` accessor for the value. When it lacks
/// `EPP_SPAN_PRESENT`, the message has no such value and the span is
/// `{0, 0, 0}`.
///
/// Offsets and lengths are 32-bit: the library reads frames below 4 GiB.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EppSpan {
    /// The first byte, counted from the start of the frame.
    pub offset: u32,
    /// The length in bytes.
    pub len: u32,
    /// `EPP_SPAN_PRESENT`, `EPP_SPAN_ESCAPED`, `EPP_SPAN_DETACHED` bits.
    pub flags: u32,
}

impl EppSpan {
    /// The span of an absent value.
    pub const ABSENT: EppSpan = EppSpan {
        offset: 0,
        len: 0,
        flags: 0,
    };
}

/// One `<result>` of a response, for `epp_message_results`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EppResultEntry {
    /// The result code (e.g. 1000), as `epp_message_result_code` gives it.
    pub code: u32,
    /// The `<msg>`, as `epp_message_result_msg` gives it.
    pub msg: EppSpan,
}

/// `epp_check_entry.available`: the `avail` attribute is absent or not a
/// boolean (`epp_message_check_available` returns `EPP_RESULT_ABSENT`).
pub const EPP_CHECK_AVAILABLE_UNKNOWN: u32 = 2;

/// One `<cd>` entry of a check response, for `epp_message_checks`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EppCheckEntry {
    /// The name (or contact id), as `epp_message_check_name` gives it.
    pub name: EppSpan,
    /// The `<reason>`, as `epp_message_check_reason` gives it.
    pub reason: EppSpan,
    /// 1 when available, 0 when not, `EPP_CHECK_AVAILABLE_UNKNOWN` when
    /// the message does not say.
    pub available: u32,
}

/// Where the frame of the last read is, for turning strings into offsets.
#[derive(Clone, Copy)]
struct Frame {
    start: usize,
    len: usize,
}

impl Frame {
    fn of(m: &EppMessage) -> Result<Frame, EppResult> {
        let frame = frame_of(m);
        // Offsets are 32-bit, as they are in the core's views.
        if u32::try_from(frame.len()).is_err() {
            return Err(EppResult::InvalidArgument);
        }
        Ok(Frame {
            start: frame.as_ptr().addr(),
            len: frame.len(),
        })
    }

    /// The span of `s`: its offset in the frame, or detached when it is
    /// not in the frame (a constant of the library).
    fn span(self, s: Str<'_>) -> EppSpan {
        let raw = s.raw();
        let mut flags = EPP_SPAN_PRESENT;
        if s.has_escapes() {
            flags |= EPP_SPAN_ESCAPED;
        }
        // Lengths fit: a string in the frame is shorter than the frame,
        // and the library's constants are short.
        let len = u32::try_from(raw.len()).unwrap_or(u32::MAX);
        if raw.is_empty() {
            // An empty value needs no bytes: any offset will do.
            return EppSpan {
                offset: 0,
                len: 0,
                flags,
            };
        }
        let at = raw.as_ptr().addr().wrapping_sub(self.start);
        if at <= self.len && raw.len() <= self.len - at {
            EppSpan {
                offset: at as u32,
                len,
                flags,
            }
        } else {
            EppSpan {
                offset: 0,
                len,
                flags: flags | EPP_SPAN_DETACHED,
            }
        }
    }

    fn span_of(self, s: Option<Str<'_>>) -> EppSpan {
        s.map_or(EppSpan::ABSENT, |s| self.span(s))
    }
}

impl<'a> Strings<'a> {
    /// Calls `f` on every item, in order, walking the list once.
    fn for_each(&self, mut f: impl FnMut(Str<'a>)) {
        match self {
            Strings::Empty => {}
            Strings::One(s) => f(*s),
            Strings::Strs(l) => l.iter().for_each(f),
            Strings::DomainStatuses(l) => l.iter().for_each(|s| f(s.raw())),
            Strings::HostStatuses(l) => l.iter().for_each(|s| f(Str::new(s.value().as_str()))),
            Strings::ContactStatuses(l) => l.iter().for_each(|s| f(s.raw())),
            Strings::DomainObjStatuses(l) => l.iter().for_each(|s| f(s.raw())),
            Strings::HostObjStatuses(l) => l.iter().for_each(|s| f(s.raw())),
            Strings::ContactObjStatuses(l) => l.iter().for_each(|s| f(s.raw())),
            Strings::Contacts(l) => l.iter().for_each(|c| f(c.id())),
            Strings::ContactTypes(l) => l
                .iter()
                .for_each(|c| f(c.type_raw().unwrap_or(Str::new("")))),
            Strings::Addresses(l) => l.iter().for_each(|a| f(a.raw())),
            Strings::HostAttrs(l) => l.iter().for_each(|h| f(h.name())),
        }
    }
}

/// `Err(WrongKind)` unless the handle holds a command, response or greeting.
fn holds_message(m: &EppMessage) -> Result<(), EppResult> {
    match m.view_ref() {
        Stored::Command(_) | Stored::Response(..) | Stored::Greeting(_) => Ok(()),
        _ => Err(EppResult::WrongKind),
    }
}

/// Stores `n` in `*out_count`.
///
/// # Safety
///
/// `out_count` non-NULL and valid for writes.
unsafe fn put_count(out_count: *mut usize, n: usize) {
    // SAFETY: the caller guarantees it.
    unsafe { out_count.write(n) };
}

/// A caller array as a slice: empty for NULL or a zero capacity.
///
/// # Safety
///
/// `ptr` NULL or valid for writing `cap` values, not aliased for `'a`.
unsafe fn room<'a, T>(ptr: *mut T, cap: usize) -> &'a mut [T] {
    if ptr.is_null() || cap == 0 {
        &mut []
    } else {
        // SAFETY: non-NULL and valid for `cap` values (caller's contract).
        unsafe { std::slice::from_raw_parts_mut(ptr, cap) }
    }
}

/// Fills `fields` (exactly `EPP_FIELD_COUNT` long), `counts` and `room`:
/// in one visit of the view for the kinds `one_pass` knows, else with
/// `fill_fields` and `fill_lists`. Returns the number of list items, which
/// may exceed `room`.
fn fill_fields_and_lists(
    m: &EppMessage,
    frame: Frame,
    fields: &mut [EppSpan],
    counts: &mut [u32; EPP_LIST_COUNT as usize],
    room: &mut [EppSpan],
) -> Result<usize, EppResult> {
    if let Some(done) = one_pass::fill(m, frame, fields, counts, room) {
        return done;
    }
    fill_fields(m, frame, fields)?;
    fill_lists(m, frame, counts, room)
}

/// Fills `out` (exactly `EPP_FIELD_COUNT` long) with every field's span.
fn fill_fields(m: &EppMessage, frame: Frame, out: &mut [EppSpan]) -> Result<(), EppResult> {
    for (field, slot) in (0..EPP_FIELD_COUNT).zip(out.iter_mut()) {
        *slot = match field_str(m, field) {
            Ok(s) => frame.span(s),
            Err(EppResult::Absent) => EppSpan::ABSENT,
            Err(e) => return Err(e),
        };
    }
    Ok(())
}

/// Walks every list once: stores each item's span while `room` lasts and
/// each list's count in `counts`; returns the number of items, which may
/// exceed `room`.
fn fill_lists(
    m: &EppMessage,
    frame: Frame,
    counts: &mut [u32; EPP_LIST_COUNT as usize],
    room: &mut [EppSpan],
) -> Result<usize, EppResult> {
    let mut total = 0usize;
    for (list, count) in (0..EPP_LIST_COUNT).zip(counts.iter_mut()) {
        let before = total;
        strings(m, list)?.for_each(|s| {
            if let Some(slot) = room.get_mut(total) {
                *slot = frame.span(s);
            }
            total += 1;
        });
        *count = u32::try_from(total - before).map_err(|_| EppResult::InvalidArgument)?;
    }
    Ok(total)
}

/// Stores the results of `response` while `room` lasts; returns how many
/// there are.
fn fill_results(response: &Response<'_>, frame: Frame, room: &mut [EppResultEntry]) -> usize {
    let results = response.results();
    if results.len() <= room.len() {
        for (slot, result) in room.iter_mut().zip(results.iter()) {
            *slot = EppResultEntry {
                code: u32::from(result.code().as_u16()),
                msg: frame.span_of(result.message()),
            };
        }
    }
    results.len()
}

/// Stores the check entries of `data` while `room` lasts; returns how many
/// there are (0 without chkData).
fn fill_checks(data: &ResData<'_>, frame: Frame, room: &mut [EppCheckEntry]) -> usize {
    let Ok(items) = check_items(data) else {
        return 0;
    };
    if items.len() <= room.len() {
        for (slot, item) in room.iter_mut().zip(items.iter()) {
            *slot = EppCheckEntry {
                name: frame.span_of(item.name()),
                reason: frame.span_of(item.reason()),
                available: item
                    .available()
                    .map_or(EPP_CHECK_AVAILABLE_UNKNOWN, u32::from),
            };
        }
    }
    items.len()
}

/// Every string field of the message at once: `out[f]` is the span of
/// field `f` (`EPP_FIELD_*`), for `f` below `EPP_FIELD_COUNT`, exactly as
/// `epp_message_field` gives it (`{0, 0, 0}` where that returns
/// `EPP_RESULT_ABSENT`). `*out_count` is set to `EPP_FIELD_COUNT`.
///
/// `cap` is the length of `out`: below `EPP_FIELD_COUNT` the call returns
/// `EPP_RESULT_BUFFER_TOO_SMALL` with the count needed in `*out_count` and
/// writes nothing else. `EPP_RESULT_WRONG_KIND` when the handle holds no
/// message (nothing read, or the last read failed).
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `out` NULL or valid for writing `cap`
/// spans; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_fields(
    message: *const EppMessage,
    out: *mut EppSpan,
    cap: usize,
    out_count: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        non_null(out_count)?;
        // SAFETY: caller's contract.
        let m = unsafe { handle(message) }.ok_or(EppResult::NullArgument)?;
        holds_message(m)?;
        let count = EPP_FIELD_COUNT as usize;
        if cap < count {
            // SAFETY: non-NULL and writable.
            unsafe { put_count(out_count, count) };
            return Err(EppResult::BufferTooSmall);
        }
        let frame = Frame::of(m)?;
        // SAFETY: non-NULL, with room for `cap >= count` spans.
        let out = unsafe { std::slice::from_raw_parts_mut(out, count) };
        fill_fields(m, frame, out)?;
        // SAFETY: non-NULL and writable.
        unsafe { put_count(out_count, count) };
        Ok(())
    })
}

/// Every item of every list of the message at once. `counts[l]` is the
/// number of items of list `l` (`EPP_LIST_*`), for `l` below
/// `EPP_LIST_COUNT`, as `epp_message_list_count` gives it; `items` holds
/// the items of list 0, then those of list 1, and so on, each span as
/// `epp_message_list_item` gives it. `*out_count` is set to the number of
/// items stored (the sum of the counts).
///
/// `counts_cap` is the length of `counts` (below `EPP_LIST_COUNT`:
/// `EPP_RESULT_INVALID_ARGUMENT`); `items_cap` that of `items`: when the
/// items do not fit, the call returns `EPP_RESULT_BUFFER_TOO_SMALL` with
/// the number needed in `*out_count`, leaves `counts` alone, and may have
/// written the first `items_cap` items (pass `items = NULL, items_cap = 0`
/// to ask; the lists are walked once, so asking costs as much as taking).
/// `EPP_RESULT_WRONG_KIND` when the handle holds no message.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `counts` NULL or valid for writing
/// `counts_cap` values; `items` NULL or valid for writing `items_cap`
/// spans; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_lists(
    message: *const EppMessage,
    counts: *mut u32,
    counts_cap: usize,
    items: *mut EppSpan,
    items_cap: usize,
    out_count: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(counts)?;
        non_null(out_count)?;
        if items.is_null() && items_cap > 0 {
            return Err(EppResult::NullArgument);
        }
        // SAFETY: caller's contract.
        let m = unsafe { handle(message) }.ok_or(EppResult::NullArgument)?;
        holds_message(m)?;
        if counts_cap < EPP_LIST_COUNT as usize {
            return Err(EppResult::InvalidArgument);
        }
        let frame = Frame::of(m)?;
        // SAFETY: NULL or valid for `items_cap` spans (caller's contract).
        let room = unsafe { room(items, items_cap) };
        let mut local_counts = [0u32; EPP_LIST_COUNT as usize];
        let total = fill_lists(m, frame, &mut local_counts, room)?;
        if total > items_cap {
            // SAFETY: non-NULL and writable.
            unsafe { put_count(out_count, total) };
            return Err(EppResult::BufferTooSmall);
        }
        // SAFETY: non-NULL, with room for `counts_cap >= EPP_LIST_COUNT`.
        let counts = unsafe { std::slice::from_raw_parts_mut(counts, local_counts.len()) };
        counts.copy_from_slice(&local_counts);
        // SAFETY: non-NULL and writable.
        unsafe { put_count(out_count, total) };
        Ok(())
    })
}

/// The shared body of `epp_message_results` and `epp_message_checks`: the
/// argument checks, then `fill` over the held response's entries into
/// `out`, the count in `*out_count`, `BufferTooSmall` when they do not fit.
///
/// # Safety
///
/// As either of those functions.
unsafe fn response_entries<T>(
    message: *const EppMessage,
    out: *mut T,
    cap: usize,
    out_count: *mut usize,
    fill: impl FnOnce(&Response<'_>, &ResData<'_>, Frame, &mut [T]) -> usize,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out_count)?;
        if out.is_null() && cap > 0 {
            return Err(EppResult::NullArgument);
        }
        // SAFETY: caller's contract.
        let m = unsafe { handle(message) }.ok_or(EppResult::NullArgument)?;
        let Stored::Response(response, data) = m.view_ref() else {
            return Err(EppResult::WrongKind);
        };
        let frame = Frame::of(m)?;
        // SAFETY: NULL or valid for `cap` entries (caller's contract).
        let n = fill(response, data, frame, unsafe { room(out, cap) });
        // SAFETY: non-NULL and writable.
        unsafe { put_count(out_count, n) };
        if n > cap {
            return Err(EppResult::BufferTooSmall);
        }
        Ok(())
    })
}

/// Every `<result>` of a response at once: `out[i]` holds the code and
/// `<msg>` of result `i`, as `epp_message_result_code` and
/// `epp_message_result_msg` give them; `*out_count` the number of results.
/// When they do not fit in `cap`, `EPP_RESULT_BUFFER_TOO_SMALL` with the
/// number needed in `*out_count` (pass `out = NULL, cap = 0` to ask).
/// `EPP_RESULT_WRONG_KIND` when the handle holds no response.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `out` NULL or valid for writing `cap`
/// entries; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_results(
    message: *const EppMessage,
    out: *mut EppResultEntry,
    cap: usize,
    out_count: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        response_entries(message, out, cap, out_count, |response, _, frame, room| {
            fill_results(response, frame, room)
        })
    }
}

/// Every entry (`<cd>`) of a domain, host or contact check response at
/// once: `out[i]` holds the name, reason and availability of entry `i`, as
/// `epp_message_check_name`, `epp_message_check_reason` and
/// `epp_message_check_available` give them; `*out_count` the number of
/// entries (0 for a response without chkData). When they do not fit in
/// `cap`, `EPP_RESULT_BUFFER_TOO_SMALL` with the number needed in
/// `*out_count`. `EPP_RESULT_WRONG_KIND` when the handle holds no response.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `out` NULL or valid for writing `cap`
/// entries; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_checks(
    message: *const EppMessage,
    out: *mut EppCheckEntry,
    cap: usize,
    out_count: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        response_entries(message, out, cap, out_count, |_, data, frame, room| {
            fill_checks(data, frame, room)
        })
    }
}

/// The caller's arrays for `epp_message_bulk`, and the lengths it stores.
/// Set the pointers and capacities once (the arrays can be reused for
/// every message); the call fills the arrays and the `*_len` members.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppBulk {
    /// `EPP_FIELD_COUNT` spans: as `epp_message_fields` fills them.
    pub fields: *mut EppSpan,
    /// The length of `fields` (at least `EPP_FIELD_COUNT`).
    pub fields_cap: usize,
    /// `EPP_LIST_COUNT` counts: as `epp_message_lists` fills them.
    pub counts: *mut u32,
    /// The length of `counts` (at least `EPP_LIST_COUNT`).
    pub counts_cap: usize,
    /// The list items, as `epp_message_lists` fills them.
    pub items: *mut EppSpan,
    /// The length of `items`.
    pub items_cap: usize,
    /// The results, as `epp_message_results` fills them.
    pub results: *mut EppResultEntry,
    /// The length of `results`.
    pub results_cap: usize,
    /// The check entries, as `epp_message_checks` fills them.
    pub checks: *mut EppCheckEntry,
    /// The length of `checks`.
    pub checks_cap: usize,
    /// Out: the number of list items (the sum of the counts).
    pub items_len: usize,
    /// Out: the number of results (0 when the message is not a response).
    pub results_len: usize,
    /// Out: the number of check entries (0 without chkData).
    pub checks_len: usize,
}

/// Every bulk accessor in one call — `epp_message_fields`,
/// `epp_message_lists`, `epp_message_results` and `epp_message_checks` —
/// into the arrays `bulk` points to, for bindings whose every call into
/// the library is costly (cgo, ctypes). Results and checks are empty, not
/// an error, for a command or greeting.
///
/// `EPP_RESULT_BUFFER_TOO_SMALL` when the items, results or check entries
/// do not fit: the three `*_len` members then hold the numbers needed
/// (grow the arrays and call again), `counts` is left alone and the arrays
/// may have been partly written. `EPP_RESULT_INVALID_ARGUMENT` when
/// `fields_cap` or `counts_cap` is below its count;
/// `EPP_RESULT_NULL_ARGUMENT` for a NULL array with a non-zero capacity
/// (and for a NULL `fields` or `counts`); `EPP_RESULT_WRONG_KIND` when the
/// handle holds no message. Nothing is written on other failures.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `bulk` NULL or valid for reads and writes,
/// each of its arrays NULL or valid for writing its capacity, the arrays
/// not overlapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_bulk(
    message: *const EppMessage,
    bulk: *mut EppBulk,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(bulk)?;
        // SAFETY: non-NULL and readable (caller's contract).
        let mut b = unsafe { bulk.read() };
        // SAFETY: caller's contract.
        let m = unsafe { handle(message) }.ok_or(EppResult::NullArgument)?;
        // SAFETY: the arrays as the caller promises.
        let done = unsafe { fill_bulk(m, &mut b) };
        if matches!(done, Ok(()) | Err(EppResult::BufferTooSmall)) {
            // SAFETY: non-NULL and writable; only the lengths changed.
            unsafe { bulk.write(b) };
        }
        done
    })
}

/// The body of `epp_message_bulk` on a live handle: checks the arrays of
/// `b`, fills them and its `*_len` members (`Err(BufferTooSmall)` when
/// something does not fit, the lengths then holding the numbers needed).
///
/// # Safety
///
/// Each array of `b` NULL or valid for writing its capacity, the arrays
/// not overlapping.
pub(crate) unsafe fn fill_bulk(m: &EppMessage, b: &mut EppBulk) -> Result<(), EppResult> {
    non_null(b.fields)?;
    non_null(b.counts)?;
    for (null, cap) in [
        (b.items.is_null(), b.items_cap),
        (b.results.is_null(), b.results_cap),
        (b.checks.is_null(), b.checks_cap),
    ] {
        if null && cap > 0 {
            return Err(EppResult::NullArgument);
        }
    }
    holds_message(m)?;
    if b.fields_cap < EPP_FIELD_COUNT as usize || b.counts_cap < EPP_LIST_COUNT as usize {
        return Err(EppResult::InvalidArgument);
    }
    let frame = Frame::of(m)?;
    // SAFETY: non-NULL with room for `fields_cap` spans.
    let fields = unsafe { room(b.fields, EPP_FIELD_COUNT as usize) };
    let mut counts = [0u32; EPP_LIST_COUNT as usize];
    // SAFETY: NULL or valid for `items_cap` spans.
    let items = unsafe { room(b.items, b.items_cap) };
    b.items_len = fill_fields_and_lists(m, frame, fields, &mut counts, items)?;
    (b.results_len, b.checks_len) = match m.view_ref() {
        Stored::Response(response, data) => (
            // SAFETY: NULL or valid for their capacities.
            fill_results(response, frame, unsafe { room(b.results, b.results_cap) }),
            // SAFETY: as above.
            fill_checks(data, frame, unsafe { room(b.checks, b.checks_cap) }),
        ),
        _ => (0, 0),
    };
    let fits = b.items_len <= b.items_cap
        && b.results_len <= b.results_cap
        && b.checks_len <= b.checks_cap;
    if !fits {
        return Err(EppResult::BufferTooSmall);
    }
    // SAFETY: non-NULL with room for `counts_cap >= EPP_LIST_COUNT`.
    unsafe { room(b.counts, counts.len()) }.copy_from_slice(&counts);
    Ok(())
}

/// The text of `span` in `frame` (for tests and the dump): the frame's
/// bytes for a span in it, `None` for a detached or absent one.
pub fn span_text(frame: &[u8], span: EppSpan) -> Option<&[u8]> {
    if span.flags & EPP_SPAN_PRESENT == 0 || span.flags & EPP_SPAN_DETACHED != 0 {
        return None;
    }
    let start = span.offset as usize;
    frame.get(start..start.checked_add(span.len as usize)?)
}

mod one_pass;

#[cfg(test)]
mod tests;
