//! An owned model of EPP messages, generated from `arbitrary` bytes, for
//! the round-trip property (`tests/write_arbitrary.rs` and the fuzz target
//! `write_model`): each model value is turned into the crate's borrowed
//! values, written, read back, and the fields compared with the model.
//!
//! Values are drawn from the set the schemas allow (lengths, patterns,
//! enumerations), with characters that need escaping mixed in where the
//! schema types allow any text, so every generated message must read back.

#![allow(dead_code, unreachable_pub)]

use std::net::IpAddr;

use arbitrary::{Result, Unstructured};
use epp_codec::view::command::contact::{
    self, ContactCommand, Disclose, IntLoc, Phone, PostalInfo, PostalInfoType, Street,
};
use epp_codec::view::command::domain::{self, ContactType, DomainCommand, NameServers};
use epp_codec::view::command::host::{self, HostCommand};
use epp_codec::view::command::{Command, Login, Poll, Request};
use epp_codec::view::{AuthInfo, Period, PeriodUnit, Str, read_command};
use epp_codec::write::{WriteOptions, to_vec};

/// A token: `[a-z0-9-]`, `min..=max` characters.
fn token(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
    let n = u.int_in_range(min..=max)?;
    (0..n)
        .map(|_| Ok(char::from(*u.choose(ALPHABET)?)))
        .collect()
}

/// Free text (a normalizedString: no tab, CR or LF), with markup
/// characters and non-ASCII mixed in, `min..=max` characters, not
/// starting or ending with a space.
fn text(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
    const CHARS: &[char] = &[
        'a', 'Z', '0', ' ', '&', '<', '>', '"', '\'', 'é', '日', ';', '#',
    ];
    let n = u.int_in_range(min..=max)?;
    let mut s: String = (0..n)
        .map(|_| u.choose(CHARS).copied())
        .collect::<Result<_>>()?;
    if s.starts_with(' ') || s.ends_with(' ') {
        s = s.replace(' ', "x");
    }
    Ok(s)
}

fn domain_name(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(format!(
        "{}.{}",
        token(u, 1, 20)?,
        *u.choose(&["com", "net", "example"])?
    ))
}

fn password(u: &mut Unstructured<'_>) -> Result<String> {
    // 6–16 characters, any but white space at the ends.
    let mut s = text(u, 6, 16)?;
    s = s.replace(' ', "_");
    Ok(s)
}

fn ip(u: &mut Unstructured<'_>) -> Result<String> {
    let ip: IpAddr = if u.arbitrary()? {
        IpAddr::V4(u.arbitrary::<[u8; 4]>()?.into())
    } else {
        IpAddr::V6(u.arbitrary::<[u16; 8]>()?.into())
    };
    // The schema's addresses are 3–45 characters: "::" is too short.
    let text = ip.to_string();
    Ok(if text.len() < 3 {
        "::1".to_string()
    } else {
        text
    })
}

/// A command, owned.
#[derive(Debug, Clone)]
pub enum Model {
    Hello,
    Logout,
    PollRequest,
    PollAck(String),
    Login {
        client: String,
        password: String,
        new_password: Option<String>,
        objects: Vec<String>,
    },
    DomainCheck(Vec<String>),
    DomainCreate {
        name: String,
        period: Option<(u8, bool)>,
        hosts: Vec<String>,
        registrant: Option<String>,
        contacts: Vec<(String, u8)>,
        password: String,
    },
    DomainInfo {
        name: String,
        password: Option<String>,
    },
    HostCreate {
        name: String,
        addresses: Vec<String>,
    },
    ContactCreate {
        id: String,
        name: String,
        org: Option<String>,
        streets: Vec<String>,
        city: String,
        cc: String,
        voice: Option<(String, Option<String>)>,
        email: String,
        password: String,
        disclose: Option<(bool, bool, bool)>,
    },
}

impl<'a> arbitrary::Arbitrary<'a> for Model {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0..=9)? {
            0 => Model::Hello,
            1 => Model::Logout,
            2 => Model::PollRequest,
            3 => Model::PollAck(token(u, 1, 20)?),
            4 => Model::Login {
                client: token(u, 3, 16)?,
                password: password(u)?,
                new_password: if u.arbitrary()? {
                    Some(password(u)?)
                } else {
                    None
                },
                objects: (0..u.int_in_range(1..=3)?)
                    .map(|i| Ok(format!("urn:ietf:params:xml:ns:obj{i}-{}", token(u, 1, 4)?)))
                    .collect::<Result<_>>()?,
            },
            5 => Model::DomainCheck(
                (0..u.int_in_range(1..=5)?)
                    .map(|_| domain_name(u))
                    .collect::<Result<_>>()?,
            ),
            6 => Model::DomainCreate {
                name: domain_name(u)?,
                period: if u.arbitrary()? {
                    Some((u.int_in_range(1..=99)?, u.arbitrary()?))
                } else {
                    None
                },
                hosts: (0..u.int_in_range(0..=3)?)
                    .map(|_| domain_name(u))
                    .collect::<Result<_>>()?,
                registrant: if u.arbitrary()? {
                    Some(token(u, 3, 16)?)
                } else {
                    None
                },
                contacts: (0..u.int_in_range(0..=3)?)
                    .map(|_| Ok((token(u, 3, 16)?, u.int_in_range(0..=2)?)))
                    .collect::<Result<_>>()?,
                password: password(u)?,
            },
            7 => Model::DomainInfo {
                name: domain_name(u)?,
                password: if u.arbitrary()? {
                    Some(password(u)?)
                } else {
                    None
                },
            },
            8 => Model::HostCreate {
                name: domain_name(u)?,
                addresses: (0..u.int_in_range(0..=3)?)
                    .map(|_| ip(u))
                    .collect::<Result<_>>()?,
            },
            _ => Model::ContactCreate {
                id: token(u, 3, 16)?,
                name: text(u, 1, 30)?,
                org: if u.arbitrary()? {
                    Some(text(u, 1, 30)?)
                } else {
                    None
                },
                streets: (0..u.int_in_range(0..=3)?)
                    .map(|_| text(u, 1, 30))
                    .collect::<Result<_>>()?,
                city: text(u, 1, 20)?,
                cc: (*u.choose(&["US", "FR", "JP", "CA"])?).to_string(),
                voice: if u.arbitrary()? {
                    Some((
                        format!(
                            "+{}.{}",
                            u.int_in_range(1..=999)?,
                            u.int_in_range(1000u32..=999_999_999)?
                        ),
                        if u.arbitrary()? {
                            Some(u.int_in_range(1..=9999)?.to_string())
                        } else {
                            None
                        },
                    ))
                } else {
                    None
                },
                email: format!("{}@{}", token(u, 1, 10)?, domain_name(u)?),
                password: password(u)?,
                disclose: if u.arbitrary()? {
                    Some((u.arbitrary()?, u.arbitrary()?, u.arbitrary()?))
                } else {
                    None
                },
            },
        })
    }
}

const CONTACT_TYPES: [ContactType; 3] =
    [ContactType::Admin, ContactType::Billing, ContactType::Tech];

fn pw(password: &str) -> AuthInfo<'_> {
    AuthInfo::Password {
        password: Str::new(password),
        roid: None,
    }
}

/// Builds the crate's values for `model`, writes them with `options`, reads
/// the result back and checks every field; panics on any difference.
pub fn check_round_trip(model: &Model, options: &WriteOptions) {
    fn strs(v: &[String]) -> Vec<Str<'_>> {
        v.iter().map(|s| Str::new(s)).collect()
    }
    let objects;
    let names;
    let hosts;
    let contacts;
    let addresses;
    let streets;
    let infos;
    let command = match model {
        Model::Hello => Command::Hello,
        Model::Logout => Command::Logout,
        Model::PollRequest => Command::Poll(Poll::Request),
        Model::PollAck(id) => Command::Poll(Poll::Acknowledge {
            message_id: Str::new(id),
        }),
        Model::Login {
            client,
            password,
            new_password,
            objects: o,
        } => {
            objects = strs(o);
            let mut login = Login::new(client, password, &objects);
            if let Some(new) = new_password {
                login = login.with_new_password(new);
            }
            Command::Login(login)
        }
        Model::DomainCheck(n) => {
            names = strs(n);
            Command::Domain(DomainCommand::Check(domain::Check::new(&names)))
        }
        Model::DomainCreate {
            name,
            period,
            hosts: h,
            registrant,
            contacts: c,
            password,
        } => {
            hosts = strs(h);
            contacts = c
                .iter()
                .map(|(id, t)| domain::Contact::new(id, CONTACT_TYPES[*t as usize]))
                .collect::<Vec<_>>();
            let mut create = domain::Create::new(name, pw(password)).with_contacts(&contacts);
            if let Some((value, years)) = period {
                let unit = if *years {
                    PeriodUnit::Years
                } else {
                    PeriodUnit::Months
                };
                create = create.with_period(Period {
                    value: *value,
                    unit,
                });
            }
            if !hosts.is_empty() {
                create = create.with_name_servers(NameServers::objects(&hosts));
            }
            if let Some(r) = registrant {
                create = create.with_registrant(r);
            }
            Command::Domain(DomainCommand::Create(create))
        }
        Model::DomainInfo { name, password } => {
            let mut info = domain::Info::new(name);
            if let Some(p) = password {
                info = info.with_auth_info(pw(p));
            }
            Command::Domain(DomainCommand::Info(info))
        }
        Model::HostCreate { name, addresses: a } => {
            addresses = a
                .iter()
                .map(|t| host::Address::parse(t).expect("a generated address"))
                .collect::<Vec<_>>();
            Command::Host(HostCommand::Create(
                host::Create::new(name).with_addresses(&addresses),
            ))
        }
        Model::ContactCreate {
            id,
            name,
            org,
            streets: s,
            city,
            cc,
            voice,
            email,
            password,
            disclose,
        } => {
            streets = s.iter().map(|t| Street(Str::new(t))).collect::<Vec<_>>();
            let address = contact::Address::new(&streets, city, cc);
            let mut info = PostalInfo::new(PostalInfoType::Loc, name, address);
            if let Some(o) = org {
                info = info.with_org(o);
            }
            infos = [info];
            let mut create = contact::Create::new(id, &infos, email, pw(password));
            if let Some((number, x)) = voice {
                let mut phone = Phone::new(number);
                if let Some(x) = x {
                    phone = phone.with_extension(x);
                }
                create = create.with_voice(phone);
            }
            if let Some((flag, voice, email)) = disclose {
                let d = Disclose {
                    flag: *flag,
                    voice: *voice,
                    email: *email,
                    name: IntLoc {
                        int: false,
                        loc: true,
                    },
                    ..Disclose::default()
                };
                create = create.with_disclose(d);
            }
            Command::Contact(ContactCommand::Create(create))
        }
    };
    let request = Request::new(command).with_cl_trid("ABC-12345");
    let xml = to_vec(&request, options).expect("a generated command writes");
    let read = read_command(&xml).unwrap_or_else(|e| {
        panic!(
            "{model:?}\nwritten:\n{}\ndoes not read: {e}",
            String::from_utf8_lossy(&xml)
        )
    });
    let s = |v: Str<'_>| v.to_string();
    let same = match (model, read.command()) {
        (Model::Hello, Command::Hello) | (Model::Logout, Command::Logout) => true,
        (Model::PollRequest, Command::Poll(Poll::Request)) => true,
        (Model::PollAck(id), Command::Poll(Poll::Acknowledge { message_id })) => {
            s(*message_id) == *id
        }
        (
            Model::Login {
                client,
                password,
                new_password,
                objects,
            },
            Command::Login(l),
        ) => {
            s(l.client_id()) == *client
                && s(l.password()) == *password
                && l.new_password().map(s) == *new_password
                && l.object_uris().iter().map(s).collect::<Vec<_>>() == *objects
        }
        (Model::DomainCheck(names), Command::Domain(DomainCommand::Check(c))) => {
            c.names().iter().map(s).collect::<Vec<_>>() == *names
        }
        (
            Model::DomainCreate {
                name,
                period,
                hosts,
                registrant,
                contacts,
                password,
            },
            Command::Domain(DomainCommand::Create(c)),
        ) => {
            s(c.name()) == *name
                && c.period().map(|p| (p.value, p.unit == PeriodUnit::Years)) == *period
                && c.ns().map_or(vec![], |ns| {
                    ns.host_objs().iter().map(s).collect::<Vec<_>>()
                }) == *hosts
                && c.registrant().map(s) == *registrant
                && c.contacts()
                    .iter()
                    .map(|k| (s(k.id()), k.contact_type()))
                    .collect::<Vec<_>>()
                    == contacts
                        .iter()
                        .map(|(id, t)| (id.clone(), Some(CONTACT_TYPES[*t as usize])))
                        .collect::<Vec<_>>()
                && c.auth_info() == pw(password)
        }
        (Model::DomainInfo { name, password }, Command::Domain(DomainCommand::Info(i))) => {
            s(i.name()) == *name && i.auth_info() == password.as_deref().map(pw)
        }
        (Model::HostCreate { name, addresses }, Command::Host(HostCommand::Create(c))) => {
            s(c.name()) == *name
                && c.addresses().iter().map(|a| a.ip()).collect::<Vec<_>>()
                    == addresses
                        .iter()
                        .map(|a| Some(a.parse::<IpAddr>().unwrap()))
                        .collect::<Vec<_>>()
        }
        (
            Model::ContactCreate {
                id,
                name,
                org,
                streets,
                city,
                cc,
                voice,
                email,
                password,
                disclose,
            },
            Command::Contact(ContactCommand::Create(c)),
        ) => {
            let info = c.postal_infos().first().expect("postal info");
            let addr = info.address().expect("address");
            s(c.id()) == *id
                && info.name().map(s).as_deref() == Some(name.as_str())
                && info.org().map(s) == *org
                && addr.streets().iter().map(|st| s(st.0)).collect::<Vec<_>>() == *streets
                && s(addr.city()) == *city
                && s(addr.country_code()) == *cc
                && c.voice().map(|v| (s(v.number()), v.extension().map(s))) == *voice
                && s(c.email()) == *email
                && c.auth_info() == pw(password)
                && c.disclose().map(|d| (d.flag, d.voice, d.email)) == *disclose
        }
        _ => false,
    };
    assert!(
        same,
        "{model:?}\nread back as {:?}\nfrom:\n{}",
        read.command(),
        String::from_utf8_lossy(&xml)
    );
    // <hello> carries no transaction id.
    let expected = (!matches!(model, Model::Hello)).then_some("ABC-12345");
    assert_eq!(read.cl_trid().map(s).as_deref(), expected);
}

// ----- responses -----

use epp_codec::view::response::domain::DomainData;
use epp_codec::view::{ResultCode, read_response};
use epp_codec::write::{
    CheckResult, DomainResData, MessageQueueData, ResData, ResponseData, ResultData,
};

/// The result codes a generated response draws from: success, the
/// queue's, and failures of every class.
const RESULT_CODES: [u16; 10] = [1000, 1001, 1300, 1301, 1500, 2001, 2003, 2201, 2303, 2400];

/// One `<result>`: the code, its `<msg>` (`None`: the RFC's text for the
/// code) and the message's language.
#[derive(Debug, Clone)]
pub struct ResultModel {
    pub code: u16,
    pub message: Option<String>,
    pub lang: Option<String>,
}

/// A `<msgQ>`: count and id, and a dated message or none.
#[derive(Debug, Clone)]
pub struct QueueModel {
    pub count: u64,
    pub id: String,
    pub dated: Option<(String, String)>,
}

/// The `<resData>` of a generated response.
#[derive(Debug, Clone)]
pub enum ResDataModel {
    None,
    /// `<domain:chkData>`: (name, available, reason when not).
    Check(Vec<(String, bool, Option<String>)>),
    /// `<domain:creData>`: name, crDate, exDate.
    Create(String, String, Option<String>),
    /// `<domain:renData>`: name, exDate.
    Renew(String, Option<String>),
}

/// A response with arbitrary results, queue, resData and transaction ids.
#[derive(Debug, Clone)]
pub struct ResponseCore {
    pub results: Vec<ResultModel>,
    pub queue: Option<QueueModel>,
    pub res_data: ResDataModel,
    pub cl_trid: Option<String>,
    pub sv_trid: String,
}

/// An RFC 3339 date-time the schema's `dateTime` accepts.
fn date_time(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}Z",
        u.int_in_range(1990..=2099)?,
        u.int_in_range(1..=12)?,
        u.int_in_range(1..=28)?,
        u.int_in_range(0..=23)?,
        u.int_in_range(0..=59)?,
        u.int_in_range(0..=59)?,
        if u.arbitrary()? { ".0" } else { "" }
    ))
}

impl<'a> arbitrary::Arbitrary<'a> for ResponseCore {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let results = (0..u.int_in_range(1..=3)?)
            .map(|_| {
                Ok(ResultModel {
                    code: *u.choose(&RESULT_CODES)?,
                    message: if u.arbitrary()? {
                        Some(text(u, 1, 40)?)
                    } else {
                        None
                    },
                    lang: if u.arbitrary()? {
                        Some((*u.choose(&["fr", "de", "en-GB"])?).to_owned())
                    } else {
                        None
                    },
                })
            })
            .collect::<Result<_>>()?;
        let queue = if u.arbitrary()? {
            Some(QueueModel {
                count: u.int_in_range(0..=1_000_000)?,
                id: token(u, 1, 12)?,
                dated: if u.arbitrary()? {
                    Some((date_time(u)?, text(u, 1, 40)?))
                } else {
                    None
                },
            })
        } else {
            None
        };
        let res_data = match u.int_in_range(0..=3)? {
            0 => ResDataModel::None,
            1 => ResDataModel::Check(
                (0..u.int_in_range(1..=5)?)
                    .map(|_| {
                        let available = u.arbitrary()?;
                        let reason = if available {
                            None
                        } else {
                            Some(text(u, 1, 30)?)
                        };
                        Ok((domain_name(u)?, available, reason))
                    })
                    .collect::<Result<_>>()?,
            ),
            2 => ResDataModel::Create(
                domain_name(u)?,
                date_time(u)?,
                if u.arbitrary()? {
                    Some(date_time(u)?)
                } else {
                    None
                },
            ),
            _ => ResDataModel::Renew(
                domain_name(u)?,
                if u.arbitrary()? {
                    Some(date_time(u)?)
                } else {
                    None
                },
            ),
        };
        Ok(ResponseCore {
            results,
            queue,
            res_data,
            cl_trid: if u.arbitrary()? {
                Some(token(u, 3, 64)?)
            } else {
                None
            },
            sv_trid: token(u, 3, 64)?,
        })
    }
}

/// Writes `model` with `options`, reads it back tolerantly, and checks
/// every field against the model.
pub fn check_response_round_trip(model: &ResponseCore, options: &WriteOptions) {
    let results: Vec<ResultData<'_>> = model
        .results
        .iter()
        .map(|r| {
            let data = ResultData::new(ResultCode::from_u16(r.code));
            match &r.message {
                Some(m) => data.with_message(m, r.lang.as_deref()),
                None => data,
            }
        })
        .collect();
    let checks: Vec<CheckResult<'_>> = match &model.res_data {
        ResDataModel::Check(items) => items
            .iter()
            .map(|(name, available, reason)| match reason {
                Some(reason) if !available => CheckResult::unavailable(name, reason),
                _ => CheckResult::available(name),
            })
            .collect(),
        _ => Vec::new(),
    };
    let res_data = match &model.res_data {
        ResDataModel::None => ResData::None,
        ResDataModel::Check(_) => ResData::Domain(DomainResData::Check(&checks)),
        ResDataModel::Create(name, created, expires) => ResData::Domain(DomainResData::Create {
            name: Str::new(name),
            created: Str::new(created),
            expires: expires.as_deref().map(Str::new),
        }),
        ResDataModel::Renew(name, expires) => ResData::Domain(DomainResData::Renew {
            name: Str::new(name),
            expires: expires.as_deref().map(Str::new),
        }),
    };
    let mut response = ResponseData::new(&results, &model.sv_trid).with_res_data(res_data);
    if let Some(cl) = &model.cl_trid {
        response = response.with_cl_trid(cl);
    }
    if let Some(q) = &model.queue {
        response = response.with_message_queue(MessageQueueData {
            count: q.count,
            id: Str::new(&q.id),
            date: q.dated.as_ref().map(|(d, _)| Str::new(d)),
            message: q.dated.as_ref().map(|(_, m)| Str::new(m)),
            lang: None,
        });
    }
    let xml = to_vec(&response, options).expect("a generated response is written");
    let read = read_response(&xml).unwrap_or_else(|e| {
        panic!("{e}\n{}", String::from_utf8_lossy(&xml));
    });
    let shown = || String::from_utf8_lossy(&xml).into_owned();

    let got: Vec<_> = read.results().iter().collect();
    assert_eq!(got.len(), model.results.len(), "{}", shown());
    for (r, m) in got.iter().zip(&model.results) {
        assert_eq!(r.code().as_u16(), m.code, "{}", shown());
        let expected = m
            .message
            .clone()
            .unwrap_or_else(|| ResultCode::from_u16(m.code).text().to_owned());
        let message = r.message().map(|s| s.to_cow().into_owned());
        assert_eq!(message.as_deref(), Some(expected.as_str()), "{}", shown());
        let lang = r.message_lang().map(|s| s.to_cow().into_owned());
        let expected_lang = if m.message.is_some() {
            m.lang.clone()
        } else {
            None
        };
        assert_eq!(lang, expected_lang, "{}", shown());
    }
    match (&model.queue, read.message_queue()) {
        (None, None) => {}
        (Some(q), Some(got)) => {
            assert_eq!(got.count(), Some(q.count), "{}", shown());
            assert_eq!(
                got.id().map(|s| s.to_cow().into_owned()),
                Some(q.id.clone())
            );
            let date = got.date_raw().map(|s| s.to_cow().into_owned());
            assert_eq!(
                date,
                q.dated.as_ref().map(|(d, _)| d.clone()),
                "{}",
                shown()
            );
            let message = got.message_text().map(|s| s.to_cow().into_owned());
            assert_eq!(
                message,
                q.dated.as_ref().map(|(_, m)| m.clone()),
                "{}",
                shown()
            );
        }
        (q, got) => panic!("msgQ {q:?} read as {got:?}\n{}", shown()),
    }
    let data: Vec<_> = read.res_data().iter().collect();
    let owned = |s: Option<Str<'_>>| s.map(|s| s.to_cow().into_owned());
    match &model.res_data {
        ResDataModel::None => assert!(data.is_empty(), "{}", shown()),
        ResDataModel::Check(items) => {
            let Some(DomainData::Check(got)) = data.first().and_then(|d| DomainData::from_raw(*d))
            else {
                panic!("no chkData\n{}", shown())
            };
            let got: Vec<_> = got
                .iter()
                .map(|c| (owned(c.name()), c.available(), owned(c.reason())))
                .collect();
            let expected: Vec<_> = items
                .iter()
                .map(|(n, a, r)| (Some(n.clone()), Some(*a), r.clone()))
                .collect();
            assert_eq!(got, expected, "{}", shown());
        }
        ResDataModel::Create(name, created, expires) => {
            let Some(DomainData::Create(c)) = data.first().and_then(|d| DomainData::from_raw(*d))
            else {
                panic!("no creData\n{}", shown())
            };
            assert_eq!(owned(c.name()), Some(name.clone()));
            assert_eq!(
                c.created().map(|t| t.raw().to_cow().into_owned()),
                Some(created.clone())
            );
            assert_eq!(
                c.expires().map(|t| t.raw().to_cow().into_owned()),
                expires.clone()
            );
        }
        ResDataModel::Renew(name, expires) => {
            let Some(DomainData::Renew(r)) = data.first().and_then(|d| DomainData::from_raw(*d))
            else {
                panic!("no renData\n{}", shown())
            };
            assert_eq!(owned(r.name()), Some(name.clone()));
            assert_eq!(
                r.expires().map(|t| t.raw().to_cow().into_owned()),
                expires.clone()
            );
        }
    }
    assert_eq!(owned(read.cl_trid()), model.cl_trid, "{}", shown());
    assert_eq!(
        read.sv_trid().to_cow(),
        model.sv_trid.as_str(),
        "{}",
        shown()
    );
}
