//! Session conformance (RFC 5730-5734): the greeting, login rules, every
//! object command of the in-memory registry with its status and
//! association rules, transfers with poll messages, pipelining, logout,
//! timeouts, TLS versions and client certificates.

mod common;

use std::time::Duration;

use common::*;
use epp_codec::view::{ResultCode, read_greeting};
use epp_codec_session::client::Client;
use epp_codec_session::server::OBJECT_URIS;
use epp_codec_session::workload::mixed_commands;

const LOGIN_X: &str = r#"<login><clID>ClientX</clID><pw>foo-BAR2</pw><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"#;

fn login_with(client: &str, pw: &str, svcs: &str) -> String {
    format!(
        r#"<login><clID>{client}</clID><pw>{pw}</pw><options><version>1.0</version><lang>en</lang></options><svcs>{svcs}</svcs></login>"#
    )
}

#[tokio::test]
async fn greeting_and_hello() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.connect().await;
    let g = c.greeting();
    assert_eq!(g.object_uris().len(), 3);
    assert!(g.versions().iter().any(|v| v.eq_str("1.0")));
    // <hello> is answered with a greeting, before and after login.
    let hello = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><hello/></epp>"#;
    for logged_in in [false, true] {
        bounded(c.send_raw(&frame(hello))).await.unwrap();
        let greeting = bounded(c.receive_frame()).await.unwrap().unwrap();
        let greeting = read_greeting(&greeting).unwrap();
        assert_eq!(greeting.object_uris().len(), 3);
        if !logged_in {
            expect(&mut c, LOGIN_X, 1000).await;
        }
    }
}

#[tokio::test]
async fn login_rules() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.connect().await;
    // Nothing but login (and hello, logout) before login.
    expect(&mut c, &format!(r#"<check><domain:check {DOMAIN}><domain:name>a.example</domain:name></domain:check></check>"#), 2002).await;
    expect(&mut c, r#"<poll op="req"/>"#, 2002).await;
    // Wrong password, unknown client.
    expect(
        &mut c,
        &login_with(
            "ClientX",
            "wrong-pw",
            "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>",
        ),
        2200,
    )
    .await;
    expect(
        &mut c,
        &login_with(
            "NoSuchClient",
            "foo-BAR2",
            "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>",
        ),
        2200,
    )
    .await;
    // A service the server does not offer: 2307 for an object, 2103 for an extension.
    expect(
        &mut c,
        &login_with(
            "ClientX",
            "foo-BAR2",
            "<objURI>urn:example:widget-1.0</objURI>",
        ),
        2307,
    )
    .await;
    expect(&mut c, &login_with("ClientX", "foo-BAR2", "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><svcExtension><extURI>urn:ietf:params:xml:ns:rgp-1.0</extURI></svcExtension>"), 2103).await;
    // A malformed login is answered by the strict reader (missing <pw>: 2003).
    expect(&mut c, r#"<login><clID>ClientX</clID><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"#, 2003).await;
    // Unsupported version.
    expect(&mut c, r#"<login><clID>ClientX</clID><pw>foo-BAR2</pw><options><version>2.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"#, 2100).await.to_string();
    expect(&mut c, LOGIN_X, 1000).await;
    // Twice is a use error.
    expect(&mut c, LOGIN_X, 2002).await;
    let reply = bounded(c.logout()).await.unwrap();
    assert_eq!(reply.code, ResultCode::SuccessEndingSession);
}

#[tokio::test]
async fn repeated_failed_logins_close_with_2501() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.connect().await;
    let bad = login_with(
        "ClientX",
        "nope-nope",
        "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>",
    );
    expect(&mut c, &bad, 2200).await;
    expect(&mut c, &bad, 2200).await;
    expect(&mut c, &bad, 2501).await;
    assert!(
        bounded(c.receive_frame()).await.unwrap().is_none(),
        "closed"
    );
}

#[tokio::test]
async fn a_login_past_the_session_limit_closes_with_2502() {
    let f = Fixture::start(|config| config.max_sessions_per_client = 2).await;
    let mut first = f.connect().await;
    expect(&mut first, LOGIN_X, 1000).await;
    let mut second = f.connect().await;
    expect(&mut second, LOGIN_X, 1000).await;
    // Another registrar is not counted against ClientX.
    let mut other = f.connect().await;
    expect(
        &mut other,
        &login_with(
            "ClientY",
            "bar-FOO2",
            "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>",
        ),
        1000,
    )
    .await;
    let mut third = f.connect().await;
    expect(&mut third, LOGIN_X, 2502).await;
    assert!(
        bounded(third.receive_frame()).await.unwrap().is_none(),
        "closed"
    );
    // A session that ends frees its slot.
    bounded(first.logout()).await.unwrap();
    let mut fourth = f.connect().await;
    for _ in 0..50 {
        // The server frees the slot when the first session's task ends,
        // just after it answered the logout.
        if send(&mut fourth, LOGIN_X).await.code.as_u16() == 1000 {
            return;
        }
        fourth = f.connect().await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the slot of a logged-out session was not freed");
}

#[tokio::test]
async fn new_password_at_login() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.connect().await;
    expect(&mut c, r#"<login><clID>ClientY</clID><pw>bar-FOO2</pw><newPW>new-PW-123</newPW><options><version>1.0</version><lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login>"#, 1000).await;
    bounded(c.logout()).await.unwrap();
    let mut c = f.connect().await;
    expect(
        &mut c,
        &login_with(
            "ClientY",
            "bar-FOO2",
            "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>",
        ),
        2200,
    )
    .await;
    expect(
        &mut c,
        &login_with(
            "ClientY",
            "new-PW-123",
            "<objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>",
        ),
        1000,
    )
    .await;
}

#[tokio::test]
async fn bad_commands_get_the_strict_readers_answer() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.login("ClientX").await;
    // Missing name: 2003. Bad period unit: 2005 or 2004. Unknown element: 2001.
    expect(
        &mut c,
        &format!(r#"<check><domain:check {DOMAIN}/></check>"#),
        2003,
    )
    .await;
    let text = expect(&mut c, &format!(r#"<check><domain:check {DOMAIN}><domain:name>a.example</domain:name><domain:bogus/></domain:check></check>"#), 2001).await;
    assert!(text.contains("<extValue>"), "{text}");
    let reply = send(
        &mut c,
        &domain_create("p.example", r#"<domain:period unit="d">1</domain:period>"#),
    )
    .await;
    assert!(
        matches!(reply.code.as_u16(), 2004 | 2005),
        "{}",
        reply.text()
    );
    // An unimplemented command (renew of a host): 2000/2001/2101 from the reader.
    let reply = send(
        &mut c,
        &format!(
            r#"<renew><host:renew {HOST}><host:name>ns.example</host:name></host:renew></renew>"#
        ),
    )
    .await;
    assert!(reply.code.as_u16() >= 2000, "{}", reply.text());
    // Not XML at all, in a valid frame: 2001, and the session goes on.
    bounded(c.send_raw(&frame("this is not XML")))
        .await
        .unwrap();
    let reply = bounded(c.receive()).await.unwrap();
    assert_eq!(reply.code.as_u16(), 2001, "{}", reply.text());
    expect(&mut c, &format!(r#"<check><domain:check {DOMAIN}><domain:name>a.example</domain:name></domain:check></check>"#), 1000).await;
}

#[tokio::test]
async fn domain_lifecycle_and_status_rules() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.login("ClientX").await;
    let check = format!(
        r#"<check><domain:check {DOMAIN}><domain:name>example.com</domain:name><domain:name>example.net</domain:name></domain:check></check>"#
    );
    let text = expect(&mut c, &check, 1000).await;
    assert_eq!(text.matches(r#"avail="1""#).count(), 2, "{text}");
    expect(&mut c, &contact_create("jd1234"), 1000).await;
    expect(&mut c, &contact_create("sh8013"), 1000).await;
    expect(&mut c, &host_create("ns1.example.net", ""), 1000).await;
    // A referenced host or contact must exist.
    expect(
        &mut c,
        &domain_create(
            "example.com",
            r#"<domain:ns><domain:hostObj>ns9.example.net</domain:hostObj></domain:ns>"#,
        ),
        2305,
    )
    .await;
    expect(
        &mut c,
        &domain_create(
            "example.com",
            "<domain:registrant>nobody</domain:registrant>",
        ),
        2303,
    )
    .await;
    let text = expect(&mut c, &domain_create("example.com", r#"<domain:period unit="y">2</domain:period><domain:ns><domain:hostObj>ns1.example.net</domain:hostObj></domain:ns><domain:registrant>jd1234</domain:registrant><domain:contact type="admin">sh8013</domain:contact><domain:contact type="tech">sh8013</domain:contact>"#), 1000).await;
    let expires = field(&text, "domain:exDate").unwrap().to_owned();
    expect(&mut c, &domain_create("example.com", ""), 2302).await;
    expect(
        &mut c,
        &domain_create(
            "toolong.com",
            r#"<domain:period unit="y">11</domain:period>"#,
        ),
        2306,
    )
    .await;
    let text = expect(&mut c, &check, 1000).await;
    assert_eq!(text.matches(r#"avail="0""#).count(), 1, "{text}");
    let info = format!(
        r#"<info><domain:info {DOMAIN}><domain:name hosts="all">example.com</domain:name></domain:info></info>"#
    );
    let text = expect(&mut c, &info, 1000).await;
    for part in [
        "<domain:roid>",
        "<domain:hostObj>ns1.example.net</domain:hostObj>",
        "<domain:registrant>jd1234</domain:registrant>",
        r#"<domain:contact type="admin">sh8013</domain:contact>"#,
        "<domain:clID>ClientX</domain:clID>",
        "<domain:pw>2fooBAR</domain:pw>",
        r#"s="ok""#,
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert_eq!(field(&text, "domain:exDate"), Some(expires.as_str()));
    // Another registrar sees nothing without the authInfo.
    let mut y = f.login("ClientY").await;
    expect(&mut y, &info, 2201).await;
    expect(&mut y, &format!(r#"<info><domain:info {DOMAIN}><domain:name>example.com</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:info></info>"#), 1000).await;
    expect(&mut y, &format!(r#"<delete><domain:delete {DOMAIN}><domain:name>example.com</domain:name></domain:delete></delete>"#), 2201).await;

    // Renew: the current expiry date must match.
    let renew = |date: &str| {
        format!(
            r#"<renew><domain:renew {DOMAIN}><domain:name>example.com</domain:name><domain:curExpDate>{date}</domain:curExpDate><domain:period unit="y">1</domain:period></domain:renew></renew>"#
        )
    };
    expect(&mut c, &renew("2000-04-03"), 2306).await;
    let text = expect(&mut c, &renew(&expires[..10]), 1000).await;
    let renewed = field(&text, "domain:exDate").unwrap();
    assert_eq!(
        renewed[..4].parse::<u32>().unwrap(),
        expires[..4].parse::<u32>().unwrap() + 1
    );

    // Status rules: clientUpdateProhibited, clientDeleteProhibited, clientRenewProhibited.
    let update = |body: &str| {
        format!(
            r#"<update><domain:update {DOMAIN}><domain:name>example.com</domain:name>{body}</domain:update></update>"#
        )
    };
    expect(&mut c, &update(r#"<domain:add><domain:status s="clientDeleteProhibited"/><domain:status s="clientRenewProhibited"/></domain:add>"#), 1000).await;
    expect(
        &mut c,
        &update(r#"<domain:add><domain:status s="serverHold"/></domain:add>"#),
        2306,
    )
    .await;
    let delete = format!(
        r#"<delete><domain:delete {DOMAIN}><domain:name>example.com</domain:name></domain:delete></delete>"#
    );
    expect(&mut c, &delete, 2304).await;
    let renewed = renewed.to_owned();
    expect(&mut c, &renew(&renewed[..10]), 2304).await;
    expect(
        &mut c,
        &update(r#"<domain:add><domain:status s="clientUpdateProhibited"/></domain:add>"#),
        1000,
    )
    .await;
    expect(&mut c, &update(r#"<domain:chg><domain:authInfo><domain:pw>newPW-1</domain:pw></domain:authInfo></domain:chg>"#), 2304).await;
    // Removing clientUpdateProhibited in the same update is allowed.
    expect(&mut c, &update(r#"<domain:rem><domain:status s="clientUpdateProhibited"/><domain:status s="clientDeleteProhibited"/><domain:status s="clientRenewProhibited"/></domain:rem><domain:chg><domain:registrant>sh8013</domain:registrant></domain:chg>"#), 1000).await;
    let text = expect(&mut c, &info, 1000).await;
    assert!(
        text.contains("<domain:registrant>sh8013</domain:registrant>"),
        "{text}"
    );
    assert!(
        text.contains("<domain:upID>ClientX</domain:upID>"),
        "{text}"
    );

    // Linked objects cannot go; a subordinate host blocks the domain's delete.
    expect(&mut c, &format!(r#"<delete><host:delete {HOST}><host:name>ns1.example.net</host:name></host:delete></delete>"#), 2305).await;
    expect(&mut c, &format!(r#"<delete><contact:delete {CONTACT}><contact:id>sh8013</contact:id></contact:delete></delete>"#), 2305).await;
    expect(
        &mut c,
        &host_create(
            "ns1.example.com",
            r#"<host:addr ip="v4">192.0.2.2</host:addr>"#,
        ),
        1000,
    )
    .await;
    expect(&mut c, &delete, 2305).await;
    expect(&mut c, &format!(r#"<delete><host:delete {HOST}><host:name>ns1.example.com</host:name></host:delete></delete>"#), 1000).await;
    expect(&mut c, &delete, 1000).await;
    expect(&mut c, &delete, 2303).await;
    expect(&mut c, &info, 2303).await;
    // Now the host is no longer linked.
    expect(&mut c, &format!(r#"<delete><host:delete {HOST}><host:name>ns1.example.net</host:name></host:delete></delete>"#), 1000).await;
}

#[tokio::test]
async fn transfers_and_poll_messages() {
    let f = Fixture::start(|_| {}).await;
    let mut x = f.login("ClientX").await;
    let mut y = f.login("ClientY").await;
    expect(&mut x, &domain_create("example.com", ""), 1000).await;
    let transfer = |op: &str, pw: &str| {
        let auth = if pw.is_empty() {
            String::new()
        } else {
            format!("<domain:authInfo><domain:pw>{pw}</domain:pw></domain:authInfo>")
        };
        format!(
            r#"<transfer op="{op}"><domain:transfer {DOMAIN}><domain:name>example.com</domain:name>{auth}</domain:transfer></transfer>"#
        )
    };
    expect(&mut x, &transfer("query", ""), 2301).await;
    expect(&mut y, &transfer("request", "wrong"), 2202).await;
    expect(&mut x, &transfer("request", "2fooBAR"), 2106).await;
    let text = expect(&mut y, &transfer("request", "2fooBAR"), 1001).await;
    assert!(
        text.contains("<domain:trStatus>pending</domain:trStatus>"),
        "{text}"
    );
    assert!(
        text.contains("<domain:reID>ClientY</domain:reID>"),
        "{text}"
    );
    assert!(
        text.contains("<domain:acID>ClientX</domain:acID>"),
        "{text}"
    );
    expect(&mut y, &transfer("request", "2fooBAR"), 2300).await;
    let text = expect(&mut x, &transfer("query", ""), 1000).await;
    assert!(text.contains("pending"), "{text}");
    // The losing registrar has a poll message.
    let text = expect(&mut x, r#"<poll op="req"/>"#, 1301).await;
    assert!(text.contains(r#"<msgQ count="1" id="#), "{text}");
    assert!(text.contains("Transfer requested."), "{text}");
    let id = text
        .split(r#"id=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    expect(&mut x, r#"<poll op="ack" msgID="999"/>"#, 2303).await;
    expect(&mut x, &format!(r#"<poll op="ack" msgID="{id}"/>"#), 1000).await;
    expect(&mut x, r#"<poll op="req"/>"#, 1300).await;
    // Only the sponsor approves or rejects; only the requester cancels.
    expect(&mut y, &transfer("approve", ""), 2201).await;
    expect(&mut x, &transfer("cancel", ""), 2201).await;
    expect(&mut x, &transfer("reject", ""), 1000).await;
    let text = expect(&mut y, r#"<poll op="req"/>"#, 1301).await;
    assert!(text.contains("clientRejected"), "{text}");
    expect(&mut y, &transfer("approve", ""), 2301).await;
    // Again: requested, cancelled.
    expect(&mut y, &transfer("request", "2fooBAR"), 1001).await;
    expect(&mut y, &transfer("cancel", ""), 1000).await;
    // Again: requested, approved, the sponsor changes and the expiry moves a year.
    expect(&mut y, &transfer("request", "2fooBAR"), 1001).await;
    let info = format!(
        r#"<info><domain:info {DOMAIN}><domain:name>example.com</domain:name></domain:info></info>"#
    );
    let before = expect(&mut x, &info, 1000).await;
    assert!(before.contains(r#"s="pendingTransfer""#), "{before}");
    // pendingTransfer and clientTransferProhibited never stand together
    // (RFC 5731 §2.3): the sponsor may not add the second mid-transfer.
    let prohibit = format!(
        r#"<update><domain:update {DOMAIN}><domain:name>example.com</domain:name><domain:add><domain:status s="clientTransferProhibited"/></domain:add></domain:update></update>"#
    );
    expect(&mut x, &prohibit, 2304).await;
    let still = expect(&mut x, &info, 1000).await;
    assert!(!still.contains("clientTransferProhibited"), "{still}");
    let text = expect(&mut x, &transfer("approve", ""), 1000).await;
    assert!(text.contains("clientApproved"), "{text}");
    let after = expect(&mut y, &info, 1000).await;
    assert!(
        after.contains("<domain:clID>ClientY</domain:clID>"),
        "{after}"
    );
    assert!(after.contains("<domain:trDate>"), "{after}");
    let year = |t: &str| {
        field(t, "domain:exDate").unwrap()[..4]
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(year(&after), year(&before) + 1);
    expect(&mut x, &info, 2201).await;
    // clientTransferProhibited stops the next one.
    expect(&mut y, &format!(r#"<update><domain:update {DOMAIN}><domain:name>example.com</domain:name><domain:add><domain:status s="clientTransferProhibited"/></domain:add></domain:update></update>"#), 1000).await;
    expect(&mut x, &transfer("request", "2fooBAR"), 2304).await;
}

#[tokio::test]
async fn host_commands() {
    let f = Fixture::start(|_| {}).await;
    let mut x = f.login("ClientX").await;
    let mut y = f.login("ClientY").await;
    expect(&mut x, &domain_create("example.com", ""), 1000).await;
    // In-zone hosts need an address and the superordinate's sponsor; external ones take none.
    expect(&mut x, &host_create("ns1.example.com", ""), 2003).await;
    expect(
        &mut y,
        &host_create(
            "ns1.example.com",
            r#"<host:addr ip="v4">192.0.2.2</host:addr>"#,
        ),
        2201,
    )
    .await;
    expect(
        &mut x,
        &host_create(
            "ns1.example.net",
            r#"<host:addr ip="v4">192.0.2.2</host:addr>"#,
        ),
        2306,
    )
    .await;
    expect(
        &mut x,
        &host_create(
            "ns1.example.com",
            r#"<host:addr ip="v4">192.0.2.2</host:addr><host:addr ip="v6">2001:db8::1</host:addr>"#,
        ),
        1000,
    )
    .await;
    expect(
        &mut x,
        &host_create(
            "ns1.example.com",
            r#"<host:addr ip="v4">192.0.2.2</host:addr>"#,
        ),
        2302,
    )
    .await;
    let text = expect(&mut x, &format!(r#"<check><host:check {HOST}><host:name>ns1.example.com</host:name><host:name>ns2.example.com</host:name></host:check></check>"#), 1000).await;
    assert!(
        text.contains(r#"avail="0""#) && text.contains(r#"avail="1""#),
        "{text}"
    );
    let info = format!(
        r#"<info><host:info {HOST}><host:name>ns1.example.com</host:name></host:info></info>"#
    );
    let text = expect(&mut x, &info, 1000).await;
    assert!(
        text.contains(r#"<host:addr ip="v6">2001:db8::1</host:addr>"#),
        "{text}"
    );
    assert!(text.contains(r#"s="ok""#), "{text}");
    let update = |body: &str| {
        format!(
            r#"<update><host:update {HOST}><host:name>ns1.example.com</host:name>{body}</host:update></update>"#
        )
    };
    expect(
        &mut y,
        &update(r#"<host:add><host:addr ip="v4">192.0.2.29</host:addr></host:add>"#),
        2201,
    )
    .await;
    expect(&mut x, &update(r#"<host:add><host:addr ip="v4">192.0.2.29</host:addr><host:status s="clientDeleteProhibited"/></host:add><host:rem><host:addr ip="v6">2001:db8::1</host:addr></host:rem>"#), 1000).await;
    let text = expect(&mut x, &info, 1000).await;
    assert!(
        text.contains("192.0.2.29") && !text.contains("2001:db8::1"),
        "{text}"
    );
    expect(&mut x, &format!(r#"<delete><host:delete {HOST}><host:name>ns1.example.com</host:name></host:delete></delete>"#), 2304).await;
    expect(&mut x, &update(r#"<host:rem><host:status s="clientDeleteProhibited"/></host:rem><host:chg><host:name>ns2.example.com</host:name></host:chg>"#), 1000).await;
    expect(&mut x, &info, 2303).await;
    // Linked: used by a domain, the host shows it and cannot be deleted.
    expect(
        &mut x,
        &domain_create(
            "example.org",
            r#"<domain:ns><domain:hostObj>ns2.example.com</domain:hostObj></domain:ns>"#,
        ),
        1000,
    )
    .await;
    let text = expect(
        &mut x,
        &format!(
            r#"<info><host:info {HOST}><host:name>ns2.example.com</host:name></host:info></info>"#
        ),
        1000,
    )
    .await;
    assert!(text.contains(r#"s="linked""#), "{text}");
    expect(&mut x, &format!(r#"<delete><host:delete {HOST}><host:name>ns2.example.com</host:name></host:delete></delete>"#), 2305).await;
}

#[tokio::test]
async fn contact_commands() {
    let f = Fixture::start(|_| {}).await;
    let mut x = f.login("ClientX").await;
    let mut y = f.login("ClientY").await;
    expect(&mut x, &contact_create("sh8013"), 1000).await;
    expect(&mut x, &contact_create("sh8013"), 2302).await;
    let text = expect(&mut x, &format!(r#"<check><contact:check {CONTACT}><contact:id>sh8013</contact:id><contact:id>8013sah</contact:id></contact:check></check>"#), 1000).await;
    assert!(
        text.contains(r#"avail="0""#) && text.contains(r#"avail="1""#),
        "{text}"
    );
    let info = format!(
        r#"<info><contact:info {CONTACT}><contact:id>sh8013</contact:id></contact:info></info>"#
    );
    let text = expect(&mut x, &info, 1000).await;
    for part in [
        "<contact:name>John Doe</contact:name>",
        "<contact:org>Example Inc.</contact:org>",
        "<contact:city>Dulles</contact:city>",
        "<contact:cc>US</contact:cc>",
        "<contact:voice>+1.7035555555</contact:voice>",
        "<contact:email>jdoe@example.com</contact:email>",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    expect(&mut y, &info, 2201).await;
    let update = |body: &str| {
        format!(
            r#"<update><contact:update {CONTACT}><contact:id>sh8013</contact:id>{body}</contact:update></update>"#
        )
    };
    expect(
        &mut x,
        &update(r#"<contact:chg><contact:email>new@example.com</contact:email></contact:chg>"#),
        1000,
    )
    .await;
    let text = expect(&mut x, &info, 1000).await;
    assert!(text.contains("new@example.com"), "{text}");
    expect(
        &mut x,
        &update(r#"<contact:add><contact:status s="clientDeleteProhibited"/></contact:add>"#),
        1000,
    )
    .await;
    let delete = format!(
        r#"<delete><contact:delete {CONTACT}><contact:id>sh8013</contact:id></contact:delete></delete>"#
    );
    expect(&mut x, &delete, 2304).await;
    expect(
        &mut x,
        &update(r#"<contact:rem><contact:status s="clientDeleteProhibited"/></contact:rem>"#),
        1000,
    )
    .await;
    // Contact transfer: request by Y, approve by X.
    let transfer = |op: &str| {
        format!(
            r#"<transfer op="{op}"><contact:transfer {CONTACT}><contact:id>sh8013</contact:id><contact:authInfo><contact:pw>2fooBAR</contact:pw></contact:authInfo></contact:transfer></transfer>"#
        )
    };
    expect(&mut y, &transfer("request"), 1001).await;
    // Not mid-transfer (RFC 5733 §2.2).
    expect(
        &mut x,
        &update(r#"<contact:add><contact:status s="clientTransferProhibited"/></contact:add>"#),
        2304,
    )
    .await;
    expect(&mut x, &transfer("approve"), 1000).await;
    expect(&mut x, &delete, 2201).await;
    expect(&mut y, &delete, 1000).await;
    expect(&mut y, &info, 2303).await;
}

#[tokio::test]
async fn pipelined_commands_are_answered_in_order() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.login("ClientX").await;
    let (commands, ids) = mixed_commands(0, 400).unwrap();
    // All in one write: the server must answer each, in order.
    let all: Vec<u8> = commands.concat();
    bounded(c.send_raw(&all)).await.unwrap();
    for id in &ids {
        let reply = bounded(c.receive()).await.unwrap();
        assert_eq!(reply.cl_trid.as_deref(), Some(id.as_str()));
        assert_eq!(reply.code, ResultCode::Success, "{}", reply.text());
    }
    // And through the pipelining client with a window.
    let (commands, ids) = mixed_commands(1, 1000).unwrap();
    let report = bounded(c.pipeline(&commands, &ids, 32)).await.unwrap();
    assert!(report.codes.iter().all(|c| *c == Some(ResultCode::Success)));
    assert_eq!(report.latencies.len(), 1000);
}

#[tokio::test]
async fn logout_answers_1500_and_closes() {
    let f = Fixture::start(|_| {}).await;
    let mut c = f.login("ClientX").await;
    expect(&mut c, "<logout/>", 1500).await;
    assert!(bounded(c.receive_frame()).await.unwrap().is_none());
    // Logout before login too.
    let mut c = f.connect().await;
    expect(&mut c, "<logout/>", 1500).await;
    assert!(bounded(c.receive_frame()).await.unwrap().is_none());
}

#[tokio::test]
async fn idle_and_login_timeouts_close_the_session() {
    let f = Fixture::start(|config| {
        config.login_timeout = Duration::from_millis(300);
        config.idle_timeout = Duration::from_millis(600);
    })
    .await;
    // Connection hoarding: connected, never logged in, though active.
    let mut hoarder = f.connect().await;
    let started = std::time::Instant::now();
    let check = format!(
        r#"<check><domain:check {DOMAIN}><domain:name>a.example</domain:name></domain:check></check>"#
    );
    expect(&mut hoarder, &check, 2002).await;
    let reply = bounded(hoarder.receive()).await.unwrap();
    assert_eq!(reply.code.as_u16(), 2500, "{}", reply.text());
    assert!(reply.text().contains("login deadline"));
    assert!(bounded(hoarder.receive_frame()).await.unwrap().is_none());
    assert!(started.elapsed() < Duration::from_secs(5));
    // Idle after login.
    let mut idle = f.login("ClientX").await;
    expect(&mut idle, &check, 1000).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    expect(&mut idle, &check, 1000).await;
    let reply = bounded(idle.receive()).await.unwrap();
    assert_eq!(reply.code.as_u16(), 2500);
    assert!(reply.text().contains("idle timeout"));
    assert!(bounded(idle.receive_frame()).await.unwrap().is_none());
}

#[tokio::test]
async fn tls_versions_and_client_certificates() {
    let f = Fixture::start(|_| {}).await;
    for version in [&rustls::version::TLS12, &rustls::version::TLS13] {
        let tls = f.pki.client_config(false, &[version]).unwrap();
        let mut c = bounded(Client::connect(f.server.addr, tls, "127.0.0.1"))
            .await
            .unwrap();
        let login = bounded(c.login("ClientX", "foo-BAR2", &OBJECT_URIS, &[]))
            .await
            .unwrap();
        assert_eq!(login.code.as_u16(), 1000, "{}", login.text());
        let logout = bounded(c.logout()).await.unwrap();
        assert_eq!(logout.code.as_u16(), 1500, "{}", logout.text());
    }
    // A server that requires client certificates.
    let pki = epp_codec_session::tls::TestPki::generate().unwrap();
    let server = epp_codec_session::server::Server::bind(
        "127.0.0.1:0",
        epp_codec_session::server::ServerConfig::new(pki.server_config(true).unwrap()),
    )
    .await
    .unwrap()
    .spawn()
    .unwrap();
    let with_cert = pki.client_config(true, &[]).unwrap();
    let mut c = bounded(Client::connect(server.addr, with_cert, "127.0.0.1"))
        .await
        .unwrap();
    let login = bounded(c.login("ClientX", "foo-BAR2", &OBJECT_URIS, &[]))
        .await
        .unwrap();
    assert_eq!(login.code.as_u16(), 1000, "{}", login.text());
    let logout = bounded(c.logout()).await.unwrap();
    assert_eq!(logout.code.as_u16(), 1500, "{}", logout.text());
    let without = pki.client_config(false, &[]).unwrap();
    let refused = bounded(Client::connect(server.addr, without, "127.0.0.1")).await;
    assert!(refused.is_err(), "no client certificate, no session");
}
