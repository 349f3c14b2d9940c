//! The zero-allocation contract: framing and tokenizing every corpus message,
//! reading every field of every token, reading every command, response and
//! greeting with every field touched (the walkers of `tests/touch/`, which
//! also check every span and string lies inside the input), and writing
//! every message into fixed buffers, allocates nothing.
//!
//! A counting global allocator counts allocations made on the measuring
//! thread while measurement is on; the corpus is loaded before that.

mod common;
mod touch;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use epp_codec::xml::{Chunk, Namespace, Token, Tokenizer};
use epp_codec::{Limits, frame};
use touch::Touch;

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
            let mut touch = Touch::new(doc);
            match epp_codec::view::read_command(doc) {
                Ok(request) => touch.request(&request),
                Err(e) => touch.command_error(&e),
            }
            match epp_codec::view::read_server_message(doc) {
                Ok(message) => touch.server_message(&message),
                Err(e) => touch.response_error(&e),
            }
            std::hint::black_box(touch.checksum());
        }
    });
    assert_eq!(n, 0);
}

/// A `fmt::Write` that only counts: formatting a view with `{:?}` checks
/// its `Debug` allocates nothing either.
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
    let mut checksum = 0u64;
    let mut read = 0usize;
    let mut failed = Vec::with_capacity(messages.len());
    let allocations = allocations_in(|| {
        for (i, m) in messages.iter().enumerate() {
            let mut touch = Touch::new(&m.bytes);
            match epp_codec::view::read_command(&m.bytes) {
                Ok(request) => {
                    read += 1;
                    touch.request(&request);
                    let _ = write!(sink, "{request:?}");
                }
                Err(e) => {
                    touch.command_error(&e);
                    // Recorded without allocating: the index is pushed after measuring.
                    failed_index(&mut failed, i);
                }
            }
            checksum ^= std::hint::black_box(touch.checksum());
        }
    });
    let failed: Vec<&str> = failed.iter().map(|&i| messages[i].path.as_str()).collect();
    assert!(failed.is_empty(), "commands not read: {failed:?}");
    assert_eq!(read, messages.len());
    assert!(sink.0 > 0 && checksum != 0);
    assert_eq!(
        allocations, 0,
        "reading commands allocated {allocations} times"
    );
}

#[test]
fn reading_every_corpus_response_and_every_field_allocates_nothing() {
    use std::fmt::Write;
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response" || m.kind == "greeting")
        .collect();
    assert!(messages.len() >= 151, "{} responses", messages.len());
    let mut sink = CountingSink(0);
    let mut checksum = 0u64;
    let mut read = 0usize;
    let allocations = allocations_in(|| {
        for m in &messages {
            let mut touch = Touch::new(&m.bytes);
            match epp_codec::view::read_server_message(&m.bytes) {
                Ok(message) => {
                    read += 1;
                    touch.server_message(&message);
                    let _ = write!(sink, "{message:?}");
                }
                Err(e) => touch.response_error(&e),
            }
            checksum ^= std::hint::black_box(touch.checksum());
        }
    });
    assert_eq!(read, messages.len(), "every response and greeting reads");
    assert!(sink.0 > 0 && checksum != 0);
    assert_eq!(
        allocations, 0,
        "reading responses allocated {allocations} times"
    );
}

#[test]
fn refusing_every_corpus_message_read_as_the_wrong_kind_allocates_nothing() {
    // Every message read as a command and as a server message: the
    // responses refused as commands and the commands refused as responses
    // walk the errors (kind, element, offset, span, Display).
    let messages = common::corpus_messages();
    let (mut command_errors, mut response_errors, mut checksum) = (0usize, 0usize, 0u64);
    let allocations = allocations_in(|| {
        for m in &messages {
            let mut touch = Touch::new(&m.bytes);
            match epp_codec::view::read_command(&m.bytes) {
                Ok(request) => touch.request(&request),
                Err(e) => {
                    command_errors += 1;
                    touch.command_error(&e);
                }
            }
            match epp_codec::view::read_server_message(&m.bytes) {
                Ok(message) => touch.server_message(&message),
                Err(e) => {
                    response_errors += 1;
                    touch.response_error(&e);
                }
            }
            checksum ^= std::hint::black_box(touch.checksum());
        }
    });
    assert!(
        command_errors >= 151,
        "{command_errors} refused as commands"
    );
    assert!(
        response_errors >= 135,
        "{response_errors} refused as responses"
    );
    assert!(checksum != 0);
    assert_eq!(allocations, 0, "refusing allocated {allocations} times");
}

/// Views the corpus has no message for, written here: an additional email
/// (RFC 9873) on a command and a response, an encoded signed mark (RFC
/// 8334, whose example elides the base64), a domain `<authInfo><ext>`, and
/// Verisign's namestore error data.
const LACKING_COMMANDS: [&str; 2] = [
    r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
  <contact:create xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
    <contact:id>sh8013</contact:id>
    <contact:postalInfo type="int"><contact:name>John &amp; Jane Doe</contact:name>
      <contact:addr><contact:street>123 Example Dr.</contact:street><contact:city>Dulles</contact:city>
        <contact:cc>US</contact:cc></contact:addr></contact:postalInfo>
    <contact:email>jdoe@example.com</contact:email>
    <contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo>
  </contact:create></create>
  <extension><addlEmail:addlEmail xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
    <addlEmail:email primary="true">&#x4FE1;&#x606F;@&#x4F8B;&#x5B50;.example</addlEmail:email>
  </addlEmail:addlEmail></extension>
  <clTRID>ABC-12345</clTRID></command></epp>"#,
    r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
  <domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
    <domain:name>example.tld</domain:name>
    <domain:registrant>jd1234</domain:registrant>
    <domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo>
  </domain:create></create>
  <extension><launch:create xmlns:launch="urn:ietf:params:xml:ns:launch-1.0">
    <launch:phase>sunrise</launch:phase>
    <smd:encodedSignedMark xmlns:smd="urn:ietf:params:xml:ns:signedMark-1.0">PD94bWwg
dmVyc2lvbj0iMS4wIj8+</smd:encodedSignedMark>
  </launch:create></extension>
  <clTRID>ABC-12345</clTRID></command></epp>"#,
];

const LACKING_RESPONSE: &str = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
  <result code="1000"><msg>Command completed successfully</msg></result>
  <resData><domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
    <domain:name>example.com</domain:name><domain:roid>EXAMPLE1-REP</domain:roid>
    <domain:status s="ok"/><domain:clID>ClientX</domain:clID>
    <domain:authInfo><domain:ext><x:token xmlns:x="urn:example:token">abc</x:token></domain:ext></domain:authInfo>
  </domain:infData></resData>
  <extension>
    <addlEmail:addlEmail xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0">
      <addlEmail:email>info@example.com</addlEmail:email></addlEmail:addlEmail>
    <ns:nsExtErrData xmlns:ns="http://www.verisign-grs.com/epp/namestoreExt-1.1"><ns:msg code="1">Specified sub-product does not exist</ns:msg></ns:nsExtErrData>
  </extension>
  <trID><svTRID>54321-XYZ</svTRID></trID></response></epp>"#;

#[test]
fn reading_what_the_corpus_lacks_allocates_nothing() {
    use epp_codec::view::{DomainData, read_command, read_server_message};
    // What each payload is here for, checked before measuring, so the walk
    // below surely reads it.
    let email = read_command(LACKING_COMMANDS[0].as_bytes()).unwrap();
    assert!(email.extensions().addl_email().is_some());
    let encoded = read_command(LACKING_COMMANDS[1].as_bytes()).unwrap();
    assert!(matches!(
        encoded.extensions().launch(),
        Some(epp_codec::view::ext::Launch::Create(c))
            if matches!(c.marks, epp_codec::view::ext::LaunchMarks::EncodedSignedMarks(_))
    ));
    let response = epp_codec::view::read_response(LACKING_RESPONSE.as_bytes()).unwrap();
    assert!(response.extensions().addl_email().is_some());
    assert!(response.extensions().verisign_namestore_error().is_some());
    let info = response.res_data().iter().find_map(DomainData::from_raw);
    assert!(matches!(info, Some(DomainData::Info(i)) if i.auth_info_ext().is_some()));

    let mut checksum = 0u64;
    let allocations = allocations_in(|| {
        for payload in LACKING_COMMANDS {
            let mut touch = Touch::new(payload.as_bytes());
            touch.request(&read_command(payload.as_bytes()).unwrap());
            checksum ^= std::hint::black_box(touch.checksum());
        }
        let mut touch = Touch::new(LACKING_RESPONSE.as_bytes());
        touch.server_message(&read_server_message(LACKING_RESPONSE.as_bytes()).unwrap());
        checksum ^= std::hint::black_box(touch.checksum());
    });
    assert!(checksum != 0);
    assert_eq!(allocations, 0, "reading them allocated {allocations} times");
}

/// Guards the walkers' location check: views read from a copy of the
/// input do not lie inside the input.
#[test]
#[should_panic(expected = "does not lie inside the input")]
fn the_walker_refuses_a_view_of_another_buffer() {
    let input = LACKING_COMMANDS[0].as_bytes();
    let copy = input.to_vec();
    let request = epp_codec::view::read_command(&copy).unwrap();
    Touch::new(input).request(&request);
}

/// Guards the span check: a span past the end of the input fails.
#[test]
#[should_panic(expected = "outside 0..4")]
fn the_walker_refuses_a_span_past_the_input() {
    Touch::new(b"<a/>").span(epp_codec::xml::Span { start: 2, end: 5 });
}

/// Notes a failure in a vector with room reserved before measuring starts.
fn failed_index(failed: &mut Vec<usize>, i: usize) {
    if failed.len() < failed.capacity() {
        failed.push(i);
    }
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
    let mut checksum = 0u64;
    let mut buf = [0u8; 16384];
    let mut written = 0;
    let allocations = allocations_in(|| {
        for payload in &payloads {
            let request = epp_codec::view::read_command(payload.as_bytes()).unwrap();
            let launch = request.extensions().launch().unwrap();
            // Every field of the marks, signed ones included, and their `Debug`.
            let mut touch = Touch::new(payload.as_bytes());
            touch.request(&request);
            checksum ^= std::hint::black_box(touch.checksum());
            let _ = write!(sink, "{launch:?}");
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
    assert!(checksum != 0);
    assert_eq!(allocations, 0, "launch marks allocated {allocations} times");
}
