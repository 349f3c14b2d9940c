//! Packed accessors: every value of a message copied into ONE caller
//! buffer, each value followed by a NUL byte, with a small table of
//! numbers saying which values are there — optionally in the same call as
//! the read.
//!
//! The bulk accessors (`epp_message_bulk`) hand out spans, which a binding
//! still turns into strings one by one; in an interpreted binding (Python,
//! ctypes) that per-value work costs more than the library's. Packed, the
//! binding decodes the buffer and splits it at the NULs in one C-level
//! operation each (`bytes.decode().split("\0")`) and walks only the short
//! table. A NUL cannot stand in a value: XML forbids the character, raw or
//! as a reference, and the reader rejects it (the packer checks anyway).
//!
//! `epp_message_pymarshal` (and its `read_*` twins) hands over the same
//! values laid out as one object in Python's marshal format instead, so
//! that a Python binding builds every string and list in C with one
//! `marshal.loads` (measured: 29.9k instructions per domain create for the
//! split and the Python loops, against 16.9k for the load).
//!
//! The values are found by `epp_message_bulk` itself (its arrays, in
//! `epp_packed.bulk`, are filled as that call fills them), so the two agree
//! by construction; a value whose span is flagged (escaped or detached) is
//! copied unescaped, as the `*_unescaped` accessors give it. Nothing
//! allocates; nothing panics across the boundary.

use epp_codec::view::Str;

use crate::bulk::{
    EPP_FIELD_COUNT, EPP_LIST_COUNT, EPP_SPAN_DETACHED, EPP_SPAN_PRESENT, EppBulk, EppSpan,
    fill_bulk,
};
use crate::message::{
    EPP_FIELD_LAST, EPP_LIST_LAST, EppMessage, Stored, check_items, epp_message_read_command,
    epp_message_read_response, field_str, frame_of, handle, strings,
};
use crate::read_bulk::{Read, read_then};
use crate::{EppResult, guard, non_null};

/// The numbers at the start of `epp_packed.table`: the count of present
/// fields, of non-empty lists, of results, of check entries.
pub const EPP_PACKED_HEADER: u32 = 4;

/// The caller's buffers for `epp_message_packed` and the
/// `epp_message_read_*_packed` calls, and the lengths they store. Set the
/// pointers and capacities once; the buffers can be reused for every
/// message.
///
/// After a successful call, `text[0 .. text_len]` holds the values, each
/// followed by a NUL byte, in this order: the present fields, in field
/// order; the items of every list, in list order; one value per result
/// (its `<msg>`, empty when it has none); two per check entry (its name
/// and its reason, raw as `epp_message_check_name` gives them, the reason
/// empty when absent). `table[0 .. table_len]` holds `EPP_PACKED_HEADER`
/// counts — P present fields, L non-empty lists, R results, C check
/// entries — then the P field numbers (`EPP_FIELD_*`), then L pairs (list
/// number, item count), then R pairs (result code, 1 when the result has a
/// `<msg>` else 0), then C pairs (availability as in `epp_check_entry`, 1
/// when the entry has a reason else 0).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppPacked {
    /// The span arrays, filled as `epp_message_bulk` fills them (the
    /// packer reads the values through them; they may also be used
    /// directly). Their capacities must be set as for `epp_message_bulk`.
    pub bulk: EppBulk,
    /// The values (UTF-8), each followed by a NUL byte.
    pub text: *mut u8,
    /// The length of `text` in bytes.
    pub text_cap: usize,
    /// The table of numbers (see the type's documentation).
    pub table: *mut u32,
    /// The length of `table`.
    pub table_cap: usize,
    /// Out: the bytes of `text` used (or needed).
    pub text_len: usize,
    /// Out: the numbers of `table` used (or needed).
    pub table_len: usize,
}

/// How the packer lays the values out in the caller's buffers: NUL
/// separated text and a table of numbers (`NulSeparated`, the
/// `epp_message_packed` calls), or one object in Python's marshal format
/// (`Marshal`, the `epp_message_pymarshal` calls). `pack_with` walks the
/// message once and tells the layout what comes, in this order: `begin`;
/// every field (`field`, then its value when present); `lists`; every
/// list (`list`, then its items); `results`, then each result (`result`,
/// then its message or `absent`); `checks`, then each entry (`check`, its
/// name, `check_availability`, its reason or `absent`). A value is
/// `begin_value`, `bytes` any number of times, `end_value`.
///
/// While room lasts a layout writes; past it, it only counts, so that the
/// caller learns the size needed.
trait Layout {
    fn begin(
        &mut self,
        present: usize,
        lists: usize,
        results: usize,
        checks: usize,
    ) -> Result<(), EppResult>;
    fn field(&mut self, field: u32, present: bool);
    fn lists(&mut self, count: usize) -> Result<(), EppResult>;
    fn list(&mut self, list: u32, items: u32);
    fn results(&mut self, count: usize) -> Result<(), EppResult>;
    fn result(&mut self, code: u32, has_message: bool);
    fn checks(&mut self, count: usize) -> Result<(), EppResult>;
    fn check(&mut self, availability: u32, has_reason: bool);
    fn check_availability(&mut self, availability: u32);
    /// A value that is not there (a result's message, an entry's reason).
    fn absent(&mut self);
    /// Starts a value; returns what `end_value` needs.
    fn begin_value(&mut self) -> usize;
    fn bytes(&mut self, b: &[u8]) -> Result<(), EppResult>;
    fn end_value(&mut self, start: usize) -> Result<(), EppResult>;
    /// The bytes of text and the numbers of table used (or needed), and
    /// whether they fit.
    fn finish(&self) -> (usize, usize, bool);
}

/// Bytes written into a caller buffer while room lasts, counted past it.
struct Text<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Text<'_> {
    fn put(&mut self, b: &[u8]) {
        let end = self.len + b.len();
        if let Some(dst) = self.buf.get_mut(self.len..end) {
            dst.copy_from_slice(b);
        }
        self.len = end;
    }
}

/// `epp_packed`'s own layout: each value followed by a NUL, the numbers
/// in the table.
struct NulSeparated<'a> {
    text: Text<'a>,
    table: &'a mut [u32],
    table_len: usize,
}

impl NulSeparated<'_> {
    fn number(&mut self, n: u32) {
        if let Some(slot) = self.table.get_mut(self.table_len) {
            *slot = n;
        }
        self.table_len += 1;
    }
}

impl Layout for NulSeparated<'_> {
    fn begin(
        &mut self,
        present: usize,
        lists: usize,
        results: usize,
        checks: usize,
    ) -> Result<(), EppResult> {
        for n in [present, lists, results, checks] {
            self.number(u32::try_from(n).map_err(|_| EppResult::InvalidArgument)?);
        }
        Ok(())
    }

    fn field(&mut self, field: u32, present: bool) {
        if present {
            self.number(field);
        }
    }

    fn lists(&mut self, _count: usize) -> Result<(), EppResult> {
        Ok(())
    }

    fn list(&mut self, list: u32, items: u32) {
        if items != 0 {
            self.number(list);
            self.number(items);
        }
    }

    fn results(&mut self, _count: usize) -> Result<(), EppResult> {
        Ok(())
    }

    fn result(&mut self, code: u32, has_message: bool) {
        self.number(code);
        self.number(u32::from(has_message));
    }

    fn checks(&mut self, _count: usize) -> Result<(), EppResult> {
        Ok(())
    }

    fn check(&mut self, availability: u32, has_reason: bool) {
        self.number(availability);
        self.number(u32::from(has_reason));
    }

    fn check_availability(&mut self, _availability: u32) {}

    fn absent(&mut self) {
        self.text.put(&[0]);
    }

    fn begin_value(&mut self) -> usize {
        self.text.len
    }

    fn bytes(&mut self, b: &[u8]) -> Result<(), EppResult> {
        // A NUL would shift every later value of the caller's split.
        if b.contains(&0) {
            return Err(EppResult::InvalidValue);
        }
        self.text.put(b);
        Ok(())
    }

    fn end_value(&mut self, _start: usize) -> Result<(), EppResult> {
        self.text.put(&[0]);
        Ok(())
    }

    fn finish(&self) -> (usize, usize, bool) {
        let fits = self.text.len <= self.text.buf.len() && self.table_len <= self.table.len();
        (self.text.len, self.table_len, fits)
    }
}

// Python's marshal format (Python/marshal.c, version 4; these codes have
// not changed since Python 3.4): a type byte, then for a string, a list
// or a tuple a little-endian u32 length (one byte for a small tuple) and
// the contents, for an int a little-endian i32. No object carries the FLAG_REF bit, so the loader keeps no
// back-reference table.
const MARSHAL_NONE: u8 = b'N';
const MARSHAL_TRUE: u8 = b'T';
const MARSHAL_FALSE: u8 = b'F';
const MARSHAL_INT: u8 = b'i';
const MARSHAL_LIST: u8 = b'[';
/// A tuple of at most 255 items: a one-byte length.
const MARSHAL_SMALL_TUPLE: u8 = b')';
/// A tuple of any length: a four-byte length.
const MARSHAL_TUPLE: u8 = b'(';
/// A str whose bytes are ASCII: the loader copies them without decoding.
const MARSHAL_ASCII: u8 = b'a';
/// A str in UTF-8.
const MARSHAL_UNICODE: u8 = b'u';

/// The `epp_message_pymarshal` layout: one object,
/// `(fields, lists, results, checks)` — see `epp_message_pymarshal`.
struct Marshal<'a> {
    text: Text<'a>,
}

impl Marshal<'_> {
    fn sized(&mut self, code: u8, len: usize) -> Result<(), EppResult> {
        let len = u32::try_from(len).map_err(|_| EppResult::InvalidArgument)?;
        self.text.put(&[code]);
        self.text.put(&len.to_le_bytes());
        Ok(())
    }

    /// A tuple of `len` items (at most 255: the small-tuple code).
    fn small_tuple(&mut self, len: u32) -> Result<(), EppResult> {
        let len = u8::try_from(len).map_err(|_| EppResult::InvalidArgument)?;
        self.text.put(&[MARSHAL_SMALL_TUPLE, len]);
        Ok(())
    }
}

impl Layout for Marshal<'_> {
    fn begin(
        &mut self,
        _present: usize,
        _lists: usize,
        _results: usize,
        _checks: usize,
    ) -> Result<(), EppResult> {
        self.text.put(&[MARSHAL_SMALL_TUPLE, 4]);
        self.small_tuple(EPP_FIELD_COUNT)
    }

    fn field(&mut self, _field: u32, present: bool) {
        if !present {
            self.text.put(&[MARSHAL_NONE]);
        }
    }

    fn lists(&mut self, _count: usize) -> Result<(), EppResult> {
        self.small_tuple(EPP_LIST_COUNT)
    }

    fn list(&mut self, _list: u32, items: u32) {
        // A tuple, not a list: the empty tuple is a singleton the loader
        // does not allocate, and most lists of a message are empty.
        match u8::try_from(items) {
            Ok(n) => self.text.put(&[MARSHAL_SMALL_TUPLE, n]),
            Err(_) => {
                self.text.put(&[MARSHAL_TUPLE]);
                self.text.put(&items.to_le_bytes());
            }
        }
    }

    fn results(&mut self, count: usize) -> Result<(), EppResult> {
        self.sized(MARSHAL_LIST, count)
    }

    fn result(&mut self, code: u32, _has_message: bool) {
        self.text.put(&[MARSHAL_SMALL_TUPLE, 2, MARSHAL_INT]);
        // Result codes are four digits.
        self.text.put(&(code as i32).to_le_bytes());
    }

    fn checks(&mut self, count: usize) -> Result<(), EppResult> {
        self.sized(MARSHAL_LIST, count)
    }

    fn check(&mut self, _availability: u32, _has_reason: bool) {
        self.text.put(&[MARSHAL_SMALL_TUPLE, 3]);
    }

    fn check_availability(&mut self, availability: u32) {
        // As the Python binding's `Check.available`: True only for 1.
        self.text.put(&[if availability == 1 {
            MARSHAL_TRUE
        } else {
            MARSHAL_FALSE
        }]);
    }

    fn absent(&mut self) {
        self.text.put(&[MARSHAL_NONE]);
    }

    fn begin_value(&mut self) -> usize {
        let start = self.text.len;
        // The type and the length, patched by `end_value`.
        self.text.put(&[MARSHAL_UNICODE, 0, 0, 0, 0]);
        start
    }

    fn bytes(&mut self, b: &[u8]) -> Result<(), EppResult> {
        self.text.put(b);
        Ok(())
    }

    fn end_value(&mut self, start: usize) -> Result<(), EppResult> {
        let len =
            u32::try_from(self.text.len - start - 5).map_err(|_| EppResult::InvalidArgument)?;
        if let Some(header) = self.text.buf.get_mut(start..self.text.len) {
            let (head, value) = header.split_at_mut(5);
            head[0] = if value.is_ascii() {
                MARSHAL_ASCII
            } else {
                MARSHAL_UNICODE
            };
            head[1..].copy_from_slice(&len.to_le_bytes());
        }
        Ok(())
    }

    fn finish(&self) -> (usize, usize, bool) {
        (self.text.len, 0, self.text.len <= self.text.buf.len())
    }
}

/// Writes the value of `s` (unescaped) into `out`.
fn value(out: &mut impl Layout, s: Str<'_>) -> Result<(), EppResult> {
    let start = out.begin_value();
    if s.has_escapes() {
        for chunk in s.chunks() {
            let mut utf8 = [0u8; 4];
            out.bytes(match &chunk {
                epp_codec::xml::Chunk::Str(t) => t.as_bytes(),
                epp_codec::xml::Chunk::Char(c) => c.encode_utf8(&mut utf8).as_bytes(),
            })?;
        }
    } else {
        out.bytes(s.raw().as_bytes())?;
    }
    out.end_value(start)
}

/// Writes the frame's bytes `raw` as one value into `out`.
fn raw_value(out: &mut impl Layout, raw: &[u8]) -> Result<(), EppResult> {
    let start = out.begin_value();
    out.bytes(raw)?;
    out.end_value(start)
}

/// Writes the value of `span` into `out`: the frame's bytes when the span
/// says they are the value, else the value `refetch` finds again
/// (unescaped).
fn span_value<'m>(
    out: &mut impl Layout,
    frame: &[u8],
    span: EppSpan,
    refetch: impl FnOnce() -> Result<Str<'m>, EppResult>,
) -> Result<(), EppResult> {
    if span.flags == EPP_SPAN_PRESENT {
        let start = span.offset as usize;
        let raw = frame
            .get(start..start + span.len as usize)
            .ok_or(EppResult::InvalidArgument)?;
        raw_value(out, raw)
    } else {
        value(out, refetch()?)
    }
}

/// A caller array as a slice (empty for NULL or 0).
///
/// # Safety
///
/// `ptr` NULL or valid for `len` values, not aliased while the slice lives.
unsafe fn slice<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if ptr.is_null() || len == 0 {
        &[]
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    }
}

/// As `slice`, writable.
///
/// # Safety
///
/// As `slice`, valid for writes.
unsafe fn slice_mut<'a, T>(ptr: *mut T, len: usize) -> &'a mut [T] {
    if ptr.is_null() || len == 0 {
        &mut []
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(ptr, len) }
    }
}

/// Packs the values `p.bulk` holds (just filled for `m`) into `p`'s text
/// (and table, for `NulSeparated`) in `layout`'s form;
/// `Err(BufferTooSmall)` when they do not fit (the lengths then say what
/// is needed).
///
/// # Safety
///
/// `p`'s arrays valid for their capacities, not overlapping; `p.bulk`
/// filled by `fill_bulk` for `m`.
unsafe fn pack(m: &EppMessage, p: &mut EppPacked, layout: Form) -> Result<(), EppResult> {
    // SAFETY: NULL or valid for the capacities (caller's contract).
    let buf = unsafe { slice_mut(p.text, p.text_cap) };
    let text = Text { buf, len: 0 };
    let (text_len, table_len, fits) = match layout {
        Form::NulSeparated => {
            let mut out = NulSeparated {
                text,
                // SAFETY: as above.
                table: unsafe { slice_mut(p.table, p.table_cap) },
                table_len: 0,
            };
            // SAFETY: forwarded.
            unsafe { pack_with(m, &p.bulk, &mut out) }?;
            out.finish()
        }
        Form::Marshal => {
            let mut out = Marshal { text };
            // SAFETY: forwarded.
            unsafe { pack_with(m, &p.bulk, &mut out) }?;
            out.finish()
        }
    };
    p.text_len = text_len;
    p.table_len = table_len;
    if fits {
        Ok(())
    } else {
        Err(EppResult::BufferTooSmall)
    }
}

/// The two layouts of the packed calls.
#[derive(Clone, Copy)]
enum Form {
    NulSeparated,
    Marshal,
}

/// Walks every value `b` holds (just filled for `m`), telling `out` (see
/// `Layout` for the order).
///
/// # Safety
///
/// `b`'s arrays filled by `fill_bulk` for `m`.
unsafe fn pack_with(m: &EppMessage, b: &EppBulk, out: &mut impl Layout) -> Result<(), EppResult> {
    let frame = frame_of(m);
    // SAFETY: filled by `fill_bulk`: these many values are written.
    let (fields, counts, items, results, checks) = unsafe {
        (
            slice(b.fields, EPP_FIELD_LAST as usize + 1),
            slice(b.counts, EPP_LIST_LAST as usize + 1),
            slice(b.items, b.items_len),
            slice(b.results, b.results_len),
            slice(b.checks, b.checks_len),
        )
    };
    let present = fields.iter().filter(|s| s.flags != 0).count();
    let lists = counts.iter().filter(|&&n| n != 0).count();
    out.begin(present, lists, results.len(), checks.len())?;
    for (field, span) in (0u32..).zip(fields) {
        out.field(field, span.flags != 0);
        if span.flags != 0 {
            span_value(out, frame, *span, || field_str(m, field))?;
        }
    }
    out.lists(counts.len())?;
    let mut at = 0usize;
    for (list, &n) in (0u32..).zip(counts) {
        out.list(list, n);
        let n = n as usize;
        let spans = items.get(at..at + n).ok_or(EppResult::InvalidArgument)?;
        for (index, span) in spans.iter().enumerate() {
            span_value(out, frame, *span, || {
                strings(m, list)?
                    .get(index)
                    .ok_or(EppResult::IndexOutOfRange)
            })?;
        }
        at += n;
    }
    let response = || match m.view_ref() {
        Stored::Response(r, d) => Ok((r, d)),
        _ => Err(EppResult::WrongKind),
    };
    out.results(results.len())?;
    for (index, result) in results.iter().enumerate() {
        out.result(result.code, result.msg.flags != 0);
        if result.msg.flags == 0 {
            out.absent();
        } else {
            span_value(out, frame, result.msg, || {
                let (r, _) = response()?;
                let result = r.results().get(index);
                result
                    .and_then(|r| r.message())
                    .ok_or(EppResult::IndexOutOfRange)
            })?;
        }
    }
    out.checks(checks.len())?;
    for (index, entry) in checks.iter().enumerate() {
        out.check(entry.available, entry.reason.flags != 0);
        // Raw, as the single-value check accessors give them.
        let item = || {
            let (_, d) = response()?;
            check_items(d)?.get(index).ok_or(EppResult::IndexOutOfRange)
        };
        for (span, which) in [(entry.name, 0), (entry.reason, 1)] {
            if which == 1 {
                out.check_availability(entry.available);
            }
            if span.flags == 0 {
                if which == 0 {
                    // A name is always there; an empty one if not.
                    raw_value(out, &[])?;
                } else {
                    out.absent();
                }
            } else if span.flags & EPP_SPAN_DETACHED == 0 {
                let start = span.offset as usize;
                let raw = frame
                    .get(start..start + span.len as usize)
                    .ok_or(EppResult::InvalidArgument)?;
                raw_value(out, raw)?;
            } else {
                let item = item()?;
                let s = if which == 0 {
                    item.name()
                } else {
                    item.reason()
                };
                raw_value(out, s.map_or(&[][..], |s| s.raw().as_bytes()))?;
            }
        }
    }
    Ok(())
}

/// `fill_bulk` then `pack` in `form`, on `*packed`, storing the lengths back.
///
/// # Safety
///
/// `message` NULL or a live handle obeying the lifetime rule; `packed`
/// NULL or valid for reads and writes, its arrays as `EppPacked` says.
unsafe fn packed_into(message: *const EppMessage, packed: *mut EppPacked, form: Form) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(packed)?;
        // SAFETY: non-NULL and readable (caller's contract).
        let mut p = unsafe { packed.read() };
        if (p.text.is_null() && p.text_cap > 0) || (p.table.is_null() && p.table_cap > 0) {
            return Err(EppResult::NullArgument);
        }
        // SAFETY: caller's contract.
        let m = unsafe { handle(message) }.ok_or(EppResult::NullArgument)?;
        // SAFETY: the arrays as the caller promises.
        let mut done = unsafe { fill_bulk(m, &mut p.bulk) };
        if done.is_ok() {
            // SAFETY: as above; `p.bulk` just filled for `m`.
            done = unsafe { pack(m, &mut p, form) };
        } else {
            p.text_len = 0;
            p.table_len = 0;
        }
        if matches!(done, Ok(()) | Err(EppResult::BufferTooSmall)) {
            // SAFETY: non-NULL and writable; only the lengths changed.
            unsafe { packed.write(p) };
        }
        done
    })
}

/// `read`, then `packed_into` in `form`: the four read-and-pack calls.
///
/// # Safety
///
/// As `read` and `epp_message_packed`.
unsafe fn read_and_pack(
    read: Read,
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    packed: *mut EppPacked,
    form: Form,
) -> EppResult {
    // SAFETY: run only after a successful read, `packed` checked non-NULL.
    let fill = || unsafe { packed_into(message, packed, form) };
    // SAFETY: forwarded from the caller.
    unsafe { read_then(read, message, frame, len, packed, fill) }
}

/// Every value of the message, packed into `packed`'s buffers as
/// `epp_packed` describes: strings as the single-value accessors give them
/// (fields, list items and result messages unescaped, check names and
/// reasons raw), absent ones left out (fields) or marked in the table.
///
/// `EPP_RESULT_BUFFER_TOO_SMALL` when something does not fit: the span
/// arrays' `*_len` members, `text_len` and `table_len` then hold the sizes
/// needed (when the span arrays are too small, grow them first: the text
/// and table sizes are only known once they fit, and are 0 until then).
/// `EPP_RESULT_INVALID_VALUE` if a value held a NUL character (which the
/// reader does not let through). Other results as `epp_message_bulk`.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `packed` NULL or valid for reads and
/// writes, its arrays (and those of `packed->bulk`) NULL or valid for
/// writing their capacities, none overlapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_packed(
    message: *const EppMessage,
    packed: *mut EppPacked,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { packed_into(message, packed, Form::NulSeparated) }
}

/// `epp_message_read_command`, then `epp_message_packed` — one call for
/// bindings whose every call into the library is costly. A read failure
/// returns as `epp_message_read_command` returns it (with `packed` left
/// alone); after a successful read, the results are those of
/// `epp_message_packed` (on `EPP_RESULT_BUFFER_TOO_SMALL` the message is
/// read: grow the buffers and call `epp_message_packed`).
/// `EPP_RESULT_NULL_ARGUMENT` for a NULL `packed`, before reading.
///
/// # Safety
///
/// As `epp_message_read_command` and `epp_message_packed`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_command_packed(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    packed: *mut EppPacked,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_and_pack(
            epp_message_read_command,
            message,
            frame,
            len,
            packed,
            Form::NulSeparated,
        )
    }
}

/// `epp_message_read_response`, then `epp_message_packed`, as
/// `epp_message_read_command_packed` does for a command.
///
/// # Safety
///
/// As `epp_message_read_response` and `epp_message_packed`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_response_packed(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    packed: *mut EppPacked,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_and_pack(
            epp_message_read_response,
            message,
            frame,
            len,
            packed,
            Form::NulSeparated,
        )
    }
}

/// Every value of the message, as `epp_message_packed` gives them, laid
/// out instead as ONE object in Python's marshal format, so that a Python
/// binding builds every string and list in C with one `marshal.loads`:
///
/// ```text
/// (fields, lists, results, checks)
/// ```
///
/// `fields` is a tuple of `EPP_FIELD_COUNT` items, each a str or None;
/// `lists` a tuple of `EPP_LIST_COUNT` tuples of str; `results` a list of
/// `(code, message or None)` tuples; `checks` a list of
/// `(name, available, reason or None)` tuples, `available` True only when
/// the entry says available (1). The strings are those of
/// `epp_message_packed`. The object is written into `packed->text`
/// (`text_len` its length); `packed->table` is not used (`table_len` is set
/// to 0). Only these marshal codes are written, unchanged since Python 3.4
/// (marshal version 4): `N T F i [ ( ) a u`, no back-references. Tuples,
/// not lists, where the values are a snapshot: a binding names them with
/// one copy (the Python binding's named tuples), and the many empty lists
/// of a message load as the one empty tuple, with no allocation.
///
/// Results as `epp_message_packed`, except that a NUL in a value is no
/// error here (strings carry their length).
///
/// # Safety
///
/// As `epp_message_packed`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_pymarshal(
    message: *const EppMessage,
    packed: *mut EppPacked,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { packed_into(message, packed, Form::Marshal) }
}

/// `epp_message_read_command`, then `epp_message_pymarshal`, as
/// `epp_message_read_command_packed` does with `epp_message_packed`.
///
/// # Safety
///
/// As `epp_message_read_command` and `epp_message_packed`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_command_pymarshal(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    packed: *mut EppPacked,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_and_pack(
            epp_message_read_command,
            message,
            frame,
            len,
            packed,
            Form::Marshal,
        )
    }
}

/// `epp_message_read_response`, then `epp_message_pymarshal`, as
/// `epp_message_read_response_packed` does with `epp_message_packed`.
///
/// # Safety
///
/// As `epp_message_read_response` and `epp_message_packed`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_response_pymarshal(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    packed: *mut EppPacked,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_and_pack(
            epp_message_read_response,
            message,
            frame,
            len,
            packed,
            Form::Marshal,
        )
    }
}

#[cfg(test)]
mod tests;
