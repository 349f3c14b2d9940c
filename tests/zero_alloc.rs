//! The zero-allocation contract: framing and tokenizing every corpus message,
//! and reading every field of every token, allocates nothing.
//!
//! A counting global allocator counts allocations made on the measuring
//! thread while measurement is on; the corpus is loaded before that.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use epp_codec::xml::{Chunk, Namespace, Token, Tokenizer};
use epp_codec::{Limits, frame};

struct CountingAllocator;

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` unchanged; counting touches only
// const-initialized thread-locals, which never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count() {
    let _ = MEASURING.try_with(|m| {
        if m.get() {
            let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
        }
    });
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations_in(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|a| a.set(0));
    MEASURING.with(|m| m.set(true));
    f();
    MEASURING.with(|m| m.set(false));
    ALLOCATIONS.with(Cell::get)
}

/// Reads every field of every token; returns a checksum so nothing is optimized away.
fn touch_everything(payload: &[u8], limits: &Limits) -> usize {
    let mut sum = 0usize;
    let mut t = match Tokenizer::from_bytes(payload, limits) {
        Ok(t) => t,
        Err(e) => return e.offset(),
    };
    loop {
        let token = match t.next_token() {
            Ok(Some(token)) => token,
            Ok(None) => break,
            Err(e) => return sum + e.offset(),
        };
        match token {
            Token::ElementStart(e) => {
                let name = e.name();
                sum += name.local().len() + name.prefix().len() + e.span().len();
                sum += namespace_len(name.namespace());
                for a in t.attributes() {
                    sum += a.name().local().len() + namespace_len(a.name().namespace());
                    sum += a.value().chars().count();
                }
                for (prefix, ns) in t.namespace_declarations() {
                    sum += prefix.len() + namespace_len(ns);
                }
            }
            Token::ElementEnd(e) => sum += e.name().local().len() + e.span().len(),
            Token::Text(text) => {
                for chunk in text.unescaped() {
                    sum += match chunk {
                        Chunk::Str(s) => s.len(),
                        Chunk::Char(c) => c.len_utf8(),
                    };
                }
                sum += usize::from(text.is_whitespace());
            }
            Token::Comment(c) => sum += c.text().len(),
            Token::ProcessingInstruction(pi) => {
                sum += pi.target().len() + pi.content().map_or(0, str::len)
            }
            Token::Declaration(d) => sum += d.version().len() + d.encoding().map_or(0, str::len),
        }
    }
    sum
}

fn namespace_len(ns: Namespace<'_>) -> usize {
    match ns {
        Namespace::None => 0,
        Namespace::Known(k) => k.uri().len(),
        Namespace::Other(u) => u.unescaped().chars().count(),
    }
}

#[test]
fn framing_and_tokenizing_the_corpus_allocates_nothing() {
    let messages = common::corpus_messages();
    let limits = Limits::new();
    // One wire buffer with every message framed, prepared before measuring.
    let total: usize = messages
        .iter()
        .map(|m| m.bytes.len() + frame::HEADER_LEN)
        .sum();
    let mut wire = vec![0u8; total];

    let mut checksum = 0usize;
    let mut frames_seen = 0usize;
    let allocations = allocations_in(|| {
        let mut at = 0;
        for m in &messages {
            // Writing into a fixed buffer is part of the contract too.
            at += frame::encode_into(&m.bytes, &mut wire[at..]).expect("wire sized exactly");
        }
        for payload in frame::frames(&wire, &limits) {
            let payload = payload.expect("valid frames");
            if let Ok(frame::Decoded::Frame { payload: again, .. }) =
                frame::decode(&wire[..frame::HEADER_LEN + payload.len()], &limits)
            {
                checksum += again.len();
            }
            checksum += touch_everything(payload, &limits);
            frames_seen += 1;
        }
    });
    assert_eq!(frames_seen, messages.len());
    assert!(checksum > 0);
    assert_eq!(
        allocations, 0,
        "the decode path allocated {allocations} times"
    );
}

#[test]
fn the_counter_does_count() {
    // Guards the guard: a test that could not fail would prove nothing.
    let n = allocations_in(|| {
        std::hint::black_box(vec![1u8; 64]);
    });
    assert!(n >= 1);
}

#[test]
fn errors_allocate_nothing_either() {
    let limits = Limits::new();
    let bad: [&[u8]; 6] = [
        b"<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>",
        b"<a><b></a>",
        b"<a x='1' x='2'/>",
        b"<p:a/>",
        b"\xff\xfe<\x00",
        b"<a>&nbsp;</a>",
    ];
    let n = allocations_in(|| {
        for doc in bad {
            std::hint::black_box(touch_everything(doc, &limits));
            std::hint::black_box(frame::decode(b"Session limit exceeded", &limits).ok());
        }
    });
    assert_eq!(n, 0);
}

/// A `fmt::Write` that only counts: formatting a view with `{:?}` walks
/// every field, every lazy list and every unescaped string.
struct CountingSink(usize);

impl std::fmt::Write for CountingSink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

#[test]
fn reading_every_corpus_command_and_every_field_allocates_nothing() {
    use std::fmt::Write;
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "command" || m.kind == "hello")
        .filter(|m| !common::is_elided_mark_command(&m.path))
        .collect();
    assert!(messages.len() >= 135, "{} commands", messages.len());
    let mut sink = CountingSink(0);
    let mut read = 0usize;
    let mut failed = Vec::with_capacity(messages.len());
    let allocations = allocations_in(|| {
        for (i, m) in messages.iter().enumerate() {
            match epp_codec::view::read_command(&m.bytes) {
                Ok(request) => {
                    read += 1;
                    let _ = write!(sink, "{request:?}");
                    for ext in request.extensions().iter() {
                        sink.0 += ext.as_str().len() + ext.local().len();
                        sink.0 += namespace_len(ext.namespace());
                    }
                    if let Some(id) = request.cl_trid() {
                        let _ = write!(sink, "{id}");
                    }
                    // Typed extensions, read lazily.
                    match request.extensions().sec_dns() {
                        Some(epp_codec::view::ext::SecDns::Create(d)) => {
                            touch_sec_dns(&d, &mut sink)
                        }
                        Some(epp_codec::view::ext::SecDns::Update(u)) => {
                            sink.0 +=
                                usize::from(u.is_urgent()) + u.max_sig_life().unwrap_or(0) as usize;
                            if let Some(add) = u.add() {
                                touch_sec_dns(&add, &mut sink);
                            }
                            if let Some(epp_codec::view::ext::SecDnsRemove::Records(r)) = u.remove()
                            {
                                touch_sec_dns(&r, &mut sink);
                            }
                        }
                        _ => {}
                    }
                    touch_extensions(&request.extensions(), &mut sink);
                    if let Some(fee) = request.extensions().fee() {
                        touch_fee(&fee, &mut sink);
                    }
                    if let Some(launch) = request.extensions().launch() {
                        touch_launch(&launch, &mut sink);
                    }
                    if let epp_codec::view::Command::Maintenance(info) = request.command() {
                        let _ = write!(sink, "{info:?}");
                    }
                    if let Some(email) = request.extensions().addl_email() {
                        let _ = write!(sink, "{:?}{:?}", email.email, email.primary);
                    }
                    if let Some(epp_codec::view::ext::Bundling::Create(Some(rdn))) =
                        request.extensions().bundling()
                    {
                        let _ = write!(sink, "{}{:?}", rdn.name, rdn.u_label);
                    }
                    if let Some(rgp) = request.extensions().rgp() {
                        if let Some(report) = rgp.report_data() {
                            let _ = write!(
                                sink,
                                "{}{}{}",
                                report.pre_data(),
                                report.deleted(),
                                report.reason().text
                            );
                            sink.0 += report.statements().iter().count();
                        }
                    }
                }
                Err(e) => {
                    let _ = write!(sink, "{e}");
                    // Recorded without allocating: the index is pushed after measuring.
                    sink.0 += e.offset();
                    failed_index(&mut failed, i);
                }
            }
        }
    });
    let failed: Vec<&str> = failed.iter().map(|&i| messages[i].path.as_str()).collect();
    assert!(failed.is_empty(), "commands not read: {failed:?}");
    assert_eq!(read, messages.len());
    assert!(sink.0 > 0);
    assert_eq!(
        allocations, 0,
        "reading commands allocated {allocations} times"
    );
}

/// Every typed extension accessor, its value formatted (lists walked by
/// their `Debug`).
fn touch_extensions(x: &epp_codec::view::command::Extensions<'_>, sink: &mut CountingSink) {
    use std::fmt::Write as _;
    let _ = write!(
        sink,
        "{:?}{:?}{:?}{:?}{:?}{:?}",
        x.allocation_token(),
        x.login_sec(),
        x.change_poll(),
        x.ttl(),
        x.rgp_statuses(),
        x.login_sec_events()
    );
    let _ = write!(
        sink,
        "{:?}{:?}{:?}{:?}{:?}",
        x.verisign_namestore(),
        x.verisign_namestore_error(),
        x.verisign_sync().map(|s| s.month_day()),
        x.verisign_low_balance(),
        x.verisign_rgp_poll()
            .map(|p| (p, p.request_date_time(), p.report_due_date_time()))
    );
    if let Some(data) = x.sec_dns_info() {
        touch_sec_dns(&data, sink);
    }
}

fn touch_sec_dns(d: &epp_codec::view::ext::SecDnsData<'_>, sink: &mut CountingSink) {
    use std::fmt::Write;
    sink.0 += d.max_sig_life().unwrap_or(0) as usize;
    for ds in d.ds_data().iter() {
        sink.0 += usize::from(ds.key_tag().unwrap_or(0));
        let _ = write!(sink, "{}", ds.digest());
    }
    for k in d.key_data().iter() {
        let _ = write!(sink, "{}", k.public_key());
    }
}

/// Every fee field of a command, formatted (lists walked), amounts typed.
fn touch_fee(fee: &epp_codec::view::ext::FeeExtension<'_>, sink: &mut CountingSink) {
    use epp_codec::view::ext::FeeExtension;
    use std::fmt::Write;
    let _ = write!(sink, "{fee:?}");
    match fee {
        FeeExtension::Check(c) => {
            for command in c.commands.iter() {
                let _ = write!(sink, "{:?}{:?}", command.kind(), command.period);
            }
        }
        FeeExtension::Create(t)
        | FeeExtension::Renew(t)
        | FeeExtension::Transfer(t)
        | FeeExtension::Update(t) => {
            for f in t.fees.iter() {
                let _ = write!(sink, "{:?}{:?}", f.decimal(), f.applied_kind());
            }
            for c in t.credits.iter() {
                let _ = write!(sink, "{:?}", c.decimal());
            }
        }
    }
}

/// Every fee field of a response, formatted (lists walked), amounts typed.
fn touch_fee_data(data: &epp_codec::view::ext::FeeData<'_>, sink: &mut CountingSink) {
    use epp_codec::view::ext::FeeData;
    use std::fmt::Write;
    let _ = write!(sink, "{data:?}");
    match data {
        FeeData::Check(c) => {
            for item in c.items.iter() {
                for command in item.commands.iter() {
                    for f in command.fees.iter() {
                        let _ = write!(sink, "{}", f.amount);
                        let _ = write!(sink, "{:?}", f.decimal().map(|d| d.in_minor_units(2)));
                    }
                }
            }
        }
        FeeData::Create(r)
        | FeeData::Renew(r)
        | FeeData::Transfer(r)
        | FeeData::Update(r)
        | FeeData::Delete(r) => {
            let _ = write!(
                sink,
                "{:?}{:?}",
                r.balance_decimal(),
                r.credit_limit_decimal()
            );
            for f in r.fees.iter() {
                let _ = write!(sink, "{:?}", f.decimal());
            }
        }
    }
}

/// Touches every field of a launch command extension, the marks and the
/// signed marks' unsigned-looking parts included.
fn touch_launch(launch: &epp_codec::view::ext::Launch<'_>, sink: &mut CountingSink) {
    use epp_codec::view::ext::{Launch, LaunchMarks};
    use std::fmt::Write;
    // Debug walks every field and every lazy list.
    let _ = write!(sink, "{launch:?}");
    if let Launch::Create(create) = launch {
        match create.marks {
            LaunchMarks::SignedMarks(signed) => {
                for s in signed.iter() {
                    let _ = write!(
                        sink,
                        "{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
                        s.id_attribute(),
                        s.smd_id(),
                        s.issuer_id(),
                        s.issuer_org(),
                        s.not_before(),
                        s.not_after(),
                        s.mark()
                    );
                }
            }
            LaunchMarks::CodeMarks(marks) => {
                for m in marks.iter().filter_map(|c| c.mark) {
                    for record in m.trademarks.iter() {
                        for holder in record.holders.iter() {
                            let _ = write!(sink, "{}", holder.address.city);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Notes a failure in a vector with room reserved before measuring starts.
fn failed_index(failed: &mut Vec<usize>, i: usize) {
    if failed.len() < failed.capacity() {
        failed.push(i);
    }
}

/// Touches every field of a response or greeting without allocating.
fn touch_server_message(m: &epp_codec::view::ServerMessage<'_>, sink: &mut CountingSink) {
    use epp_codec::view::ServerMessage;
    use std::fmt::Write;
    match m {
        ServerMessage::Response(r) => {
            sink.0 += usize::from(r.code().as_u16());
            for result in r.results().iter() {
                let _ = write!(sink, "{:?}{:?}", result.message(), result.message_lang());
                for v in result.values().iter() {
                    sink.0 += v.content().len();
                }
                for e in result.ext_values().iter() {
                    let _ = write!(sink, "{:?}{:?}", e.reason(), e.reason_lang());
                    sink.0 += e.value().map_or(0, |v| v.content().len());
                }
            }
            if let Some(q) = r.message_queue() {
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}",
                    q.count(),
                    q.id(),
                    q.date(),
                    q.message_text()
                );
                sink.0 += q.message().map_or(0, str::len);
            }
            touch_extensions(&r.extensions(), sink);
            touch_extensions(&r.res_data(), sink);
            for e in r.res_data().iter().chain(r.extensions().iter()) {
                sink.0 += e.as_str().len() + namespace_len(e.namespace());
                touch_object_data(e, sink);
                touch_misc_extensions(e, sink);
            }
            if let Some(fee) = r.extensions().fee_data() {
                touch_fee_data(&fee, sink);
            }
            if let Some(data) = r.extensions().launch_data() {
                // Debug walks every field, lazy list and mark.
                let _ = write!(sink, "{data:?}");
            }
            let _ = write!(sink, "{:?}{}", r.cl_trid(), r.sv_trid());
        }
        ServerMessage::Greeting(g) => {
            let _ = write!(sink, "{:?}{:?}", g.server_id(), g.server_date());
            let _ = write!(
                sink,
                "{:?}{:?}{:?}{:?}",
                g.versions(),
                g.langs(),
                g.object_uris(),
                g.extension_uris()
            );
            if let Some(dcp) = g.dcp() {
                let _ = write!(sink, "{:?}{:?}", dcp.access(), dcp.expiry());
                for s in dcp.statements().iter() {
                    let _ = write!(
                        sink,
                        "{:?}{:?}{:?}{:?}",
                        s.purposes(),
                        s.recipients(),
                        s.retention(),
                        s.our_recipients()
                    );
                    for description in s.our_recipient_descriptions() {
                        let _ = write!(sink, "{description:?}");
                    }
                }
            }
        }
    }
}

/// Every field of the maintenance data, additional email and bundle of
/// RFC 9167, 9873 and 9095, formatted.
fn touch_misc_extensions(e: epp_codec::view::RawElement<'_>, sink: &mut CountingSink) {
    use epp_codec::view::ext::{AddlEmail, Bundling, MaintenanceData};
    use std::fmt::Write;
    match MaintenanceData::from_raw(e) {
        Some(MaintenanceData::Item(i)) => {
            let _ = write!(sink, "{}{:?}{:?}", i.id.id, i.id.name, i.id.lang);
            for t in i.types.iter() {
                let _ = write!(sink, "{}{:?}", t.text, t.lang);
            }
            for s in i.systems.iter() {
                let _ = write!(sink, "{}{:?}{}", s.name, s.host, s.impact);
            }
            let _ = write!(
                sink,
                "{:?}{}{:?}{}{}{}{:?}",
                i.poll_type,
                i.environment.env_type,
                i.environment.name,
                i.start,
                i.end,
                i.reason,
                i.detail
            );
            for d in i.descriptions.iter() {
                let _ = write!(sink, "{}{:?}{:?}", d.text, d.lang, d.content_type);
            }
            for t in i.tlds.iter() {
                let _ = write!(sink, "{t}");
            }
            let _ = write!(sink, "{:?}{}{:?}", i.intervention, i.created, i.updated);
        }
        Some(MaintenanceData::List(list)) => {
            for i in list.iter() {
                let _ = write!(
                    sink,
                    "{}{}{}{}{:?}",
                    i.id.id, i.start, i.end, i.created, i.updated
                );
            }
        }
        None => {}
    }
    if let Some(email) = AddlEmail::from_raw(e) {
        let _ = write!(sink, "{:?}{:?}", email.email, email.primary);
    }
    if let Some(Bundling::Data(kind, bundle)) = Bundling::from_raw(e) {
        let _ = write!(sink, "{kind:?}{}{:?}", bundle.rdn.name, bundle.rdn.u_label);
        for b in bundle.bdns.iter() {
            let _ = write!(sink, "{}{:?}", b.name, b.u_label);
        }
    }
}

/// Every field of the typed domain, host and contact data, formatted.
fn touch_object_data(e: epp_codec::view::RawElement<'_>, sink: &mut CountingSink) {
    use epp_codec::view::response::object::{PendingData, TransferData};
    use epp_codec::view::{ContactData, DomainData, HostData};
    use std::fmt::Write;
    let pending = |p: PendingData<'_>, sink: &mut CountingSink| {
        let _ = write!(
            sink,
            "{:?}{:?}{:?}{:?}",
            p.name(),
            p.result(),
            p.transaction(),
            p.date().map(|d| d.parsed())
        );
    };
    let transfer = |t: TransferData<'_>, sink: &mut CountingSink| {
        let _ = write!(
            sink,
            "{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
            t.name(),
            t.status(),
            t.requester(),
            t.requested().map(|d| d.parsed()),
            t.actor(),
            t.action_due().map(|d| d.parsed()),
            t.expires().map(|d| d.parsed())
        );
    };
    if let Some(d) = DomainData::from_raw(e) {
        match d {
            DomainData::Check(list) => {
                for c in list.iter() {
                    let _ = write!(sink, "{:?}{:?}{:?}", c.name(), c.available(), c.reason());
                }
            }
            DomainData::Info(i) => {
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}{:?}",
                    i.name(),
                    i.roid(),
                    i.statuses(),
                    i.registrant(),
                    i.contacts()
                );
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}",
                    i.ns(),
                    i.hosts(),
                    i.client_id(),
                    i.creator_id()
                );
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}",
                    i.created().map(|d| d.parsed()),
                    i.updater_id(),
                    i.updated().map(|d| d.parsed())
                );
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}",
                    i.expires().map(|d| d.parsed()),
                    i.transferred(),
                    i.password(),
                    i.password_roid()
                );
                if let Some(epp_codec::view::command::domain::NameServers::HostAttrs(h)) = i.ns() {
                    for a in h.iter() {
                        let _ = write!(sink, "{:?}", a.addresses());
                    }
                }
            }
            DomainData::Create(c) => {
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}",
                    c.name(),
                    c.created().map(|d| d.parsed()),
                    c.expires()
                );
            }
            DomainData::Pending(p) => pending(p, sink),
            DomainData::Renew(r) => {
                let _ = write!(sink, "{:?}{:?}", r.name(), r.expires().map(|d| d.parsed()));
            }
            DomainData::Transfer(t) => transfer(t, sink),
        }
    } else if let Some(h) = HostData::from_raw(e) {
        match h {
            HostData::Check(list) => {
                let _ = write!(sink, "{list:?}");
            }
            HostData::Info(i) => {
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}{:?}",
                    i.name(),
                    i.roid(),
                    i.statuses(),
                    i.addresses(),
                    i.client_id()
                );
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}",
                    i.creator_id(),
                    i.created().map(|d| d.parsed()),
                    i.updated(),
                    i.transferred()
                );
            }
            HostData::Create(c) => {
                let _ = write!(sink, "{:?}{:?}", c.name(), c.created());
            }
            HostData::Pending(p) => pending(p, sink),
        }
    } else if let Some(c) = ContactData::from_raw(e) {
        match c {
            ContactData::Check(list) => {
                let _ = write!(sink, "{list:?}");
            }
            ContactData::Info(i) => {
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}{:?}",
                    i.id(),
                    i.roid(),
                    i.statuses(),
                    i.voice(),
                    i.fax()
                );
                for p in i.postal_infos().iter() {
                    let _ = write!(sink, "{:?}{:?}{:?}", p.info_type(), p.name(), p.org());
                    if let Some(a) = p.address() {
                        let _ = write!(
                            sink,
                            "{:?}{}{:?}{:?}{}",
                            a.streets(),
                            a.city(),
                            a.state_province(),
                            a.postal_code(),
                            a.country_code()
                        );
                    }
                }
                let _ = write!(
                    sink,
                    "{:?}{:?}{:?}{:?}{:?}",
                    i.email(),
                    i.client_id(),
                    i.created().map(|d| d.parsed()),
                    i.password(),
                    i.disclose()
                );
                let _ = write!(sink, "{:?}{:?}", i.password_roid(), i.auth_info_ext());
            }
            ContactData::Create(c) => {
                let _ = write!(sink, "{:?}{:?}", c.id(), c.created());
            }
            ContactData::Pending(p) => pending(p, sink),
            ContactData::Transfer(t) => transfer(t, sink),
        }
    }
}

#[test]
fn reading_every_corpus_response_and_every_field_allocates_nothing() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response" || m.kind == "greeting")
        .collect();
    assert!(messages.len() >= 151, "{} responses", messages.len());
    let mut sink = CountingSink(0);
    let mut read = 0usize;
    let allocations = allocations_in(|| {
        for m in &messages {
            if let Ok(message) = epp_codec::view::read_server_message(&m.bytes) {
                read += 1;
                touch_server_message(&message, &mut sink);
            }
        }
    });
    assert_eq!(read, messages.len(), "every response and greeting reads");
    assert!(sink.0 > 0);
    assert_eq!(
        allocations, 0,
        "reading responses allocated {allocations} times"
    );
}

#[test]
fn writing_every_corpus_message_into_fixed_buffers_allocates_nothing() {
    use epp_codec::view::{ServerMessage, read_command, read_server_message};
    use epp_codec::write::{SliceSink, WriteOptions, write, write_framed, write_to_slice};
    let messages = common::corpus_messages();
    let mut buf = vec![0u8; 1 << 20];
    let mut fixed: Box<heapless::Vec<u8, 65536>> = Box::default();
    let (mut written, mut bytes, mut failures) = (0usize, 0usize, 0usize);
    let options = [
        WriteOptions::new(),
        WriteOptions::new().indent(2),
        WriteOptions::new().redact(true),
    ];
    let allocations = allocations_in(|| {
        for m in &messages {
            for options in &options {
                let mut one = |n: Result<usize, epp_codec::write::WriteError>| match n {
                    Ok(n) => {
                        written += 1;
                        bytes += n;
                    }
                    Err(_) => failures += 1,
                };
                if let Ok(request) = read_command(&m.bytes) {
                    one(write_to_slice(&request, &mut buf, options));
                    one(write_framed(&request, SliceSink::new(&mut buf), options));
                    fixed.clear();
                    one(write(&request, &mut *fixed, options));
                } else if let Ok(message) = read_server_message(&m.bytes) {
                    match message {
                        ServerMessage::Greeting(g) => {
                            one(write_to_slice(&g, &mut buf, options));
                            fixed.clear();
                            one(write(&g, &mut *fixed, options));
                        }
                        ServerMessage::Response(r) => {
                            one(write_to_slice(&r, &mut buf, options));
                            one(write_framed(&r, SliceSink::new(&mut buf), options));
                            fixed.clear();
                            one(write(&r, &mut *fixed, options));
                        }
                    }
                }
            }
        }
    });
    assert_eq!(failures, 0, "{failures} writes failed");
    assert!(written >= 2_000, "only {written} writes");
    assert!(bytes > 1_000_000);
    assert_eq!(allocations, 0, "writing allocated {allocations} times");
}

#[test]
fn writing_values_built_by_hand_allocates_nothing() {
    use epp_codec::view::command::domain::{
        Contact, ContactType, Create, DomainStatus, NameServers, Status,
    };
    use epp_codec::view::command::{Command, Extension, Extensions, Request};
    use epp_codec::view::ext::{
        AddlEmail, Bundle, BundleDataKind, BundledName, Bundling, MaintenanceData,
        MaintenanceEnvironment, MaintenanceId, MaintenanceInfo, MaintenanceItem, MaintenanceSystem,
    };
    use epp_codec::view::{AuthInfo, DomainCommand, Period, PeriodUnit, ResultCode, Str};
    use epp_codec::write::{
        DomainInfoData, DomainResData, ResData, ResponseData, ResultData, SliceSink, WriteOptions,
        write_framed, write_to_slice,
    };
    let mut buf = [0u8; 4096];
    let mut written = 0;
    let allocations = allocations_in(|| {
        let hosts = [Str::new("ns1.example.net"), Str::new("ns2.example.net")];
        let contacts = [Contact::new("sh8013", ContactType::Admin)];
        let pw = AuthInfo::Password {
            password: Str::new("2fooBAR"),
            roid: None,
        };
        let create = Create::new("example.com", pw)
            .with_period(Period {
                value: 2,
                unit: PeriodUnit::Years,
            })
            .with_name_servers(NameServers::objects(&hosts))
            .with_contacts(&contacts);
        let request =
            Request::new(Command::Domain(DomainCommand::Create(create))).with_cl_trid("ABC-1");
        let statuses = [Status::new(DomainStatus::Ok)];
        let info = DomainInfoData {
            statuses: &statuses,
            contacts: &contacts,
            auth_info: Some(pw),
            ..DomainInfoData::new("example.com", "EXAMPLE1-REP", "ClientX")
        };
        let results = [ResultData::new(ResultCode::Success)];
        let bdns = [BundledName::new(
            "xn--fsqz41a.example",
            Some("實例.example"),
        )];
        let bundle = [Extension::Bundling(Bundling::Data(
            BundleDataKind::Info,
            Bundle::new(BundledName::new("example.com", None), &bdns),
        ))];
        let response = ResponseData::new(&results, "SV-1")
            .with_res_data(ResData::Domain(DomainResData::Info(info)))
            .with_extensions(Extensions::from_typed(&bundle));
        // RFC 9167, 9873 and 9095 values.
        let maintenance = Request::new(Command::Maintenance(MaintenanceInfo::Item(
            MaintenanceId::new("m-1").with_name("Nightly", Some("en")),
        )));
        let systems = [MaintenanceSystem::new("EPP", "full").with_host("epp.example")];
        let tlds = [Str::new("example")];
        let mut item = MaintenanceItem::new(
            MaintenanceId::new("m-1"),
            &systems,
            MaintenanceEnvironment::custom("marketing"),
            "2021-12-30T06:00:00Z",
            "2021-12-30T07:00:00Z",
            "planned",
            "2021-11-08T22:10:00Z",
        );
        item.tlds = epp_codec::view::List::from_slice(&tlds);
        let poll = ResponseData::new(&results, "SV-2")
            .with_res_data(ResData::Maintenance(MaintenanceData::Item(item)));
        let extras = [
            Extension::AddlEmail(AddlEmail::new("信息@例子.example").with_primary(true)),
            Extension::Bundling(Bundling::Create(Some(BundledName::new("a.example", None)))),
        ];
        let extended = request.with_extensions(Extensions::from_typed(&extras));
        for options in [
            WriteOptions::new(),
            WriteOptions::new().indent(2).redact(true),
        ] {
            written += write_to_slice(&request, &mut buf, &options).unwrap();
            written += write_framed(&request, SliceSink::new(&mut buf), &options).unwrap();
            written += write_to_slice(&response, &mut buf, &options).unwrap();
            written += write_to_slice(&maintenance, &mut buf, &options).unwrap();
            written += write_to_slice(&poll, &mut buf, &options).unwrap();
            written += write_to_slice(&extended, &mut buf, &options).unwrap();
        }
    });
    assert!(written > 2_000);
    assert_eq!(
        allocations, 0,
        "writing hand-built values allocated {allocations} times"
    );
}

#[test]
fn reading_and_writing_full_launch_marks_allocates_nothing() {
    use epp_codec::view::command::{Command, Extension, Extensions, Request};
    use epp_codec::write::{WriteOptions, write_to_slice};
    use std::fmt::Write;
    // The RFC 7848 signed mark, and its mark, in the RFC 8334 creates
    // (whose examples elide them): built before measuring.
    let dir = common::corpus_dir();
    let read = |rel: &str| std::fs::read_to_string(dir.join(rel)).unwrap();
    let smd = read("ext/examples/7848/001-D-s2.3.xml");
    let smd = smd[smd.find("?>").unwrap() + 2..].trim().to_string();
    let mark = &smd
        [smd.find("<mark:mark").unwrap()..smd.find("</mark:mark>").unwrap() + "</mark:mark>".len()];
    let splice = |rel: &str, open: &str, close: &str, with: &str| {
        let xml = read(rel);
        let at = xml.find(open).unwrap();
        let end = xml.find(close).unwrap() + close.len();
        format!("{}{with}{}", &xml[..at], &xml[end..])
    };
    let payloads = [
        splice(
            "ext/examples/8334/014-C-s3.3.1.xml",
            "<mark:mark",
            "</mark:mark>",
            mark,
        ),
        splice(
            "ext/examples/8334/015-C-s3.3.1.xml",
            "<smd:signedMark",
            "</smd:signedMark>",
            &smd,
        ),
    ];
    let mut sink = CountingSink(0);
    let mut buf = [0u8; 16384];
    let mut written = 0;
    let allocations = allocations_in(|| {
        for payload in &payloads {
            let request = epp_codec::view::read_command(payload.as_bytes()).unwrap();
            let launch = request.extensions().launch().unwrap();
            touch_launch(&launch, &mut sink);
            let ext = [Extension::Launch(launch)];
            let typed =
                Request::new(*request.command()).with_extensions(Extensions::from_typed(&ext));
            let _: &Command<'_> = typed.command();
            written += write_to_slice(&typed, &mut buf, &WriteOptions::new()).unwrap();
            let _ = write!(sink, "{}", request.extensions().len());
        }
    });
    assert!(written > 4_000, "{written}");
    assert!(sink.0 > 4_000, "{}", sink.0);
    assert_eq!(allocations, 0, "launch marks allocated {allocations} times");
}
