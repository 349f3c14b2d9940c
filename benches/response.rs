//! Drivers for the response benches: epp-codec's tolerant views against
//! instant-epp (0.5), the Rust EPP client, parsing the same bytes the way
//! its own code does (`instant_xml::from_str` on an `<epp>` wrapper around
//! `instant_epp::response::Response<…>`; instant-epp keeps its own wrapper
//! private).

use std::hint::black_box;

use instant_epp::common::NoExtension;
use instant_epp::response::Response;
use instant_xml::FromXml;

/// The `<epp>` element around a response, as instant-epp declares it.
#[derive(FromXml)]
#[xml(rename = "epp", ns("urn:ietf:params:xml:ns:epp-1.0"))]
struct Epp<T> {
    data: T,
}

/// instant-epp: parse a `<domain:infData>` response into its owned types.
///
/// # Panics
///
/// When instant-epp cannot parse it.
#[inline(never)]
pub fn parse_instant_epp_domain_info(doc: &str) -> usize {
    let epp =
        instant_xml::from_str::<Epp<Response<instant_epp::domain::InfoData, NoExtension>>>(doc)
            .expect("instant-epp parse error");
    let data = epp.data.res_data.expect("resData").into_inner();
    black_box(&data);
    data.name.len() + epp.data.tr_ids.server_tr_id.len()
}

/// instant-epp: parse a `<domain:chkData>` response.
///
/// # Panics
///
/// When instant-epp cannot parse it.
#[inline(never)]
pub fn parse_instant_epp_domain_check(doc: &str) -> usize {
    let epp = instant_xml::from_str::<
        Epp<Response<instant_epp::domain::check::CheckData, NoExtension>>,
    >(doc)
    .expect("instant-epp parse error");
    let data = epp.data.res_data.expect("resData").into_inner();
    black_box(&data);
    data.list.len()
}

fn str_len(s: epp_codec::view::Str<'_>) -> usize {
    match s.as_plain() {
        Some(plain) => plain.len(),
        None => s.chars().map(char::len_utf8).sum(),
    }
}

/// epp-codec: read a greeting or response and touch every field of the
/// envelope and of the resData it carries.
///
/// # Panics
///
/// When the payload is not a greeting or response.
#[inline(never)]
pub fn read_epp_codec(doc: &[u8]) -> usize {
    use epp_codec::view::{ServerMessage, read_server_message};
    let mut sum = 0;
    match read_server_message(doc).expect("epp_codec response error") {
        ServerMessage::Response(r) => {
            for result in r.results().iter() {
                sum += usize::from(result.code().as_u16());
                sum += result.message().map_or(0, str_len);
                for v in result.values().iter() {
                    sum += v.content().len();
                }
            }
            if let Some(q) = r.message_queue() {
                sum += q.id().map_or(0, str_len) + q.count().unwrap_or(0) as usize;
            }
            for data in r.res_data().iter() {
                sum += data.local().len() + touch_res_data(data);
            }
            for ext in r.extensions().iter() {
                sum += ext.as_str().len();
            }
            sum += r.cl_trid().map_or(0, str_len) + str_len(r.sv_trid());
        }
        ServerMessage::Greeting(g) => {
            sum += g.server_id().map_or(0, str_len);
            sum += g.object_uris().iter().map(str_len).sum::<usize>();
        }
    }
    black_box(sum)
}

/// epp-codec: read a response of `<domain:panData>`s (see
/// [`crate::pending_response`]) and the transaction ids of each.
///
/// # Panics
///
/// When the payload is not a response.
#[inline(never)]
pub fn read_pending_transactions(doc: &[u8]) -> usize {
    use epp_codec::view::{DomainData, read_response};
    let response = read_response(doc).expect("epp_codec response error");
    let mut sum = 0;
    for data in response.res_data().iter() {
        if let Some(DomainData::Pending(pending)) = DomainData::from_raw(data) {
            if let Some(tr) = pending.transaction() {
                sum += tr.cl_trid.map_or(0, str_len) + tr.sv_trid.map_or(0, str_len);
            }
        }
    }
    black_box(sum)
}

/// Every field of the typed resData views (domain, host, contact) — the
/// raw element where none applies.
fn touch_res_data(data: epp_codec::view::RawElement<'_>) -> usize {
    use epp_codec::view::command::domain::NameServers;
    use epp_codec::view::{ContactData, DomainData, HostData};
    let opt = |s: Option<epp_codec::view::Str<'_>>| s.map_or(0, str_len);
    let date = |t: Option<epp_codec::view::response::object::Timestamp<'_>>| {
        t.and_then(|t| t.parsed())
            .map_or(0, |d| usize::from(d.second) + 1)
    };
    let mut sum = 0;
    match DomainData::from_raw(data) {
        Some(DomainData::Info(i)) => {
            sum += opt(i.name()) + opt(i.roid()) + opt(i.registrant());
            for st in i.statuses().iter() {
                sum += str_len(st.raw()) + st.value().map_or(0, |v| v.as_str().len());
            }
            for c in i.contacts().iter() {
                sum += str_len(c.id()) + c.type_raw().map_or(0, str_len);
            }
            match i.ns() {
                Some(NameServers::HostObjs(h)) => sum += h.iter().map(str_len).sum::<usize>(),
                Some(NameServers::HostAttrs(h)) => {
                    for a in h.iter() {
                        sum += str_len(a.name()) + a.addresses().len();
                    }
                }
                _ => {}
            }
            sum += i.hosts().iter().map(str_len).sum::<usize>();
            sum += opt(i.client_id()) + opt(i.creator_id()) + opt(i.updater_id());
            sum +=
                date(i.created()) + date(i.updated()) + date(i.expires()) + date(i.transferred());
            sum += opt(i.password());
        }
        Some(DomainData::Check(list)) => {
            for cd in list.iter() {
                sum += opt(cd.name())
                    + usize::from(cd.available().unwrap_or(false))
                    + opt(cd.reason());
            }
        }
        Some(_) => sum += 1,
        None if HostData::from_raw(data).is_some() || ContactData::from_raw(data).is_some() => {
            sum += 1
        }
        None => sum += data.as_str().len(),
    }
    sum
}
