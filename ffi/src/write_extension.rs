//! Extensions for the command writers: `epp_write_command_with_extensions`
//! takes a command any `epp_write_*` command writer wrote (or any command
//! the strict reader accepts) and writes it again with extension elements:
//! raw XML the caller passes, and typed secDNS-1.1 `<dsData>` for a domain
//! create. One function serves every command writer, so none of their
//! signatures had to change.
//!
//! Nothing is allocated: the command is read in place, the extension list
//! is assembled in a fixed array, and the result goes to the caller's
//! buffer (which must not overlap the command).

use epp_codec::view::command::{Command, DomainCommand, Extension, Extensions};
use epp_codec::view::ext::{DsData, SecDns, SecDnsData};
use epp_codec::view::read_command;

use crate::write::{caller_array, emit};
use crate::write_response::{EPP_WRITE_MAX_RESULTS, raw_element};
use crate::{EppResult, EppStr, guard, non_null, req_str};

/// Puts `e` in the next free slot (`EPP_RESULT_INVALID_ARGUMENT` when
/// none is left).
fn push<'a>(slots: &mut [Extension<'a>], n: &mut usize, e: Extension<'a>) -> Result<(), EppResult> {
    *slots.get_mut(*n).ok_or(EppResult::InvalidArgument)? = e;
    *n += 1;
    Ok(())
}

/// One secDNS-1.1 `<secDNS:dsData>` to write (RFC 5910 §4.1).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppDsDataIn {
    /// `<secDNS:keyTag>`.
    pub key_tag: u16,
    /// `<secDNS:alg>`.
    pub alg: u8,
    /// `<secDNS:digestType>`.
    pub digest_type: u8,
    /// `<secDNS:digest>`, in hexadecimal.
    pub digest: EppStr,
}

/// Writes `command` (`command_len` bytes of one unframed command, such as
/// an `epp_write_*` writer wrote without `EPP_WRITE_FRAMED`) again with
/// extensions: the ones it already has, then `extensions` (each one
/// well-formed XML element that declares its prefixes, checked by the
/// core's tokenizer), then, when `ds_count` is not 0, a `<secDNS:create>`
/// with `ds_data` (a domain create only). At most `EPP_WRITE_MAX_RESULTS`
/// extension elements in all. A command the strict reader refuses, or
/// extensions that break these rules, is `EPP_RESULT_INVALID_ARGUMENT`.
/// Then the four parameters of `epp_write_response`; `buf` must not
/// overlap `command`.
///
/// # Safety
///
/// `command` must be NULL or hold `command_len` readable bytes;
/// `extensions` and `ds_data` must be NULL or hold their counts; every
/// `epp_str` must point to `len` readable bytes; `buf` must be NULL or
/// hold `cap` writable bytes that overlap nothing else passed;
/// `out_len` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_command_with_extensions(
    command: *const u8,
    command_len: usize,
    extensions: *const EppStr,
    extension_count: usize,
    ds_data: *const EppDsDataIn,
    ds_count: usize,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(command)?;
        non_null(out_len)?;
        // SAFETY: caller's contract for every pointer.
        unsafe {
            let bytes = std::slice::from_raw_parts(command, command_len);
            let request = read_command(bytes).map_err(|_| EppResult::InvalidArgument)?;
            let placeholder = raw_element(&EppStr {
                ptr: "<unused/>".as_ptr().cast(),
                len: 9,
            })
            .map_err(|_| EppResult::Panic)?;
            let mut ds_slots = [DsData::new(0, 0, 0, ""); EPP_WRITE_MAX_RESULTS];
            let mut slots = [Extension::Raw(placeholder); EPP_WRITE_MAX_RESULTS];
            let mut n = 0;
            for existing in request.extensions().iter() {
                push(&mut slots, &mut n, Extension::Raw(existing))?;
            }
            for e in caller_array(extensions, extension_count, usize::MAX)? {
                push(&mut slots, &mut n, Extension::Raw(raw_element(e)?))?;
            }
            if ds_count > 0 {
                non_null(ds_data)?;
                if ds_count > ds_slots.len()
                    || !matches!(request.command(), Command::Domain(DomainCommand::Create(_)))
                {
                    return Err(EppResult::InvalidArgument);
                }
                let given = std::slice::from_raw_parts(ds_data, ds_count);
                for (slot, d) in ds_slots.iter_mut().zip(given) {
                    *slot = DsData::new(d.key_tag, d.alg, d.digest_type, req_str(d.digest)?);
                }
            }
            let ds = &ds_slots[..ds_count];
            if !ds.is_empty() {
                push(
                    &mut slots,
                    &mut n,
                    Extension::SecDns(SecDns::Create(SecDnsData::ds(ds))),
                )?;
            }
            let request = request.with_extensions(Extensions::from_typed(&slots[..n]));
            emit(&request, flags, buf, cap, out_len)
        }
    })
}

#[cfg(test)]
mod tests;
