//! Drivers for the extension benches: a domain create carrying secDNS-1.1,
//! fee-1.0 and launch-1.0 (with a full RFC 7848 mark), and a domain info
//! response carrying secDNS-1.1, rgp-1.0 and launch-1.0 (with the same
//! mark); each read with epp-codec's typed views and walked with roxmltree
//! for the same fields.
//!
//! Both drivers sum the same things: numbers (key tags, algorithms, …)
//! parsed and added, text fields and attributes by their length after
//! unescaping, so [`extract_epp_codec`] and [`extract_roxmltree`] agree on
//! each input, which the benches assert before timing.

use std::hint::black_box;

use crate::corpus_dir;

const SEC_DNS: &str = "urn:ietf:params:xml:ns:secDNS-1.1";
const FEE: &str = "urn:ietf:params:xml:ns:epp:fee-1.0";
const LAUNCH: &str = "urn:ietf:params:xml:ns:launch-1.0";
const MARK: &str = "urn:ietf:params:xml:ns:mark-1.0";
const RGP: &str = "urn:ietf:params:xml:ns:rgp-1.0";

fn corpus_text(rel: &str) -> String {
    std::fs::read_to_string(corpus_dir().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// The `<mark:mark>` of RFC 7848's signed mark example.
fn rfc7848_mark() -> String {
    let smd = corpus_text("ext/examples/7848/001-D-s2.3.xml");
    let at = smd.find("<mark:mark").expect("a mark");
    let end = smd.find("</mark:mark>").expect("a mark") + "</mark:mark>".len();
    smd[at..end].to_string()
}

fn ds_data(key_tag: u16) -> String {
    format!(
        "<secDNS:dsData><secDNS:keyTag>{key_tag}</secDNS:keyTag><secDNS:alg>8</secDNS:alg>\
         <secDNS:digestType>2</secDNS:digestType>\
         <secDNS:digest>49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC1234</secDNS:digest>\
         <secDNS:keyData><secDNS:flags>257</secDNS:flags><secDNS:protocol>3</secDNS:protocol>\
         <secDNS:alg>8</secDNS:alg><secDNS:pubKey>AwEAAcFcGsaxxdgiuuGmCkVImy4h99CqT7jwY3pexPGcnUFtR2Fh36BponcwtkZ4cAgtvd4Qs8PkxUdp6p/DlUmObdk=</secDNS:pubKey>\
         </secDNS:keyData></secDNS:dsData>"
    )
}

/// RFC 5731's domain create (§3.2.1) with secDNS-1.1 (`maxSigLife`, two DS
/// records with their keys), fee-1.0 (currency, two fees) and launch-1.0 (a
/// sunrise application with a code and RFC 7848's full mark).
pub fn heavy_create_command() -> String {
    let create = corpus_text("rfc/5731/009-C-s3.2.1.xml");
    let extension = format!(
        r#"<extension>
      <secDNS:create xmlns:secDNS="{SEC_DNS}"><secDNS:maxSigLife>604800</secDNS:maxSigLife>{}{}</secDNS:create>
      <fee:create xmlns:fee="{FEE}"><fee:currency>USD</fee:currency>
        <fee:fee description="Registration Fee" refundable="1" grace-period="P5D">5.00</fee:fee>
        <fee:fee description="Application Fee" refundable="0">100.00</fee:fee></fee:create>
      <launch:create xmlns:launch="{LAUNCH}" type="application"><launch:phase>sunrise</launch:phase>
        <launch:codeMark><launch:code validatorID="sample">49FD46E6C4B45C55D4AC</launch:code>
        {}</launch:codeMark></launch:create>
    </extension>
    "#,
        ds_data(12345),
        ds_data(54321),
        rfc7848_mark()
    );
    let at = create.find("<clTRID>").expect("a clTRID");
    format!("{}{extension}{}", &create[..at], &create[at..])
}

/// RFC 5731's domain info response (§3.1.2) with secDNS-1.1 (two DS records
/// with their keys), rgp-1.0 (two statuses) and launch-1.0 (phase,
/// application, status and RFC 7848's full mark).
pub fn heavy_info_response() -> String {
    let info = corpus_text("rfc/5731/005-S-s3.1.2.xml");
    let extension = format!(
        r#"<extension>
      <secDNS:infData xmlns:secDNS="{SEC_DNS}"><secDNS:maxSigLife>604800</secDNS:maxSigLife>{}{}</secDNS:infData>
      <rgp:infData xmlns:rgp="{RGP}"><rgp:rgpStatus s="addPeriod"/><rgp:rgpStatus s="renewPeriod"/></rgp:infData>
      <launch:infData xmlns:launch="{LAUNCH}"><launch:phase>sunrise</launch:phase>
        <launch:applicationID>abc123</launch:applicationID><launch:status s="pendingValidation"/>
        {}</launch:infData>
    </extension>
    "#,
        ds_data(12345),
        ds_data(54321),
        rfc7848_mark()
    );
    let at = info.find("<trID>").expect("a trID");
    format!("{}{extension}{}", &info[..at], &info[at..])
}

// ---------------------------------------------------------------------------
// roxmltree
// ---------------------------------------------------------------------------

/// Elements whose text is a number, summed.
const NUMBERS: &[(&str, &str)] = &[
    (SEC_DNS, "maxSigLife"),
    (SEC_DNS, "keyTag"),
    (SEC_DNS, "alg"),
    (SEC_DNS, "digestType"),
    (SEC_DNS, "flags"),
    (SEC_DNS, "protocol"),
];

/// Elements whose text is counted by length.
const TEXTS: &[(&str, &str)] = &[
    (SEC_DNS, "digest"),
    (SEC_DNS, "pubKey"),
    (FEE, "currency"),
    (FEE, "fee"),
    (LAUNCH, "phase"),
    (LAUNCH, "code"),
    (LAUNCH, "applicationID"),
    (MARK, "id"),
    (MARK, "markName"),
    (MARK, "name"),
    (MARK, "org"),
    (MARK, "street"),
    (MARK, "city"),
    (MARK, "sp"),
    (MARK, "pc"),
    (MARK, "cc"),
    (MARK, "voice"),
    (MARK, "fax"),
    (MARK, "email"),
    (MARK, "jurisdiction"),
    (MARK, "class"),
    (MARK, "label"),
    (MARK, "goodsAndServices"),
    (MARK, "regNum"),
    (MARK, "regDate"),
];

/// Attributes counted by length.
const ATTRIBUTES: &[(&str, &str, &str)] = &[
    (FEE, "fee", "description"),
    (LAUNCH, "code", "validatorID"),
    (LAUNCH, "status", "s"),
    (MARK, "holder", "entitlement"),
    (MARK, "contact", "type"),
    (RGP, "rgpStatus", "s"),
];

/// roxmltree: parse the tree, then walk it for every extension field.
///
/// # Panics
///
/// On a parse error.
#[inline(never)]
pub fn extract_roxmltree(doc: &str) -> usize {
    let d = roxmltree::Document::parse(doc).expect("roxmltree error");
    let mut sum = 0;
    for node in d.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name();
        let Some(ns) = name.namespace() else { continue };
        let key = (ns, name.name());
        if NUMBERS.contains(&key) {
            let text = node.text().unwrap_or("").trim();
            sum += text.parse::<usize>().expect("a number");
        } else if TEXTS.contains(&key) {
            sum += node.text().map_or(0, |t| t.trim().len());
        }
        for &(a_ns, element, attribute) in ATTRIBUTES {
            if a_ns == ns && element == name.name() {
                sum += node.attribute(attribute).map_or(0, str::len);
            }
        }
    }
    black_box(sum)
}

// ---------------------------------------------------------------------------
// epp-codec
// ---------------------------------------------------------------------------

fn str_len(s: epp_codec::view::Str<'_>) -> usize {
    match s.as_plain() {
        Some(plain) => plain.len(),
        None => s.chars().map(char::len_utf8).sum(),
    }
}

fn opt_len(s: Option<epp_codec::view::Str<'_>>) -> usize {
    s.map_or(0, str_len)
}

fn sec_dns_sum(d: &epp_codec::view::ext::SecDnsData<'_>) -> usize {
    let mut sum = d.max_sig_life().map_or(0, |n| n as usize);
    for ds in d.ds_data().iter() {
        sum += usize::from(ds.key_tag().unwrap_or(0))
            + usize::from(ds.alg().unwrap_or(0))
            + usize::from(ds.digest_type().unwrap_or(0))
            + str_len(ds.digest());
        if let Some(key) = ds.key_data() {
            sum += usize::from(key.flags().unwrap_or(0))
                + usize::from(key.protocol().unwrap_or(0))
                + usize::from(key.alg().unwrap_or(0))
                + str_len(key.public_key());
        }
    }
    sum
}

fn mark_sum(mark: &epp_codec::view::ext::Mark<'_>) -> usize {
    let mut sum = 0;
    for record in mark
        .trademarks
        .iter()
        .chain(mark.treaties_or_statutes.iter())
        .chain(mark.courts.iter())
    {
        sum += str_len(record.id) + str_len(record.mark_name);
        for party in record.holders.iter().chain(record.contacts.iter()) {
            sum += opt_len(party.role) + opt_len(party.name) + opt_len(party.org);
            let a = party.address;
            sum += a.street.iter().map(str_len).sum::<usize>()
                + str_len(a.city)
                + opt_len(a.sp)
                + opt_len(a.pc)
                + str_len(a.cc);
            sum += party.voice.map_or(0, |p| str_len(p.number()));
            sum += party.fax.map_or(0, |p| str_len(p.number()));
            sum += opt_len(party.email);
        }
        sum += opt_len(record.jurisdiction)
            + record.classes.iter().map(str_len).sum::<usize>()
            + record.labels.iter().map(str_len).sum::<usize>()
            + str_len(record.goods_and_services)
            + opt_len(record.registration_number)
            + opt_len(record.registration_date);
    }
    sum
}

/// epp-codec: read the command strictly (or the response tolerantly), then
/// every extension field through the typed views.
///
/// # Panics
///
/// When the payload is not one of this module's inputs.
#[inline(never)]
pub fn extract_epp_codec(doc: &[u8]) -> usize {
    use epp_codec::view::ext::{FeeExtension, Launch, LaunchData, LaunchMarks, SecDns};
    use epp_codec::view::{read_command, read_response};
    let mut sum = 0;
    if let Ok(request) = read_command(doc) {
        let x = request.extensions();
        if let Some(SecDns::Create(d)) = x.sec_dns() {
            sum += sec_dns_sum(&d);
        }
        if let Some(FeeExtension::Create(t)) = x.fee() {
            sum += opt_len(t.currency);
            for fee in t.fees.iter() {
                sum += str_len(fee.amount) + opt_len(fee.description);
            }
        }
        if let Some(Launch::Create(c)) = x.launch() {
            sum += str_len(c.phase.value);
            if let LaunchMarks::CodeMarks(marks) = c.marks {
                for m in marks.iter() {
                    if let Some(code) = m.code {
                        sum += str_len(code.value) + opt_len(code.validator_id);
                    }
                    if let Some(mark) = m.mark {
                        sum += mark_sum(&mark);
                    }
                }
            }
        }
        return black_box(sum);
    }
    let response = read_response(doc).expect("epp_codec: neither a command nor a response");
    let x = response.extensions();
    if let Some(d) = x.sec_dns_info() {
        sum += sec_dns_sum(&d);
    }
    if let Some(statuses) = x.rgp_statuses() {
        sum += statuses.iter().map(|s| str_len(s.raw)).sum::<usize>();
    }
    if let Some(LaunchData::InfoData(info)) = x.launch_data() {
        sum += str_len(info.phase.value) + opt_len(info.application_id);
        sum += info.status.map_or(0, |s| str_len(s.value));
        for mark in info.marks.iter() {
            sum += mark_sum(&mark);
        }
    }
    black_box(sum)
}
