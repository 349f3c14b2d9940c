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
//! The values are found by `epp_message_bulk` itself (its arrays, in
//! `epp_packed.bulk`, are filled as that call fills them), so the two agree
//! by construction; a value whose span is flagged (escaped or detached) is
//! copied unescaped, as the `*_unescaped` accessors give it. Nothing
//! allocates; nothing panics across the boundary.

use epp_codec::view::Str;

use crate::bulk::{EPP_SPAN_DETACHED, EPP_SPAN_PRESENT, EppBulk, EppSpan, fill_bulk};
use crate::message::{
    EPP_FIELD_LAST, EPP_LIST_LAST, EppMessage, Stored, check_items, epp_message_read_command,
    epp_message_read_response, field_str, frame_of, handle, strings,
};
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

/// Where the packer writes: while room lasts, counting what it needs.
struct Out<'a> {
    text: &'a mut [u8],
    text_len: usize,
    table: &'a mut [u32],
    table_len: usize,
}

impl Out<'_> {
    fn number(&mut self, n: u32) {
        if let Some(slot) = self.table.get_mut(self.table_len) {
            *slot = n;
        }
        self.table_len += 1;
    }

    fn bytes(&mut self, b: &[u8]) -> Result<(), EppResult> {
        // A NUL would shift every later value of the caller's split.
        if b.contains(&0) {
            return Err(EppResult::InvalidValue);
        }
        let end = self.text_len + b.len();
        if let Some(dst) = self.text.get_mut(self.text_len..end) {
            dst.copy_from_slice(b);
        }
        self.text_len = end;
        Ok(())
    }

    fn end_value(&mut self) {
        if let Some(slot) = self.text.get_mut(self.text_len) {
            *slot = 0;
        }
        self.text_len += 1;
    }

    /// The value of `s` (unescaped), then the NUL.
    fn value(&mut self, s: Str<'_>) -> Result<(), EppResult> {
        if s.has_escapes() {
            for chunk in s.chunks() {
                let mut utf8 = [0u8; 4];
                self.bytes(match &chunk {
                    epp_codec::xml::Chunk::Str(t) => t.as_bytes(),
                    epp_codec::xml::Chunk::Char(c) => c.encode_utf8(&mut utf8).as_bytes(),
                })?;
            }
        } else {
            self.bytes(s.raw().as_bytes())?;
        }
        self.end_value();
        Ok(())
    }

    /// The value of `span`: the frame's bytes when the span says they are
    /// the value, else the value `refetch` finds again (unescaped).
    fn span<'m>(
        &mut self,
        frame: &[u8],
        span: EppSpan,
        refetch: impl FnOnce() -> Result<Str<'m>, EppResult>,
    ) -> Result<(), EppResult> {
        if span.flags == EPP_SPAN_PRESENT {
            let start = span.offset as usize;
            let raw = frame
                .get(start..start + span.len as usize)
                .ok_or(EppResult::InvalidArgument)?;
            self.bytes(raw)?;
            self.end_value();
            Ok(())
        } else {
            self.value(refetch()?)
        }
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
/// and table; `Err(BufferTooSmall)` when they do not fit (the lengths then
/// say what is needed).
///
/// # Safety
///
/// `p`'s arrays valid for their capacities, not overlapping; `p.bulk`
/// filled by `fill_bulk` for `m`.
unsafe fn pack(m: &EppMessage, p: &mut EppPacked) -> Result<(), EppResult> {
    let b = &p.bulk;
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
    let mut out = Out {
        // SAFETY: NULL or valid for the capacities (caller's contract).
        text: unsafe { slice_mut(p.text, p.text_cap) },
        text_len: 0,
        // SAFETY: as above.
        table: unsafe { slice_mut(p.table, p.table_cap) },
        table_len: EPP_PACKED_HEADER as usize,
    };
    let present = fields.iter().filter(|s| s.flags != 0).count();
    let lists = counts.iter().filter(|&&n| n != 0).count();
    for (n, header) in [present, lists, results.len(), checks.len()]
        .into_iter()
        .enumerate()
    {
        if let Some(slot) = out.table.get_mut(n) {
            *slot = u32::try_from(header).map_err(|_| EppResult::InvalidArgument)?;
        }
    }
    for (field, span) in (0u32..).zip(fields) {
        if span.flags != 0 {
            out.number(field);
            out.span(frame, *span, || field_str(m, field))?;
        }
    }
    for (list, &n) in (0u32..).zip(counts) {
        if n != 0 {
            out.number(list);
            out.number(n);
        }
    }
    let mut at = 0usize;
    for (list, &n) in (0u32..).zip(counts) {
        let n = n as usize;
        let spans = items.get(at..at + n).ok_or(EppResult::InvalidArgument)?;
        for (index, span) in spans.iter().enumerate() {
            out.span(frame, *span, || {
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
    for (index, result) in results.iter().enumerate() {
        out.number(result.code);
        out.number(u32::from(result.msg.flags != 0));
        if result.msg.flags == 0 {
            out.end_value();
        } else {
            out.span(frame, result.msg, || {
                let (r, _) = response()?;
                let result = r.results().get(index);
                result
                    .and_then(|r| r.message())
                    .ok_or(EppResult::IndexOutOfRange)
            })?;
        }
    }
    for (index, entry) in checks.iter().enumerate() {
        out.number(entry.available);
        out.number(u32::from(entry.reason.flags != 0));
        // Raw, as the single-value check accessors give them.
        let item = || {
            let (_, d) = response()?;
            check_items(d)?.get(index).ok_or(EppResult::IndexOutOfRange)
        };
        for (span, which) in [(entry.name, 0), (entry.reason, 1)] {
            if span.flags == 0 {
                out.end_value();
            } else if span.flags & EPP_SPAN_DETACHED == 0 {
                let start = span.offset as usize;
                let raw = frame
                    .get(start..start + span.len as usize)
                    .ok_or(EppResult::InvalidArgument)?;
                out.bytes(raw)?;
                out.end_value();
            } else {
                let item = item()?;
                let s = if which == 0 {
                    item.name()
                } else {
                    item.reason()
                };
                out.bytes(s.map_or(&[][..], |s| s.raw().as_bytes()))?;
                out.end_value();
            }
        }
    }
    p.text_len = out.text_len;
    p.table_len = out.table_len;
    if out.text_len > out.text.len() || out.table_len > out.table.len() {
        return Err(EppResult::BufferTooSmall);
    }
    Ok(())
}

/// `fill_bulk` then `pack`, on `*packed`, storing the lengths back.
///
/// # Safety
///
/// `message` NULL or a live handle obeying the lifetime rule; `packed`
/// NULL or valid for reads and writes, its arrays as `EppPacked` says.
unsafe fn packed_into(message: *const EppMessage, packed: *mut EppPacked) -> EppResult {
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
            done = unsafe { pack(m, &mut p) };
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
    unsafe { packed_into(message, packed) }
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
    if packed.is_null() {
        return EppResult::NullArgument;
    }
    // SAFETY: forwarded from the caller.
    match unsafe { epp_message_read_command(message, frame, len) } {
        // SAFETY: as above.
        EppResult::Ok => unsafe { packed_into(message, packed) },
        failed => failed,
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
    if packed.is_null() {
        return EppResult::NullArgument;
    }
    // SAFETY: forwarded from the caller.
    match unsafe { epp_message_read_response(message, frame, len) } {
        // SAFETY: as above.
        EppResult::Ok => unsafe { packed_into(message, packed) },
        failed => failed,
    }
}

#[cfg(test)]
mod tests;
