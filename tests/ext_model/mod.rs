//! An owned model of domain commands and responses carrying arbitrary
//! combinations of typed extensions, in any order, for the round-trip
//! property (`tests/ext_arbitrary.rs` and the fuzz target `ext_model`):
//! each model is turned into the crate's borrowed values, written, read
//! back (commands strictly), and every typed extension compared with the
//! model.
//!
//! Only combinations a server must accept are generated: each extension
//! goes with the commands its specification allows, each at most once.

#![allow(dead_code, unreachable_pub)]

use arbitrary::{Result, Unstructured};
use epp_codec::view::command::domain::{self, Change, DomainCommand};
use epp_codec::view::command::{Command, Extension, Extensions, Request};
use epp_codec::view::ext::{
    AllocationToken, DsData, Fee, FeeCheck, FeeCommand, FeeData, FeeExtension, FeeResult,
    FeeTransform, Namestore, RgpStatus, RgpStatusValue, RgpUpdate, SecDns, SecDnsData,
    SecDnsRemove, SecDnsUpdate, SyncUpdate, Ttl, TtlExtension,
};
use epp_codec::view::ext::{
    CodeMark, Launch, LaunchApplication, LaunchCheck, LaunchCheckType, LaunchCreate, LaunchData,
    LaunchInfo, LaunchMarks, LaunchPhase, ValidatorToken,
};
use epp_codec::view::{
    AuthInfo, List, Period, PeriodUnit, ResultCode, Str, read_command, read_response,
};
use epp_codec::write::{ResponseData, ResultData, WriteOptions, to_vec};

fn token(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
    let n = u.int_in_range(min..=max)?;
    (0..n)
        .map(|_| Ok(char::from(*u.choose(ALPHABET)?)))
        .collect()
}

/// Text with characters that need escaping.
fn text(u: &mut Unstructured<'_>, min: usize, max: usize) -> Result<String> {
    const CHARS: &[char] = &['a', 'Z', '0', '&', '<', '>', '"', '\'', 'é', '日'];
    let n = u.int_in_range(min..=max)?;
    (0..n).map(|_| u.choose(CHARS).copied()).collect()
}

fn hex(u: &mut Unstructured<'_>) -> Result<String> {
    let n = u.int_in_range(1..=32)?;
    (0..n)
        .map(|_| Ok(format!("{:02X}", u.arbitrary::<u8>()?)))
        .collect()
}

/// A DS record: key tag, algorithm, digest type, digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ds(u16, u8, u8, String);

fn ds_list(u: &mut Unstructured<'_>) -> Result<Vec<Ds>> {
    (0..u.int_in_range(1..=3)?)
        .map(|_| Ok(Ds(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?, hex(u)?)))
        .collect()
}

fn max_sig_life(u: &mut Unstructured<'_>) -> Result<Option<u32>> {
    Ok(if u.arbitrary()? {
        Some(u.int_in_range(1..=2_147_483_647)?)
    } else {
        None
    })
}

const RECORD_TYPES: [&str; 5] = ["NS", "DS", "DNAME", "A", "AAAA"];

fn ttls(u: &mut Unstructured<'_>) -> Result<Vec<(&'static str, u32)>> {
    let mut types = RECORD_TYPES.to_vec();
    let n = u.int_in_range(1..=types.len())?;
    (0..n)
        .map(|_| {
            let i = u.choose_index(types.len())?;
            Ok((types.remove(i), u.int_in_range(0..=2_147_483_647)?))
        })
        .collect()
}

const FEE_COMMANDS: [&str; 6] = ["create", "delete", "renew", "update", "transfer", "restore"];

fn amount(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(format!(
        "{}.{:02}",
        u.int_in_range(0..=99_999u32)?,
        u.int_in_range(0..=99u8)?
    ))
}

fn currency(u: &mut Unstructured<'_>) -> Result<Option<String>> {
    Ok(if u.arbitrary()? {
        Some((*u.choose(&["USD", "EUR", "JPY"])?).to_string())
    } else {
        None
    })
}

/// Fees: amount and optional description.
fn fees(u: &mut Unstructured<'_>) -> Result<Vec<(String, Option<String>)>> {
    (0..u.int_in_range(1..=3)?)
        .map(|_| {
            Ok((
                amount(u)?,
                if u.arbitrary()? {
                    Some(text(u, 1, 20)?)
                } else {
                    None
                },
            ))
        })
        .collect()
}

/// A launch phase: a standard one, or `custom` with a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase(&'static str, Option<String>);

fn phase(u: &mut Unstructured<'_>) -> Result<Phase> {
    Ok(
        match *u.choose(&["sunrise", "landrush", "claims", "open", "custom"])? {
            "custom" => Phase("custom", Some(token(u, 1, 12)?)),
            p => Phase(p, None),
        },
    )
}

fn phase_value(p: &Phase) -> LaunchPhase<'_> {
    match &p.1 {
        Some(name) => LaunchPhase::custom(name),
        None => LaunchPhase::new(p.0),
    }
}

fn read_phase(p: LaunchPhase<'_>) -> Phase {
    let value = p.value.to_string();
    let known = ["sunrise", "landrush", "claims", "open", "custom"]
        .into_iter()
        .find(|k| *k == value)
        .expect("a phase written reads back");
    Phase(known, p.name.map(|n| n.to_string()))
}

/// One command extension, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandExt {
    SecDnsCreate {
        ds: Vec<Ds>,
        max_sig_life: Option<u32>,
    },
    SecDnsUpdate {
        urgent: bool,
        remove_all: bool,
        add: Vec<Ds>,
        max_sig_life: Option<u32>,
    },
    RgpRestore,
    AllocationToken(String),
    AllocationTokenInfo,
    TtlCreate(Vec<(&'static str, u32)>),
    TtlUpdate(Vec<(&'static str, u32)>),
    TtlInfo(bool),
    Namestore(String),
    Sync(u8, u8),
    /// fee-1.0 check: currency, commands (name, period in years).
    FeeCheck(Option<String>, Vec<(&'static str, Option<u8>)>),
    /// fee-1.0 transform (create or update): currency, fees.
    FeeTransform(Option<String>, Vec<(String, Option<String>)>),
    /// launch-1.0 check: avail (or claims), in a phase.
    LaunchCheck(bool, Phase),
    /// launch-1.0 create: phase, mark codes (with a validator).
    LaunchCreate(Phase, Vec<(String, Option<String>)>),
    /// launch-1.0 info: includeMark, phase, application.
    LaunchInfo(bool, Phase, String),
    /// launch-1.0 update: phase, application.
    LaunchUpdate(Phase, String),
}

/// The domain command the extensions ride on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Check,
    Create,
    Update,
    Info,
}

/// A domain command with extensions, owned.
#[derive(Debug, Clone)]
pub struct CommandModel {
    pub verb: Verb,
    pub name: String,
    pub password: String,
    pub extensions: Vec<CommandExt>,
}

fn command_ext(u: &mut Unstructured<'_>, verb: Verb, kind: u8) -> Result<Option<CommandExt>> {
    use CommandExt as E;
    Ok(Some(match (verb, kind) {
        (Verb::Create, 0) => E::SecDnsCreate {
            ds: ds_list(u)?,
            max_sig_life: max_sig_life(u)?,
        },
        (Verb::Update, 0) => E::SecDnsUpdate {
            urgent: u.arbitrary()?,
            remove_all: u.arbitrary()?,
            add: ds_list(u)?,
            max_sig_life: max_sig_life(u)?,
        },
        (Verb::Update, 1) => E::RgpRestore,
        (Verb::Check | Verb::Create | Verb::Update, 2) => E::AllocationToken(text(u, 1, 40)?),
        (Verb::Info, 2) => E::AllocationTokenInfo,
        (Verb::Create, 3) => E::TtlCreate(ttls(u)?),
        (Verb::Update, 3) => E::TtlUpdate(ttls(u)?),
        (Verb::Info, 3) => E::TtlInfo(u.arbitrary()?),
        (_, 4) => E::Namestore(token(u, 1, 10)?),
        (Verb::Update, 5) => {
            let month = u.int_in_range(1..=12)?;
            let last = match month {
                2 => 29,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            E::Sync(month, u.int_in_range(1..=last)?)
        }
        (Verb::Check, 6) => E::FeeCheck(
            currency(u)?,
            (0..u.int_in_range(1..=3)?)
                .map(|_| {
                    Ok((
                        *u.choose(&FEE_COMMANDS)?,
                        if u.arbitrary()? {
                            Some(u.int_in_range(1..=99)?)
                        } else {
                            None
                        },
                    ))
                })
                .collect::<Result<_>>()?,
        ),
        (Verb::Create | Verb::Update, 6) => E::FeeTransform(currency(u)?, fees(u)?),
        (Verb::Check, 7) => E::LaunchCheck(u.arbitrary()?, phase(u)?),
        (Verb::Create, 7) => E::LaunchCreate(
            phase(u)?,
            (0..u.int_in_range(0..=2)?)
                .map(|_| {
                    Ok((
                        text(u, 1, 30)?,
                        if u.arbitrary()? {
                            Some(token(u, 1, 8)?)
                        } else {
                            None
                        },
                    ))
                })
                .collect::<Result<_>>()?,
        ),
        (Verb::Info, 7) => E::LaunchInfo(u.arbitrary()?, phase(u)?, token(u, 1, 20)?),
        (Verb::Update, 7) => E::LaunchUpdate(phase(u)?, token(u, 1, 20)?),
        _ => return Ok(None),
    }))
}

impl<'a> arbitrary::Arbitrary<'a> for CommandModel {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let verb = *u.choose(&[Verb::Check, Verb::Create, Verb::Update, Verb::Info])?;
        // Every kind once at most, in an arbitrary order.
        let mut kinds: Vec<u8> = (0..=7).collect();
        let mut extensions = Vec::new();
        while !kinds.is_empty() && u.arbitrary()? {
            let kind = kinds.remove(u.choose_index(kinds.len())?);
            if let Some(e) = command_ext(u, verb, kind)? {
                extensions.push(e);
            }
        }
        Ok(CommandModel {
            verb,
            name: format!("{}.example", token(u, 1, 20)?),
            password: format!("pw-{}", token(u, 3, 10)?),
            extensions,
        })
    }
}

fn ds_values(ds: &[Ds]) -> Vec<DsData<'_>> {
    ds.iter()
        .map(|d| DsData::new(d.0, d.1, d.2, &d.3))
        .collect()
}

fn ttl_values(ttls: &[(&'static str, u32)]) -> Vec<Ttl<'static>> {
    ttls.iter().map(|&(t, s)| Ttl::new(t, s)).collect()
}

fn read_ds(list: List<'_, DsData<'_>>) -> Vec<Ds> {
    list.iter()
        .map(|d| {
            Ds(
                d.key_tag().unwrap(),
                d.alg().unwrap(),
                d.digest_type().unwrap(),
                d.digest().to_string(),
            )
        })
        .collect()
}

fn read_ttls(list: List<'_, Ttl<'_>>) -> Vec<(String, u32)> {
    list.iter()
        .map(|t| (t.record_type.to_string(), t.seconds.unwrap()))
        .collect()
}

fn owned_ttls(ttls: &[(&'static str, u32)]) -> Vec<(String, u32)> {
    ttls.iter().map(|&(t, s)| (t.to_string(), s)).collect()
}

fn fee_list(fees: &[(String, Option<String>)]) -> Vec<Fee<'_>> {
    fees.iter()
        .map(|(amount, description)| match description {
            Some(d) => Fee::new(amount).with_description(d),
            None => Fee::new(amount),
        })
        .collect()
}

fn read_fees(list: List<'_, Fee<'_>>) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|f| {
            assert!(f.decimal().is_some(), "{:?} is a decimal", f.amount);
            (f.amount.to_string(), f.description.map(|d| d.to_string()))
        })
        .collect()
}

/// Writes the model's command with `options`, reads it back strictly and
/// compares every extension with the model; panics on a difference.
pub fn check_command(model: &CommandModel, options: &WriteOptions) {
    // Borrowed storage for the lists, built first.
    let ds: Vec<Vec<DsData<'_>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            CommandExt::SecDnsCreate { ds, .. } | CommandExt::SecDnsUpdate { add: ds, .. } => {
                ds_values(ds)
            }
            _ => Vec::new(),
        })
        .collect();
    let ttl: Vec<Vec<Ttl<'static>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            CommandExt::TtlCreate(t) | CommandExt::TtlUpdate(t) => ttl_values(t),
            _ => Vec::new(),
        })
        .collect();
    let month_days: Vec<String> = model
        .extensions
        .iter()
        .map(|e| match e {
            CommandExt::Sync(m, d) => format!("--{m:02}-{d:02}"),
            _ => String::new(),
        })
        .collect();
    let fee_commands: Vec<Vec<FeeCommand<'_>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            CommandExt::FeeCheck(_, commands) => commands
                .iter()
                .map(|&(name, years)| {
                    let c = FeeCommand::new(name);
                    match years {
                        Some(y) => c.with_period(Period {
                            value: y,
                            unit: PeriodUnit::Years,
                        }),
                        None => c,
                    }
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let fee_values: Vec<Vec<Fee<'_>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            CommandExt::FeeTransform(_, fees) => fee_list(fees),
            _ => Vec::new(),
        })
        .collect();
    let codes: Vec<Vec<CodeMark<'_>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            CommandExt::LaunchCreate(_, codes) => codes
                .iter()
                .map(|(code, validator)| {
                    let token = ValidatorToken::new(code);
                    CodeMark {
                        code: Some(match validator {
                            Some(v) => token.with_validator(v),
                            None => token,
                        }),
                        mark: None,
                    }
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let extensions: Vec<Extension<'_>> = model
        .extensions
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            CommandExt::LaunchCheck(avail, p) => Extension::Launch(Launch::Check(LaunchCheck {
                check_type: Some(if *avail {
                    LaunchCheckType::Avail
                } else {
                    LaunchCheckType::Claims
                }),
                phase: Some(phase_value(p)),
            })),
            CommandExt::LaunchCreate(p, _) => {
                let mut create = LaunchCreate::new(phase_value(p));
                if !codes[i].is_empty() {
                    create = create.with_marks(LaunchMarks::CodeMarks(List::from_slice(&codes[i])));
                }
                Extension::Launch(Launch::Create(create))
            }
            CommandExt::LaunchInfo(include, p, id) => Extension::Launch(Launch::Info(LaunchInfo {
                include_mark: Some(*include),
                phase: phase_value(p),
                application_id: Some(Str::new(id)),
            })),
            CommandExt::LaunchUpdate(p, id) => {
                Extension::Launch(Launch::Update(LaunchApplication::new(phase_value(p), id)))
            }
            CommandExt::FeeCheck(currency, _) => Extension::Fee(FeeExtension::Check(
                FeeCheck::new(currency.as_deref(), &fee_commands[i]),
            )),
            CommandExt::FeeTransform(currency, _) => {
                let t = FeeTransform::new(currency.as_deref(), &fee_values[i]);
                Extension::Fee(if model.verb == Verb::Create {
                    FeeExtension::Create(t)
                } else {
                    FeeExtension::Update(t)
                })
            }
            CommandExt::SecDnsCreate { max_sig_life, .. } => {
                let mut data = SecDnsData::ds(&ds[i]);
                if let Some(s) = max_sig_life {
                    data = data.with_max_sig_life(*s);
                }
                Extension::SecDns(SecDns::Create(data))
            }
            CommandExt::SecDnsUpdate {
                urgent,
                remove_all,
                max_sig_life,
                ..
            } => {
                let mut update = SecDnsUpdate::new()
                    .with_remove(SecDnsRemove::All(*remove_all))
                    .with_add(SecDnsData::ds(&ds[i]));
                if *urgent {
                    update = update.urgent();
                }
                if let Some(s) = max_sig_life {
                    update = update.with_max_sig_life(*s);
                }
                Extension::SecDns(SecDns::Update(update))
            }
            CommandExt::RgpRestore => Extension::Rgp(RgpUpdate::request()),
            CommandExt::AllocationToken(t) => Extension::AllocationToken(AllocationToken::new(t)),
            CommandExt::AllocationTokenInfo => Extension::AllocationToken(AllocationToken::Info),
            CommandExt::TtlCreate(_) => {
                Extension::Ttl(TtlExtension::Create(List::from_slice(&ttl[i])))
            }
            CommandExt::TtlUpdate(_) => {
                Extension::Ttl(TtlExtension::Update(List::from_slice(&ttl[i])))
            }
            CommandExt::TtlInfo(policy) => Extension::Ttl(TtlExtension::Info { policy: *policy }),
            CommandExt::Namestore(p) => Extension::VerisignNamestore(Namestore::new(p)),
            CommandExt::Sync(..) => Extension::VerisignSync(SyncUpdate::new(&month_days[i])),
        })
        .collect();
    let names = [Str::new(&model.name)];
    let password = AuthInfo::Password {
        password: Str::new(&model.password),
        roid: None,
    };
    let command = match model.verb {
        Verb::Check => DomainCommand::Check(domain::Check::new(&names)),
        Verb::Create => DomainCommand::Create(domain::Create::new(&model.name, password)),
        Verb::Update => {
            DomainCommand::Update(domain::Update::new(&model.name).with_change(Change::new()))
        }
        Verb::Info => DomainCommand::Info(domain::Info::new(&model.name)),
    };
    let mut request = Request::new(Command::Domain(command)).with_cl_trid("ABC-12345");
    if !extensions.is_empty() {
        request = request.with_extensions(Extensions::from_typed(&extensions));
    }
    let written = to_vec(&request, options).expect("a valid model writes");
    let text = String::from_utf8_lossy(&written);
    let read = read_command(&written).unwrap_or_else(|e| panic!("{e}\n{text}\nfrom {model:?}"));
    let x = read.extensions();
    assert_eq!(x.len(), model.extensions.len(), "{text}");
    for e in &model.extensions {
        match e {
            CommandExt::SecDnsCreate { ds, max_sig_life } => {
                let Some(SecDns::Create(d)) = x.sec_dns() else {
                    panic!("no secDNS create in {text}")
                };
                assert_eq!(&read_ds(d.ds_data()), ds, "{text}");
                assert_eq!(d.max_sig_life(), *max_sig_life, "{text}");
            }
            CommandExt::SecDnsUpdate {
                urgent,
                remove_all,
                add,
                max_sig_life,
            } => {
                let Some(SecDns::Update(u)) = x.sec_dns() else {
                    panic!("no secDNS update in {text}")
                };
                assert_eq!(u.is_urgent(), *urgent, "{text}");
                assert!(
                    matches!(u.remove(), Some(SecDnsRemove::All(all)) if all == *remove_all),
                    "{text}"
                );
                assert_eq!(&read_ds(u.add().unwrap().ds_data()), add, "{text}");
                assert_eq!(u.max_sig_life(), *max_sig_life, "{text}");
            }
            CommandExt::RgpRestore => {
                assert_eq!(
                    x.rgp().map(|r| r.op()),
                    Some(epp_codec::view::ext::RestoreOp::Request)
                );
            }
            CommandExt::AllocationToken(t) => match x.allocation_token() {
                Some(AllocationToken::Token(read)) => assert_eq!(read.to_string(), *t),
                other => panic!("{other:?} in {text}"),
            },
            CommandExt::AllocationTokenInfo => {
                assert_eq!(x.allocation_token(), Some(AllocationToken::Info));
            }
            CommandExt::TtlCreate(t) => match x.ttl() {
                Some(TtlExtension::Create(list)) => assert_eq!(read_ttls(list), owned_ttls(t)),
                other => panic!("{other:?} in {text}"),
            },
            CommandExt::TtlUpdate(t) => match x.ttl() {
                Some(TtlExtension::Update(list)) => assert_eq!(read_ttls(list), owned_ttls(t)),
                other => panic!("{other:?} in {text}"),
            },
            CommandExt::TtlInfo(policy) => match x.ttl() {
                Some(TtlExtension::Info { policy: read }) => assert_eq!(read, *policy),
                other => panic!("{other:?} in {text}"),
            },
            CommandExt::Namestore(p) => {
                assert_eq!(x.verisign_namestore(), Some(Namestore::new(p)), "{text}");
            }
            CommandExt::Sync(m, d) => {
                let md = x.verisign_sync().and_then(|s| s.month_day()).unwrap();
                assert_eq!((md.month, md.day), (*m, *d), "{text}");
            }
            CommandExt::LaunchCheck(avail, p) => {
                let Some(Launch::Check(c)) = x.launch() else {
                    panic!("no launch check in {text}")
                };
                assert_eq!(
                    c.check_type,
                    Some(if *avail {
                        LaunchCheckType::Avail
                    } else {
                        LaunchCheckType::Claims
                    })
                );
                assert_eq!(c.phase.map(read_phase).as_ref(), Some(p), "{text}");
            }
            CommandExt::LaunchCreate(p, codes) => {
                let Some(Launch::Create(c)) = x.launch() else {
                    panic!("no launch create in {text}")
                };
                assert_eq!(&read_phase(c.phase), p, "{text}");
                let read: Vec<(String, Option<String>)> = match c.marks {
                    LaunchMarks::None => Vec::new(),
                    LaunchMarks::CodeMarks(list) => list
                        .iter()
                        .map(|m| {
                            let code = m.code.unwrap();
                            (
                                code.value.to_string(),
                                code.validator_id.map(|v| v.to_string()),
                            )
                        })
                        .collect(),
                    other => panic!("{other:?} in {text}"),
                };
                assert_eq!(&read, codes, "{text}");
            }
            CommandExt::LaunchInfo(include, p, id) => {
                let Some(Launch::Info(i)) = x.launch() else {
                    panic!("no launch info in {text}")
                };
                assert_eq!(i.include_mark, Some(*include));
                assert_eq!(&read_phase(i.phase), p, "{text}");
                assert_eq!(i.application_id.map(|a| a.to_string()).as_ref(), Some(id));
            }
            CommandExt::LaunchUpdate(p, id) => {
                let Some(Launch::Update(a)) = x.launch() else {
                    panic!("no launch update in {text}")
                };
                assert_eq!(&read_phase(a.phase), p, "{text}");
                assert_eq!(&a.application_id.to_string(), id);
            }
            CommandExt::FeeCheck(currency, commands) => {
                let Some(FeeExtension::Check(check)) = x.fee() else {
                    panic!("no fee check in {text}")
                };
                assert_eq!(check.currency.map(|c| c.to_string()), *currency);
                let read: Vec<_> = check
                    .commands
                    .iter()
                    .map(|c| (c.name.to_string(), c.period.map(|p| p.value)))
                    .collect();
                let expected: Vec<_> = commands.iter().map(|&(n, y)| (n.to_string(), y)).collect();
                assert_eq!(read, expected, "{text}");
            }
            CommandExt::FeeTransform(currency, fees) => {
                let t = match x.fee() {
                    Some(FeeExtension::Create(t) | FeeExtension::Update(t)) => t,
                    other => panic!("{other:?} in {text}"),
                };
                assert_eq!(t.currency.map(|c| c.to_string()), *currency);
                assert_eq!(read_fees(t.fees), *fees, "{text}");
            }
        }
    }
}

/// One response extension, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseExt {
    SecDnsInfo(Vec<Ds>, Option<u32>),
    RgpInfo(Vec<u8>),
    TtlInfo(Vec<(&'static str, u32)>),
    AllocationToken(String),
    Namestore(String),
    /// fee-1.0 creData: currency, fees, balance.
    FeeCreated(
        Option<String>,
        Vec<(String, Option<String>)>,
        Option<String>,
    ),
    /// launch-1.0 creData: phase, application.
    LaunchCreated(Phase, String),
}

/// A domain info response's extensions, owned.
#[derive(Debug, Clone)]
pub struct ResponseModel {
    pub extensions: Vec<ResponseExt>,
}

const RGP_VALUES: [RgpStatusValue; 7] = [
    RgpStatusValue::AddPeriod,
    RgpStatusValue::AutoRenewPeriod,
    RgpStatusValue::RenewPeriod,
    RgpStatusValue::TransferPeriod,
    RgpStatusValue::PendingDelete,
    RgpStatusValue::PendingRestore,
    RgpStatusValue::RedemptionPeriod,
];

impl<'a> arbitrary::Arbitrary<'a> for ResponseModel {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut kinds: Vec<u8> = (0..=6).collect();
        let mut extensions = Vec::new();
        while !kinds.is_empty() && u.arbitrary()? {
            let kind = kinds.remove(u.choose_index(kinds.len())?);
            extensions.push(match kind {
                0 => ResponseExt::SecDnsInfo(ds_list(u)?, max_sig_life(u)?),
                1 => ResponseExt::RgpInfo(
                    (0..u.int_in_range(1..=3)?)
                        .map(|_| u.int_in_range(0..=6))
                        .collect::<Result<_>>()?,
                ),
                2 => ResponseExt::TtlInfo(ttls(u)?),
                3 => ResponseExt::AllocationToken(text(u, 1, 40)?),
                4 => ResponseExt::Namestore(token(u, 1, 10)?),
                5 => ResponseExt::LaunchCreated(phase(u)?, token(u, 1, 20)?),
                _ => ResponseExt::FeeCreated(
                    currency(u)?,
                    fees(u)?,
                    if u.arbitrary()? {
                        Some(amount(u)?)
                    } else {
                        None
                    },
                ),
            });
        }
        Ok(ResponseModel { extensions })
    }
}

/// Writes a response carrying the model's extensions with `options`, reads
/// it back and compares every extension with the model.
pub fn check_response(model: &ResponseModel, options: &WriteOptions) {
    let ds: Vec<Vec<DsData<'_>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            ResponseExt::SecDnsInfo(ds, _) => ds_values(ds),
            _ => Vec::new(),
        })
        .collect();
    let ttl: Vec<Vec<Ttl<'static>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            ResponseExt::TtlInfo(t) => ttl_values(t),
            _ => Vec::new(),
        })
        .collect();
    let rgp: Vec<Vec<RgpStatus<'static>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            ResponseExt::RgpInfo(v) => v
                .iter()
                .map(|&i| RgpStatus::new(RGP_VALUES[usize::from(i)]))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let fee_values: Vec<Vec<Fee<'_>>> = model
        .extensions
        .iter()
        .map(|e| match e {
            ResponseExt::FeeCreated(_, fees, _) => fee_list(fees),
            _ => Vec::new(),
        })
        .collect();
    let extensions: Vec<Extension<'_>> = model
        .extensions
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            ResponseExt::LaunchCreated(p, id) => Extension::LaunchData(LaunchData::CreateData(
                LaunchApplication::new(phase_value(p), id),
            )),
            ResponseExt::FeeCreated(currency, _, balance) => {
                let mut r = FeeResult::new(currency.as_deref(), &fee_values[i]);
                if let Some(b) = balance {
                    r = r.with_balance(b);
                }
                Extension::FeeData(FeeData::Create(r))
            }
            ResponseExt::SecDnsInfo(_, max) => {
                let mut data = SecDnsData::ds(&ds[i]);
                if let Some(s) = max {
                    data = data.with_max_sig_life(*s);
                }
                Extension::SecDnsInfo(data)
            }
            ResponseExt::RgpInfo(_) => Extension::RgpInfo(&rgp[i]),
            ResponseExt::TtlInfo(_) => {
                Extension::Ttl(TtlExtension::InfoData(List::from_slice(&ttl[i])))
            }
            ResponseExt::AllocationToken(t) => Extension::AllocationToken(AllocationToken::new(t)),
            ResponseExt::Namestore(p) => Extension::VerisignNamestore(Namestore::new(p)),
        })
        .collect();
    let results = [ResultData::new(ResultCode::Success)];
    let mut response = ResponseData::new(&results, "SV-1").with_cl_trid("ABC-12345");
    if !extensions.is_empty() {
        response = response.with_extensions(Extensions::from_typed(&extensions));
    }
    let written = to_vec(&response, options).expect("a valid model writes");
    let text = String::from_utf8_lossy(&written);
    let read = read_response(&written).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let x = read.extensions();
    assert_eq!(x.len(), model.extensions.len(), "{text}");
    for e in &model.extensions {
        match e {
            ResponseExt::SecDnsInfo(ds, max) => {
                let d = x.sec_dns_info().expect("secDNS infData");
                assert_eq!(&read_ds(d.ds_data()), ds, "{text}");
                assert_eq!(d.max_sig_life(), *max, "{text}");
            }
            ResponseExt::RgpInfo(v) => {
                let read: Vec<_> = x.rgp_statuses().unwrap().iter().map(|s| s.value).collect();
                let expected: Vec<_> = v
                    .iter()
                    .map(|&i| Some(RGP_VALUES[usize::from(i)]))
                    .collect();
                assert_eq!(read, expected, "{text}");
            }
            ResponseExt::TtlInfo(t) => match x.ttl() {
                Some(TtlExtension::InfoData(list)) => assert_eq!(read_ttls(list), owned_ttls(t)),
                other => panic!("{other:?} in {text}"),
            },
            ResponseExt::AllocationToken(t) => match x.allocation_token() {
                Some(AllocationToken::Token(read)) => assert_eq!(read.to_string(), *t),
                other => panic!("{other:?} in {text}"),
            },
            ResponseExt::Namestore(p) => {
                assert_eq!(x.verisign_namestore(), Some(Namestore::new(p)), "{text}");
            }
            ResponseExt::LaunchCreated(p, id) => {
                let Some(LaunchData::CreateData(a)) = x.launch_data() else {
                    panic!("no launch creData in {text}")
                };
                assert_eq!(&read_phase(a.phase), p, "{text}");
                assert_eq!(&a.application_id.to_string(), id);
            }
            ResponseExt::FeeCreated(currency, fees, balance) => {
                let Some(FeeData::Create(r)) = x.fee_data() else {
                    panic!("no fee creData in {text}")
                };
                assert_eq!(r.currency.map(|c| c.to_string()), *currency);
                assert_eq!(read_fees(r.fees), *fees, "{text}");
                assert_eq!(r.balance.map(|b| b.to_string()), *balance);
            }
        }
    }
}
