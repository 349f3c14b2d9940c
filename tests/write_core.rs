//! The writers' behaviour: sinks (slice, heapless, Vec, BytesMut), buffer
//! too small (with the size needed, nothing left behind), framing,
//! escaping and forbidden characters, layout, redaction, hand-built
//! responses and greetings, and the answer to a command that failed.

#![cfg(feature = "alloc")]

use epp_codec::view::command::{Command, Extensions, Login, Poll, RawElement, Request};
use epp_codec::view::response::greeting::{
    Access, Expiry, OurRecipient, Purposes, Recipients, Retention,
};
use epp_codec::view::{
    CommandErrorKind, List, ResultCode, ServerMessage, Str, read_command, read_response,
    read_server_message,
};
use epp_codec::write::{
    CommandErrorResponse, DcpData, ExtValueData, GreetingData, MessageQueueData, ResData,
    ResponseData, ResultData, SliceSink, StatementData, Writable, WriteError, WriteOptions, to_vec,
    write, write_framed, write_to_slice,
};

const OBJ: [Str<'static>; 2] = [
    Str::new("urn:ietf:params:xml:ns:domain-1.0"),
    Str::new("urn:ietf:params:xml:ns:contact-1.0"),
];

fn login() -> Request<'static> {
    Request::new(Command::Login(
        Login::new("ClientX", "foo-BAR2", &OBJ).with_new_password("bar-FOO2"),
    ))
    .with_cl_trid("ABC-12345")
}

fn text<M: Writable>(m: &M, options: &WriteOptions) -> String {
    String::from_utf8(to_vec(m, options).unwrap()).unwrap()
}

#[test]
fn a_hand_built_login_reads_back_field_by_field() {
    let xml = to_vec(&login(), &WriteOptions::new()).unwrap();
    let read = read_command(&xml).unwrap();
    let Command::Login(l) = read.command() else {
        panic!("{:?}", read.command())
    };
    assert_eq!(l.client_id(), "ClientX");
    assert_eq!(l.password(), "foo-BAR2");
    assert_eq!(l.new_password().unwrap(), "bar-FOO2");
    assert_eq!(l.version(), "1.0");
    assert_eq!(l.lang(), "en");
    let uris: Vec<String> = l.object_uris().iter().map(|s| s.to_string()).collect();
    assert_eq!(uris, [OBJ[0].raw(), OBJ[1].raw()]);
    assert_eq!(read.cl_trid().unwrap(), "ABC-12345");
}

#[test]
fn every_sink_gets_the_same_bytes() {
    let options = WriteOptions::new();
    let expected = to_vec(&login(), &options).unwrap();
    let mut buf = [0u8; 1024];
    let n = write_to_slice(&login(), &mut buf, &options).unwrap();
    assert_eq!(&buf[..n], &expected[..]);
    let mut hv: heapless::Vec<u8, 1024> = heapless::Vec::new();
    assert_eq!(write(&login(), &mut hv, &options).unwrap(), expected.len());
    assert_eq!(&hv[..], &expected[..]);
    #[cfg(feature = "bytes")]
    {
        let mut bm = bytes::BytesMut::new();
        write(&login(), &mut bm, &options).unwrap();
        assert_eq!(&bm[..], &expected[..]);
    }
    // Appending after what a sink holds already.
    let mut v = b"prefix".to_vec();
    write(&login(), &mut v, &options).unwrap();
    assert_eq!(&v[6..], &expected[..]);
}

#[test]
fn a_small_buffer_says_how_much_is_needed_and_keeps_nothing() {
    let options = WriteOptions::new();
    let needed = to_vec(&login(), &options).unwrap().len();
    for size in [0, 1, 10, needed / 2, needed - 1] {
        let mut buf = vec![0u8; size];
        assert_eq!(
            write_to_slice(&login(), &mut buf, &options),
            Err(WriteError::BufferTooSmall { needed })
        );
    }
    let mut buf = vec![0u8; needed];
    assert_eq!(write_to_slice(&login(), &mut buf, &options), Ok(needed));
    // A heapless::Vec holding bytes already is cut back to them.
    let mut hv: heapless::Vec<u8, 64> = heapless::Vec::new();
    hv.extend_from_slice(b"keep").unwrap();
    assert_eq!(
        write(&login(), &mut hv, &options),
        Err(WriteError::BufferTooSmall { needed })
    );
    assert_eq!(&hv[..], b"keep");
    // Framed: the header counts.
    let mut small = [0u8; 8];
    assert_eq!(
        write_framed(&login(), SliceSink::new(&mut small), &options),
        Err(WriteError::BufferTooSmall { needed: needed + 4 })
    );
}

#[test]
fn a_framed_write_patches_its_header_in_place() {
    let options = WriteOptions::new();
    let payload = to_vec(&login(), &options).unwrap();
    let mut v = b"xx".to_vec();
    let n = write_framed(&login(), &mut v, &options).unwrap();
    assert_eq!(n, payload.len() + 4);
    assert_eq!(&v[..2], b"xx");
    assert_eq!(u32::from_be_bytes(v[2..6].try_into().unwrap()) as usize, n);
    assert_eq!(&v[6..], &payload[..]);
    let limits = epp_codec::Limits::new();
    let frames: Vec<_> = epp_codec::frame::frames(&v[2..], &limits).collect();
    assert_eq!(frames.len(), 1);
    assert_eq!(frames[0].unwrap(), &payload[..]);
}

#[test]
fn text_and_attributes_are_escaped_and_read_back() {
    let nasty = "a&b<c>d\"e'f\tg\nh\ri ü 日本";
    let results = [ResultData::new(ResultCode::Success).with_message(nasty, Some("e&\"n"))];
    let response = ResponseData::new(&results, "SV&<1").with_cl_trid(nasty);
    let xml = to_vec(&response, &WriteOptions::new()).unwrap();
    let s = String::from_utf8(xml.clone()).unwrap();
    assert!(
        s.contains("a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i ü 日本"),
        "{s}"
    );
    assert!(s.contains(r#"lang="e&amp;&quot;n""#), "{s}");
    let read = read_response(&xml).unwrap();
    let r = read.results().first().unwrap();
    assert_eq!(r.message().unwrap().to_string(), nasty);
    assert_eq!(r.message_lang().unwrap().to_string(), "e&\"n");
    assert_eq!(read.sv_trid().to_string(), "SV&<1");
    // An attribute keeps its tabs and line ends through references.
    let ids = [Str::new("a\tb\nc")];
    let queue = MessageQueueData {
        count: 3,
        id: ids[0],
        date: None,
        message: None,
        lang: None,
    };
    let response = ResponseData::new(&results, "SV1").with_message_queue(queue);
    let xml = to_vec(&response, &WriteOptions::new()).unwrap();
    let read = read_response(&xml).unwrap();
    let q = read.message_queue().unwrap();
    assert_eq!(q.count(), Some(3));
    assert_eq!(q.id().unwrap().to_string(), "a\tb\nc");
}

#[test]
fn characters_xml_forbids_are_refused_and_nothing_is_left() {
    for bad in [
        "\u{0}",
        "a\u{1}b",
        "\u{B}",
        "\u{1F}",
        "x\u{FFFE}",
        "\u{FFFF}",
    ] {
        let results = [ResultData::new(ResultCode::Success)];
        let response = ResponseData::new(&results, bad);
        let mut v = b"kept".to_vec();
        let err = write(&response, &mut v, &WriteOptions::new()).unwrap_err();
        let WriteError::ForbiddenCharacter { character } = err else {
            panic!("{err:?}")
        };
        assert!(bad.contains(character), "{bad:?} {character:?}");
        assert_eq!(v, b"kept");
    }
}

#[test]
fn indented_output_reads_like_the_rfc() {
    let s = text(&login(), &WriteOptions::new().indent(2));
    let expected = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <command>
    <login>
      <clID>ClientX</clID>
      <pw>foo-BAR2</pw>
      <newPW>bar-FOO2</newPW>
      <options>
        <version>1.0</version>
        <lang>en</lang>
      </options>
      <svcs>
        <objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>
        <objURI>urn:ietf:params:xml:ns:contact-1.0</objURI>
      </svcs>
    </login>
    <clTRID>ABC-12345</clTRID>
  </command>
</epp>
"#;
    assert_eq!(s, expected);
    let compact = text(&login(), &WriteOptions::new().declaration(false));
    assert!(compact.starts_with("<epp xmlns="));
    assert!(!compact.contains('\n'));
}

#[test]
fn redaction_masks_every_password() {
    let login_sec = RawElement::parse(
        r#"<loginSec:loginSec xmlns:loginSec="urn:ietf:params:xml:ns:epp:loginSec-1.0">
             <loginSec:userAgent><loginSec:app>EPP</loginSec:app></loginSec:userAgent>
             <loginSec:pw>this is a long secret</loginSec:pw>
             <loginSec:newPW>another long secret</loginSec:newPW>
           </loginSec:loginSec>"#,
    )
    .unwrap();
    let ext = [login_sec];
    let request = Request::new(Command::Login(Login::new(
        "ClientX",
        "[LOGIN-SECURITY]",
        &OBJ,
    )))
    .with_extensions(Extensions::from_slice(&ext))
    .with_cl_trid("ABC-1");
    let shown = request.redacted().to_string();
    for secret in [
        "[LOGIN-SECURITY]",
        "this is a long secret",
        "another long secret",
    ] {
        assert!(!shown.contains(secret), "{secret} leaked: {shown}");
    }
    assert!(
        shown.contains("<loginSec:app>EPP</loginSec:app>"),
        "{shown}"
    );
    assert_eq!(shown.matches("*****").count(), 3, "{shown}");
    // The unredacted write keeps them.
    let full = text(&request, &WriteOptions::new());
    assert!(full.contains("this is a long secret"));
    // A read command with authInfo in an unmodelled extension.
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><info>
      <obj:info xmlns:obj="urn:example:obj"><obj:id>x</obj:id><obj:authInfo><obj:pw>s3cret!</obj:pw></obj:authInfo></obj:info>
      </info><clTRID>ABC-2</clTRID></command></epp>"#;
    let read = read_command(payload).unwrap();
    let shown = read.redacted().to_string();
    assert!(!shown.contains("s3cret!"), "{shown}");
    assert!(
        shown.contains("<obj:authInfo>*****</obj:authInfo>"),
        "{shown}"
    );
}

#[test]
fn raw_elements_keep_prefixes_declared_on_their_ancestors() {
    // s: is declared on <epp>, used in <extension>.
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:s="urn:example:ext" xmlns:x="urn:example:x"><command>
      <poll op="req"/><extension><s:update x:flag="1"><s:rem><s:all>true</s:all></s:rem></s:update></extension>
      <clTRID>ABC-3</clTRID></command></epp>"#;
    let read = read_command(payload).unwrap();
    let written = text(&read, &WriteOptions::new());
    assert!(
        written
            .contains(r#"<s:update xmlns:s="urn:example:ext" xmlns:x="urn:example:x" x:flag="1">"#),
        "{written}"
    );
    let again = read_command(written.as_bytes()).unwrap();
    let ext = again.extensions().iter().next().unwrap();
    assert!(ext.namespace().eq_uri("urn:example:ext") && ext.local() == "update");
}

#[test]
fn a_hand_built_response_reads_back() {
    let value = RawElement::parse(r#"<domain:name xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">example.com</domain:name>"#).unwrap();
    let values = [value];
    let ext_values = [ExtValueData {
        value,
        reason: Str::new("Reserved"),
        lang: None,
    }];
    let results = [ResultData {
        values: &values,
        ext_values: &ext_values,
        ..ResultData::new(ResultCode::ParameterValuePolicyError)
    }];
    let res_data = [RawElement::parse(
        r#"<host:creData xmlns:host="urn:ietf:params:xml:ns:host-1.0"><host:name>ns1.example.com</host:name><host:crDate>1999-04-03T22:00:00.0Z</host:crDate></host:creData>"#,
    )
    .unwrap()];
    let queue = MessageQueueData {
        count: 5,
        id: Str::new("12345"),
        date: Some(Str::new("2000-06-08T22:00:00.0Z")),
        message: Some(Str::new("Transfer requested.")),
        lang: Some(Str::new("en-GB")),
    };
    let response = ResponseData::new(&results, "54321-XYZ")
        .with_cl_trid("ABC-12345")
        .with_res_data(ResData::Raw(&res_data))
        .with_message_queue(queue);
    let xml = to_vec(&response, &WriteOptions::new().indent(2)).unwrap();
    let read = read_response(&xml).unwrap();
    assert_eq!(read.code(), ResultCode::ParameterValuePolicyError);
    let r = read.results().first().unwrap();
    assert_eq!(r.message().unwrap(), "Parameter value policy error");
    assert_eq!(r.values().len(), 1);
    assert!(
        r.values()
            .first()
            .unwrap()
            .content()
            .contains("example.com")
    );
    assert_eq!(
        r.ext_values().first().unwrap().reason().unwrap(),
        "Reserved"
    );
    let q = read.message_queue().unwrap();
    assert_eq!(
        (q.count(), q.id().unwrap().to_string()),
        (Some(5), "12345".into())
    );
    assert_eq!(q.message_text().unwrap(), "Transfer requested.");
    assert_eq!(q.message_lang().unwrap(), "en-GB");
    let host = epp_codec::view::HostData::from_raw(read.res_data().iter().next().unwrap()).unwrap();
    let epp_codec::view::HostData::Create(c) = host else {
        panic!()
    };
    assert_eq!(c.name().unwrap(), "ns1.example.com");
    assert_eq!(read.cl_trid().unwrap(), "ABC-12345");
    // A response needs a result.
    assert!(matches!(
        to_vec(&ResponseData::new(&[], "X"), &WriteOptions::new()),
        Err(WriteError::Invalid { .. })
    ));
}

#[test]
fn a_hand_built_greeting_reads_back() {
    let versions = [Str::new("1.0")];
    let langs = [Str::new("en"), Str::new("fr")];
    let ext = [Str::new("urn:ietf:params:xml:ns:secDNS-1.1")];
    let ours = [
        OurRecipient::new(Some(Str::new("our partners"))),
        OurRecipient::new(None),
        OurRecipient::new(Some(Str::new("our auditors"))),
    ];
    let statements = [StatementData {
        purposes: Purposes {
            admin: true,
            provisioning: true,
            ..Purposes::default()
        },
        recipients: Recipients {
            ours: true,
            public: true,
            ..Recipients::default()
        },
        ours: List::from_slice(&ours),
        retention: Some(Retention::Stated),
    }];
    let greeting = GreetingData {
        server_id: "Example EPP server epp.example.com",
        server_date: "2000-06-08T22:00:00.0Z",
        versions: &versions,
        langs: &langs,
        object_uris: &OBJ,
        extension_uris: &ext,
        dcp: DcpData {
            access: Access::All,
            statements: &statements,
            expiry: Some(Expiry::Relative(Str::new("P1Y"))),
        },
    };
    let xml = to_vec(&greeting, &WriteOptions::new()).unwrap();
    let ServerMessage::Greeting(g) = read_server_message(&xml).unwrap() else {
        panic!()
    };
    assert_eq!(g.server_id().unwrap(), "Example EPP server epp.example.com");
    assert_eq!(g.langs().len(), 2);
    assert_eq!(g.extension_uris().first().unwrap(), ext[0]);
    let dcp = g.dcp().unwrap();
    assert_eq!(dcp.access(), Some(Access::All));
    let st = dcp.statements().first().unwrap();
    assert_eq!(st.purposes(), statements[0].purposes);
    assert_eq!(st.recipients(), statements[0].recipients);
    // Every <ours>, bare or described, comes back in order.
    let read: Vec<_> = st.our_recipients().iter().collect();
    assert_eq!(read.len(), 3);
    assert_eq!(read[0].description().unwrap(), "our partners");
    assert_eq!(read[1].description(), None);
    assert_eq!(read[2].description().unwrap(), "our auditors");
    let descriptions: Vec<_> = st.our_recipient_descriptions().collect();
    assert_eq!(descriptions, ["our partners", "our auditors"]);
    assert_eq!(st.retention(), Some(Retention::Stated));
    assert_eq!(dcp.expiry(), Some(Expiry::Relative(Str::new("P1Y"))));
}

#[test]
fn a_command_error_is_answered_in_one_call() {
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><poll op="list"/><clTRID>ABC-9</clTRID></command></epp>"#;
    let error = read_command(payload).unwrap_err();
    let answer = CommandErrorResponse::new(&error, payload, "SV-9").with_cl_trid("ABC-9");
    let xml = to_vec(&answer, &WriteOptions::new()).unwrap();
    let read = read_response(&xml).unwrap();
    assert_eq!(read.code(), error.result_code());
    assert_eq!(read.cl_trid().unwrap(), "ABC-9");
    let r = read.results().first().unwrap();
    let ext = r
        .ext_values()
        .first()
        .expect("the element at fault is echoed");
    assert!(
        ext.value()
            .unwrap()
            .content()
            .contains(r#"<poll op="list"/>"#),
        "{:?}",
        ext.value()
    );
    assert!(!ext.reason().unwrap().is_empty());
    // Not well formed: nothing to echo, the description is the message.
    let broken = b"<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><command>";
    let error = read_command(broken).unwrap_err();
    assert!(matches!(error.kind(), CommandErrorKind::Xml(_)));
    let xml = to_vec(
        &CommandErrorResponse::new(&error, broken, "SV-10"),
        &WriteOptions::new(),
    )
    .unwrap();
    let read = read_response(&xml).unwrap();
    assert_eq!(read.code(), ResultCode::CommandSyntaxError);
    assert!(read.results().first().unwrap().ext_values().is_empty());
    assert!(read.cl_trid().is_none());
}

#[test]
fn poll_and_hello_and_logout() {
    for (command, expect) in [
        (Command::Hello, "<hello/>"),
        (Command::Logout, "<logout/>"),
        (Command::Poll(Poll::Request), r#"<poll op="req"/>"#),
        (
            Command::Poll(Poll::Acknowledge {
                message_id: Str::new("12345"),
            }),
            r#"<poll op="ack" msgID="12345"/>"#,
        ),
    ] {
        let request = Request::new(command).with_cl_trid("ABC-1");
        let s = text(&request, &WriteOptions::new());
        assert!(s.contains(expect), "{s}");
        let read = read_command(s.as_bytes()).unwrap();
        assert_eq!(
            core::mem::discriminant(read.command()),
            core::mem::discriminant(&command)
        );
    }
}

#[cfg(all(feature = "std", unix))]
#[test]
fn generated_passwords_have_128_bits_and_the_rfc_9154_shape() {
    use epp_codec::view::GeneratedPassword;
    let a = GeneratedPassword::from_entropy(&[0u8; 16]);
    let b = GeneratedPassword::from_entropy(&[0xFFu8; 16]);
    assert_eq!(a.as_str(), "AAAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(b.as_str().len(), 22);
    assert_ne!(a, b);
    // Every input bit shows in the output: flipping any one changes it.
    for bit in 0..128 {
        let mut bytes = [0u8; 16];
        bytes[bit / 8] = 1 << (bit % 8);
        assert_ne!(GeneratedPassword::from_entropy(&bytes), a, "bit {bit}");
    }
    let p = GeneratedPassword::generate().unwrap();
    assert!(
        p.as_str()
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    );
    assert_ne!(p, GeneratedPassword::generate().unwrap());
    assert_eq!(format!("{p:?}"), "GeneratedPassword(*****)");
    // It is a valid domain authInfo, read back as written.
    let create = epp_codec::view::command::domain::Create::new("example.com", p.auth_info());
    let request = Request::new(Command::Domain(epp_codec::view::DomainCommand::Create(
        create,
    )));
    let xml = to_vec(&request, &WriteOptions::new()).unwrap();
    let read = read_command(&xml).unwrap();
    let Command::Domain(epp_codec::view::DomainCommand::Create(c)) = read.command() else {
        panic!()
    };
    assert_eq!(c.auth_info(), p.auth_info());
}
