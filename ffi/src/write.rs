//! Writers: responses and commands into a caller's buffer, optionally
//! framed (RFC 5734), allocating nothing.
//!
//! Every writer ends with the same four parameters: `flags`
//! (`EPP_WRITE_*`), `buf`, `cap` and `out_len`. On success `*out_len` is the
//! number of bytes written; on `EPP_RESULT_BUFFER_TOO_SMALL` it is the
//! number of bytes needed (pass `buf = NULL, cap = 0` to ask for the size
//! alone). Nothing half-written counts: the output is complete or absent.

use epp_codec::view::command::domain;
use epp_codec::view::{Command, DomainCommand, Login, Poll, Request, ResultCode, Str};
use epp_codec::write::{
    CommandErrorResponse, ResponseData, ResultData, SliceSink, Writable, WriteError, WriteOptions,
    write, write_framed,
};

use crate::message::{EppMessage, command_error};
use crate::{EppResult, EppStr, guard, non_null, opt_str, req_str};

/// Write one RFC 5734 data unit: the 4-byte length header, then the XML.
pub const EPP_WRITE_FRAMED: u32 = 1;
/// Leave out the `<?xml …?>` declaration.
pub const EPP_WRITE_NO_DECLARATION: u32 = 2;

/// The most names `epp_write_domain_check` takes (a registry's own limit
/// is usually lower).
pub const EPP_WRITE_MAX_CHECK_NAMES: usize = 64;

/// The most object or extension URIs `epp_write_login` takes, each.
pub const EPP_WRITE_MAX_LOGIN_URIS: usize = 32;

/// Writes `message` per `flags` into `buf`, storing the length written (or
/// needed) in `out_len`.
///
/// # Safety
///
/// `buf` must be NULL with `cap` 0, or point to `cap` writable bytes;
/// `out_len` must be NULL or valid for writes.
pub(crate) unsafe fn emit<M: Writable>(
    message: &M,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), EppResult> {
    non_null(out_len)?;
    if flags & !(EPP_WRITE_FRAMED | EPP_WRITE_NO_DECLARATION) != 0 {
        return Err(EppResult::InvalidArgument);
    }
    let options = WriteOptions::new().declaration(flags & EPP_WRITE_NO_DECLARATION == 0);
    let out: &mut [u8] = if cap == 0 {
        &mut []
    } else {
        non_null(buf)?;
        // SAFETY: non-NULL, and the caller guarantees `cap` writable bytes
        // that nothing else uses during the call.
        unsafe { std::slice::from_raw_parts_mut(buf, cap) }
    };
    let sink = SliceSink::new(out);
    let written = if flags & EPP_WRITE_FRAMED != 0 {
        write_framed(message, sink, &options)
    } else {
        write(message, sink, &options)
    };
    let (len, result) = match written {
        Ok(n) => (n, Ok(())),
        Err(WriteError::BufferTooSmall { needed }) => (needed, Err(EppResult::BufferTooSmall)),
        Err(_) => return Err(EppResult::WriteError),
    };
    // SAFETY: `out_len` was checked non-NULL by every caller before writing.
    unsafe { out_len.write(len) };
    result
}

/// Writes the error response answering the failed command read held by
/// `message` (after `epp_message_read_command` returned
/// `EPP_RESULT_READ_ERROR`): its result code, the RFC's message text, the
/// offending element echoed in `<extValue>` when it can be, a reason, and
/// the transaction ids. `cl_trid` may be `{NULL, 0}` (absent); `sv_trid` is
/// required. `EPP_RESULT_WRONG_KIND` when the last read did not fail as a command.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; the strings must point to `len` readable
/// bytes (or be NULL); `buf`/`cap`/`out_len` as for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_error_response(
    message: *const EppMessage,
    sv_trid: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out_len)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let (error, payload) = command_error(m)?;
        // SAFETY: caller's contract for the strings.
        let (sv, cl) = unsafe { (req_str(sv_trid)?, opt_str(cl_trid)?) };
        let mut answer = CommandErrorResponse::new(&error, payload, sv);
        if let Some(cl) = cl {
            answer = answer.with_cl_trid(cl);
        }
        // SAFETY: forwarded from the caller.
        unsafe { emit(&answer, flags, buf, cap, out_len) }
    })
}

/// Writes a response with one result: `code` (e.g. 1000), `msg` (absent:
/// the RFC 5730 text of the code; codes 1000 to 2999), the transaction ids (`cl_trid` may be
/// absent, `sv_trid` is required).
///
/// # Safety
///
/// The strings must point to `len` readable bytes (or be NULL);
/// `buf`/`cap`/`out_len` as for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_response(
    code: u16,
    msg: EppStr,
    cl_trid: EppStr,
    sv_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(out_len)?;
        // SAFETY: caller's contract for the strings.
        let (msg, cl, sv) = unsafe { (opt_str(msg)?, opt_str(cl_trid)?, req_str(sv_trid)?) };
        if !(1000..=2999).contains(&code) {
            return Err(EppResult::InvalidArgument);
        }
        let code = ResultCode::from_u16(code);
        let result = [ResultData::new(code).with_message(msg.unwrap_or(code.text()), None)];
        let mut response = ResponseData::new(&result, sv);
        if let Some(cl) = cl {
            response = response.with_cl_trid(cl);
        }
        // SAFETY: forwarded from the caller.
        unsafe { emit(&response, flags, buf, cap, out_len) }
    })
}

/// Writes `request`, adding `cl_trid` when present.
///
/// # Safety
///
/// As the public command writers.
pub(crate) unsafe fn command(
    request: Request<'_>,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), EppResult> {
    non_null(out_len)?;
    // SAFETY: caller's contract for the string.
    let request = match unsafe { opt_str(cl_trid) }? {
        Some(cl) => request.with_cl_trid(cl),
        None => request,
    };
    // SAFETY: forwarded from the caller.
    unsafe { emit(&request, flags, buf, cap, out_len) }
}

/// Writes `<hello/>`.
///
/// # Safety
///
/// `buf`/`cap`/`out_len` as for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_hello(
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    let none = EppStr {
        ptr: std::ptr::null(),
        len: 0,
    };
    // SAFETY: forwarded from the caller.
    guard(|| unsafe { command(Request::new(Command::Hello), none, flags, buf, cap, out_len) })
}

/// Borrows the caller's array of `count` values at `given` (NULL allowed
/// when 0): `EPP_RESULT_NULL_ARGUMENT` for NULL with values,
/// `EPP_RESULT_INVALID_ARGUMENT` for more than `max`.
///
/// # Safety
///
/// A non-NULL `given` points to `count` readable values living for `'a`.
pub(crate) unsafe fn caller_array<'a, T>(
    given: *const T,
    count: usize,
    max: usize,
) -> Result<&'a [T], EppResult> {
    if count == 0 {
        return Ok(&[]);
    }
    non_null(given)?;
    if count > max {
        return Err(EppResult::InvalidArgument);
    }
    // SAFETY: non-NULL, `count` readable values (caller's contract).
    Ok(unsafe { std::slice::from_raw_parts(given, count) })
}

/// Copies `count` C strings into `slots` (the first `count` of them).
///
/// # Safety
///
/// `strs` NULL with `count` 0, or pointing to `count` `epp_str`s, each
/// pointing to `len` readable bytes that outlive `'a`.
pub(crate) unsafe fn str_array<'a>(
    strs: *const EppStr,
    count: usize,
    slots: &mut [Str<'a>],
) -> Result<usize, EppResult> {
    // SAFETY: the caller guarantees `count` readable epp_str values.
    let given = unsafe { caller_array(strs, count, slots.len()) }?;
    for (slot, s) in slots.iter_mut().zip(given) {
        // SAFETY: each epp_str points to `len` readable bytes.
        *slot = Str::new(unsafe { req_str(*s) }?);
    }
    Ok(count)
}

/// The names (or ids) of a check command: `count` of them, 1 to
/// `EPP_WRITE_MAX_CHECK_NAMES`, read into `slots` (a fixed array, so
/// writing allocates nothing). Shared by the domain, host and contact
/// check writers.
///
/// # Safety
///
/// As `str_array`.
pub(crate) unsafe fn check_names<'a>(
    names: *const EppStr,
    count: usize,
    slots: &'a mut [Str<'a>; EPP_WRITE_MAX_CHECK_NAMES],
) -> Result<&'a [Str<'a>], EppResult> {
    non_null(names)?;
    if count == 0 {
        return Err(EppResult::InvalidArgument);
    }
    // SAFETY: forwarded from the caller.
    let n = unsafe { str_array(names, count, slots) }?;
    Ok(&slots[..n])
}

/// Writes `<login>`: `client_id` and `password` (required), `new_password`
/// (may be absent), protocol version 1.0, language `lang` (absent: `en`),
/// `object_count` object URIs (at least 1) and `extension_count` extension
/// URIs (0 or more; at most `EPP_WRITE_MAX_LOGIN_URIS` each), with
/// `cl_trid` (may be absent).
///
/// # Safety
///
/// Every `epp_str` must point to `len` readable bytes (or be NULL);
/// `object_uris` must point to `object_count` of them, `extension_uris` to
/// `extension_count` (NULL when 0); `buf`/`cap`/`out_len` as for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_login(
    client_id: EppStr,
    password: EppStr,
    new_password: EppStr,
    lang: EppStr,
    object_uris: *const EppStr,
    object_count: usize,
    extension_uris: *const EppStr,
    extension_count: usize,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract for the strings.
        let (id, pw, new_pw, lang) = unsafe {
            (
                req_str(client_id)?,
                req_str(password)?,
                opt_str(new_password)?,
                opt_str(lang)?,
            )
        };
        if object_count == 0 {
            return Err(EppResult::InvalidArgument);
        }
        // Fixed arrays: writing allocates nothing.
        let mut objects = [Str::new(""); EPP_WRITE_MAX_LOGIN_URIS];
        let mut extensions = [Str::new(""); EPP_WRITE_MAX_LOGIN_URIS];
        // SAFETY: caller's contract for the arrays.
        let (n_obj, n_ext) = unsafe {
            (
                str_array(object_uris, object_count, &mut objects)?,
                str_array(extension_uris, extension_count, &mut extensions)?,
            )
        };
        let mut login =
            Login::new(id, pw, &objects[..n_obj]).with_extension_uris(&extensions[..n_ext]);
        if let Some(new_pw) = new_pw {
            login = login.with_new_password(new_pw);
        }
        if let Some(lang) = lang {
            login = login.with_lang(lang);
        }
        // SAFETY: forwarded from the caller.
        unsafe {
            command(
                Request::new(Command::Login(login)),
                cl_trid,
                flags,
                buf,
                cap,
                out_len,
            )
        }
    })
}

/// Writes `<logout/>` with `cl_trid` (may be absent).
///
/// # Safety
///
/// `cl_trid` must point to `len` readable bytes (or be NULL);
/// `buf`/`cap`/`out_len` as for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_logout(
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    guard(|| unsafe {
        command(
            Request::new(Command::Logout),
            cl_trid,
            flags,
            buf,
            cap,
            out_len,
        )
    })
}

/// Writes `<poll op="req"/>` with `cl_trid` (may be absent).
///
/// # Safety
///
/// As `epp_write_logout`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_poll_request(
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    let request = Request::new(Command::Poll(Poll::Request));
    // SAFETY: forwarded from the caller.
    guard(|| unsafe { command(request, cl_trid, flags, buf, cap, out_len) })
}

/// Writes `<poll op="ack" msgID="…"/>` for `message_id` (required), with
/// `cl_trid` (may be absent).
///
/// # Safety
///
/// As `epp_write_logout`, for both strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_poll_ack(
    message_id: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract for the string.
        let id = unsafe { req_str(message_id) }?;
        let request = Request::new(Command::Poll(Poll::Acknowledge {
            message_id: Str::new(id),
        }));
        // SAFETY: forwarded from the caller.
        unsafe { command(request, cl_trid, flags, buf, cap, out_len) }
    })
}

/// Writes `<domain:check>` of `count` names (1 to
/// `EPP_WRITE_MAX_CHECK_NAMES`), with `cl_trid` (may be absent).
///
/// # Safety
///
/// `names` must point to `count` `epp_str`s, each pointing to `len`
/// readable bytes; the rest as `epp_write_logout`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_check(
    names: *const EppStr,
    count: usize,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let mut strs = [Str::new(""); EPP_WRITE_MAX_CHECK_NAMES];
        // SAFETY: caller's contract for the array.
        let check = domain::Check::new(unsafe { check_names(names, count, &mut strs) }?);
        let request = Request::new(Command::Domain(DomainCommand::Check(check)));
        // SAFETY: forwarded from the caller.
        unsafe { command(request, cl_trid, flags, buf, cap, out_len) }
    })
}

/// Writes `<domain:info>` of `name` (required), with `cl_trid` (may be
/// absent).
///
/// # Safety
///
/// As `epp_write_logout`, for both strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_info(
    name: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract for the string.
        let name = unsafe { req_str(name) }?;
        let request = Request::new(Command::Domain(DomainCommand::Info(domain::Info::new(
            name,
        ))));
        // SAFETY: forwarded from the caller.
        unsafe { command(request, cl_trid, flags, buf, cap, out_len) }
    })
}
