//! An in-memory registry (RFC 5731-5733 objects) that answers commands
//! already read by [`epp_codec::view::read_command`], writing each response
//! straight into the session's output buffer.
//!
//! It keeps domains, hosts and contacts with their sponsor, dates,
//! statuses and authorization information; enforces the status rules
//! (`*UpdateProhibited`, `*DeleteProhibited`, `*RenewProhibited`,
//! `*TransferProhibited`) and associations (a linked host or contact cannot
//! be deleted; a domain with subordinate hosts cannot be deleted); runs
//! transfers through pending, approve, reject and cancel, queueing a poll
//! message for the other registrar each time.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use epp_codec::view::command::contact::{self as vcontact, ContactStatus, PostalInfoType, Street};
use epp_codec::view::command::domain::{
    self as vdomain, ContactType, DomainStatus, NameServers, RegistrantChange,
};
use epp_codec::view::command::host::{self as vhost, HostStatus};
use epp_codec::view::response::object::TransferStatus;
use epp_codec::view::{
    AuthInfo, Command, ContactCommand, DomainCommand, HostCommand, List, PeriodUnit, Poll, Request,
    ResultCode, Str, TransferOp,
};
use epp_codec::write::{
    CheckResult, ContactInfoData, ContactResData, DomainInfoData, DomainResData, HostInfoData,
    HostResData, MessageQueueData, ResData, ResponseData, ResultData, TransferResult, WriteOptions,
    write_framed,
};

/// Longest registration period a create, renew or transfer may reach.
const MAX_YEARS: i64 = 10;
/// Days after a transfer request that its pending transfer's action is
/// due (the `acDate` reported). This example server reports the date but
/// does not act on it: a transfer stays pending until the sponsor approves
/// or rejects it or the requester cancels it.
const TRANSFER_PENDING_DAYS: i64 = 5;

/// Whether `transfer` is a pending one: RFC 5731 §2.3 and RFC 5733 §2.2
/// forbid combining pendingTransfer with clientTransferProhibited.
fn is_pending(transfer: Option<&Transfer>) -> bool {
    transfer.is_some_and(|t| t.status == TransferStatus::Pending)
}

/// The shared repository of every session of a server.
#[derive(Debug, Default)]
pub struct Registry {
    state: Mutex<State>,
    sv_trid: AtomicU64,
}

#[derive(Debug, Default)]
struct State {
    domains: HashMap<String, Domain>,
    hosts: HashMap<String, Host>,
    contacts: HashMap<String, Contact>,
    next_roid: u64,
    next_message: u64,
    queues: HashMap<String, VecDeque<PollMessage>>,
}

#[derive(Debug, Clone)]
struct Transfer {
    status: TransferStatus,
    requester: String,
    requested: i64,
    actor: String,
    action_due: i64,
    years: i64,
}

#[derive(Debug)]
struct Domain {
    roid: String,
    sponsor: String,
    creator: String,
    created: i64,
    updater: Option<String>,
    updated: Option<i64>,
    expires: i64,
    transferred: Option<i64>,
    registrant: Option<String>,
    contacts: Vec<(String, ContactType)>,
    ns: Vec<String>,
    statuses: Vec<DomainStatus>,
    password: String,
    transfer: Option<Transfer>,
}

#[derive(Debug)]
struct Host {
    roid: String,
    sponsor: String,
    creator: String,
    created: i64,
    updater: Option<String>,
    updated: Option<i64>,
    addresses: Vec<(bool, String)>,
    statuses: Vec<HostStatus>,
}

#[derive(Debug, Clone)]
struct Postal {
    info_type: PostalInfoType,
    name: String,
    org: Option<String>,
    streets: Vec<String>,
    city: String,
    state_province: Option<String>,
    postal_code: Option<String>,
    country_code: String,
}

#[derive(Debug)]
struct Contact {
    roid: String,
    sponsor: String,
    creator: String,
    created: i64,
    updater: Option<String>,
    updated: Option<i64>,
    transferred: Option<i64>,
    postal: Vec<Postal>,
    voice: Option<String>,
    email: String,
    statuses: Vec<ContactStatus>,
    password: String,
    transfer: Option<Transfer>,
}

/// A queued service message (RFC 5730 §2.9.2.3): a transfer's news.
#[derive(Debug, Clone)]
struct PollMessage {
    id: u64,
    date: i64,
    text: String,
    object: PollObject,
    name: String,
    transfer: Transfer,
    expires: Option<i64>,
}

#[derive(Debug, Clone, Copy)]
enum PollObject {
    Domain,
    Contact,
}

/// Where a response goes, and the transaction ids it carries.
struct Reply<'o, 'r> {
    out: &'o mut Vec<u8>,
    cl_trid: Option<Str<'r>>,
    sv_trid: String,
}

impl Reply<'_, '_> {
    fn send(&mut self, code: ResultCode, res_data: ResData<'_>) {
        self.send_full(code, None, res_data, None);
    }

    fn fail(&mut self, code: ResultCode, why: &str) {
        self.send_full(code, Some(why), ResData::None, None);
    }

    fn send_full(
        &mut self,
        code: ResultCode,
        message: Option<&str>,
        res_data: ResData<'_>,
        queue: Option<MessageQueueData<'_>>,
    ) {
        let mut result = ResultData::new(code);
        if let Some(text) = message {
            result = result.with_message(text, None);
        }
        let results = [result];
        let mut response = ResponseData::new(&results, &self.sv_trid).with_res_data(res_data);
        response.cl_trid = self.cl_trid;
        if let Some(queue) = queue {
            response = response.with_message_queue(queue);
        }
        write_response(self.out, &response);
    }
}

/// Writes `response` framed at the end of `out`; a response that cannot be
/// written (a bug) becomes a bare 2400 rather than a broken frame.
pub(crate) fn write_response(out: &mut Vec<u8>, response: &ResponseData<'_>) {
    let start = out.len();
    if write_framed(response, &mut *out, &WriteOptions::new()).is_err() {
        out.truncate(start);
        let results = [ResultData::new(ResultCode::CommandFailed)];
        let fallback = ResponseData::new(&results, "server-error");
        let _ = write_framed(&fallback, &mut *out, &WriteOptions::new());
    }
}

/// Seconds since 1970, now.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// An RFC 3339 timestamp in UTC, as the RFC examples write them.
pub fn rfc3339(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.0Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `secs` moved by `months` calendar months (the day clamped to the month's end).
fn add_months(secs: i64, months: i64) -> i64 {
    let days = secs.div_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let total = y * 12 + (m - 1) + months;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let mut nd = d;
    while nd > 28 && civil_from_days(days_from_civil(ny, nm, nd)).1 != nm {
        nd -= 1;
    }
    days_from_civil(ny, nm, nd) * 86_400 + secs.rem_euclid(86_400)
}

fn period_months(period: Option<epp_codec::view::Period>) -> i64 {
    match period {
        None => 12,
        Some(p) => match p.unit {
            PeriodUnit::Years => i64::from(p.value) * 12,
            PeriodUnit::Months => i64::from(p.value),
        },
    }
}

/// The `<cd>` entries of a check: each name (or id) unavailable, "In use",
/// when `taken` says so.
fn check_results<'a>(
    names: List<'a, Str<'a>>,
    taken: impl Fn(&str) -> bool,
) -> Vec<CheckResult<'a>> {
    names
        .iter()
        .map(|name| {
            let name = name.raw();
            if taken(name) {
                CheckResult::unavailable(name, "In use")
            } else {
                CheckResult::available(name)
            }
        })
        .collect()
}

fn owned(s: Str<'_>) -> String {
    s.to_cow().into_owned()
}

fn password_of(auth: Option<AuthInfo<'_>>) -> Option<String> {
    match auth {
        Some(AuthInfo::Password { password, .. }) => Some(owned(password)),
        _ => None,
    }
}

/// Whether `host` is a name under `domain` (`ns1.example.com` under `example.com`).
fn is_subordinate(host: &str, domain: &str) -> bool {
    host.len() > domain.len() + 1
        && host.ends_with(domain)
        && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A fresh server transaction id.
    pub fn next_sv_trid(&self) -> String {
        format!("SRV-{}", self.sv_trid.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// How many domains the registry holds.
    pub fn domain_count(&self) -> usize {
        self.lock().domains.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A session that panicked mid-command leaves the maps consistent
        // (every change is made after its checks), so poisoning is ignored.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Answers `request`, made by logged-in client `client`, appending the
    /// framed response to `out`. Login, logout and hello are the session's
    /// business and must not reach here (they are answered 2400 if they do).
    pub fn execute(&self, client: &str, request: &Request<'_>, out: &mut Vec<u8>) {
        let mut reply = Reply {
            out,
            cl_trid: request.cl_trid(),
            sv_trid: self.next_sv_trid(),
        };
        let now = unix_now();
        let mut state = self.lock();
        match request.command() {
            Command::Domain(command) => state.domain(client, command, now, &mut reply),
            Command::Host(command) => state.host(client, command, now, &mut reply),
            Command::Contact(command) => state.contact(client, command, now, &mut reply),
            Command::Poll(poll) => state.poll(client, *poll, &mut reply),
            Command::Other(other) => {
                let error = other.unimplemented();
                reply.fail(error.result_code(), "command not implemented");
            }
            _ => reply.fail(
                ResultCode::CommandFailed,
                "not a transform or query command",
            ),
        }
    }
}

impl State {
    fn roid(&mut self, suffix: &str) -> String {
        self.next_roid += 1;
        format!("{}{}-EPP", suffix, self.next_roid)
    }

    fn queue(&mut self, client: &str, mut message: PollMessage) {
        self.next_message += 1;
        message.id = self.next_message;
        self.queues
            .entry(client.to_owned())
            .or_default()
            .push_back(message);
    }

    fn host_is_linked(&self, host: &str) -> bool {
        self.domains
            .values()
            .any(|d| d.ns.iter().any(|n| n == host))
    }

    fn contact_is_linked(&self, id: &str) -> bool {
        self.domains
            .values()
            .any(|d| d.registrant.as_deref() == Some(id) || d.contacts.iter().any(|(c, _)| c == id))
    }

    // ----- domains -----

    fn domain(
        &mut self,
        client: &str,
        command: &DomainCommand<'_>,
        now: i64,
        r: &mut Reply<'_, '_>,
    ) {
        match command {
            DomainCommand::Check(check) => {
                let results = check_results(check.names(), |name| {
                    self.domains.contains_key(&name.to_ascii_lowercase())
                });
                r.send(
                    ResultCode::Success,
                    ResData::Domain(DomainResData::Check(&results)),
                );
            }
            DomainCommand::Info(info) => {
                let name = owned(info.name()).to_ascii_lowercase();
                let Some(d) = self.domains.get(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such domain");
                };
                let authorized = d.sponsor == client
                    || password_of(info.auth_info()).is_some_and(|pw| pw == d.password);
                if !authorized {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                let mut statuses: Vec<vdomain::Status<'_>> = d
                    .statuses
                    .iter()
                    .map(|&s| vdomain::Status::new(s))
                    .collect();
                if is_pending(d.transfer.as_ref()) {
                    statuses.push(vdomain::Status::new(DomainStatus::PendingTransfer));
                }
                if statuses.is_empty() {
                    statuses.push(vdomain::Status::new(if d.ns.is_empty() {
                        DomainStatus::Inactive
                    } else {
                        DomainStatus::Ok
                    }));
                }
                let contacts: Vec<vdomain::Contact<'_>> = d
                    .contacts
                    .iter()
                    .map(|(id, t)| vdomain::Contact::new(id, *t))
                    .collect();
                let ns: Vec<Str<'_>> = d.ns.iter().map(|h| Str::new(h)).collect();
                let subordinates: Vec<Str<'_>> = self
                    .hosts
                    .keys()
                    .filter(|h| is_subordinate(h, &name))
                    .map(|h| Str::new(h))
                    .collect();
                let (created, updated, expires, transferred) = (
                    rfc3339(d.created),
                    d.updated.map(rfc3339),
                    rfc3339(d.expires),
                    d.transferred.map(rfc3339),
                );
                let mut data = DomainInfoData::new(&name, &d.roid, &d.sponsor);
                data.statuses = &statuses;
                data.registrant = d.registrant.as_deref().map(Str::new);
                data.contacts = &contacts;
                data.ns = (!ns.is_empty()).then(|| NameServers::objects(&ns));
                data.hosts = &subordinates;
                data.creator_id = Some(Str::new(&d.creator));
                data.created = Some(Str::new(&created));
                data.updater_id = d.updater.as_deref().map(Str::new);
                data.updated = updated.as_deref().map(Str::new);
                data.expires = Some(Str::new(&expires));
                data.transferred = transferred.as_deref().map(Str::new);
                if d.sponsor == client {
                    data.auth_info = Some(AuthInfo::Password {
                        password: Str::new(&d.password),
                        roid: None,
                    });
                }
                r.send(
                    ResultCode::Success,
                    ResData::Domain(DomainResData::Info(data)),
                );
            }
            DomainCommand::Create(create) => {
                let name = owned(create.name()).to_ascii_lowercase();
                if self.domains.contains_key(&name) {
                    return r.fail(ResultCode::ObjectExists, "domain exists");
                }
                let months = period_months(create.period());
                if months > MAX_YEARS * 12 {
                    return r.fail(ResultCode::ParameterValuePolicyError, "period too long");
                }
                let ns = match create.ns() {
                    Some(ns) => match self.name_servers(ns) {
                        Ok(ns) => ns,
                        Err((code, why)) => return r.fail(code, why),
                    },
                    None => Vec::new(),
                };
                let registrant = create.registrant().map(owned);
                let contacts: Vec<(String, ContactType)> = create
                    .contacts()
                    .iter()
                    .filter_map(|c| Some((owned(c.id()), c.contact_type()?)))
                    .collect();
                for id in registrant.iter().chain(contacts.iter().map(|(id, _)| id)) {
                    if !self.contacts.contains_key(id) {
                        return r.fail(ResultCode::ObjectDoesNotExist, "no such contact");
                    }
                }
                let Some(password) = password_of(Some(create.auth_info())) else {
                    return r.fail(ResultCode::UnimplementedOption, "only <pw> authInfo");
                };
                let roid = self.roid("D");
                let expires = add_months(now, months);
                self.domains.insert(
                    name.clone(),
                    Domain {
                        roid,
                        sponsor: client.to_owned(),
                        creator: client.to_owned(),
                        created: now,
                        updater: None,
                        updated: None,
                        expires,
                        transferred: None,
                        registrant,
                        contacts,
                        ns,
                        statuses: Vec::new(),
                        password,
                        transfer: None,
                    },
                );
                let (created, expires) = (rfc3339(now), rfc3339(expires));
                r.send(
                    ResultCode::Success,
                    ResData::Domain(DomainResData::Create {
                        name: Str::new(&name),
                        created: Str::new(&created),
                        expires: Some(Str::new(&expires)),
                    }),
                );
            }
            DomainCommand::Delete(delete) => {
                let name = owned(delete.name()).to_ascii_lowercase();
                let Some(d) = self.domains.get(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such domain");
                };
                if d.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                if d.statuses.iter().any(|s| {
                    matches!(
                        s,
                        DomainStatus::ClientDeleteProhibited | DomainStatus::ServerDeleteProhibited
                    )
                }) {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "deleteProhibited",
                    );
                }
                if self.hosts.keys().any(|h| is_subordinate(h, &name)) {
                    return r.fail(
                        ResultCode::ObjectAssociationProhibitsOperation,
                        "subordinate hosts exist",
                    );
                }
                self.domains.remove(&name);
                r.send(ResultCode::Success, ResData::None);
            }
            DomainCommand::Renew(renew) => {
                let name = owned(renew.name()).to_ascii_lowercase();
                let Some(d) = self.domains.get_mut(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such domain");
                };
                if d.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                if d.statuses.iter().any(|s| {
                    matches!(
                        s,
                        DomainStatus::ClientRenewProhibited | DomainStatus::ServerRenewProhibited
                    )
                }) {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "renewProhibited",
                    );
                }
                let current = renew.current_expiry();
                let (y, m, day) = civil_from_days(d.expires.div_euclid(86_400));
                if (
                    i64::from(current.year),
                    i64::from(current.month),
                    i64::from(current.day),
                ) != (y, m, day)
                {
                    return r.fail(
                        ResultCode::ParameterValuePolicyError,
                        "curExpDate is not the current expiry date",
                    );
                }
                let expires = add_months(d.expires, period_months(renew.period()));
                if expires > add_months(now, MAX_YEARS * 12) {
                    return r.fail(ResultCode::ParameterValuePolicyError, "period too long");
                }
                d.expires = expires;
                let expires = rfc3339(expires);
                r.send(
                    ResultCode::Success,
                    ResData::Domain(DomainResData::Renew {
                        name: Str::new(&name),
                        expires: Some(Str::new(&expires)),
                    }),
                );
            }
            DomainCommand::Transfer { op, transfer } => {
                let name = owned(transfer.name()).to_ascii_lowercase();
                let years = period_months(transfer.period()) / 12;
                let password = password_of(transfer.auth_info());
                self.transfer(
                    client,
                    PollObject::Domain,
                    &name,
                    *op,
                    years.max(1),
                    password,
                    now,
                    r,
                );
            }
            DomainCommand::Update(update) => {
                let name = owned(update.name()).to_ascii_lowercase();
                let Some(d) = self.domains.get(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such domain");
                };
                if d.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                let removes_update_prohibited = update.remove().is_some_and(|rem| {
                    rem.statuses()
                        .iter()
                        .any(|s| s.value() == DomainStatus::ClientUpdateProhibited)
                });
                if d.statuses.contains(&DomainStatus::ServerUpdateProhibited)
                    || (d.statuses.contains(&DomainStatus::ClientUpdateProhibited)
                        && !removes_update_prohibited)
                {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "updateProhibited",
                    );
                }
                let mut ns = d.ns.clone();
                let mut statuses = d.statuses.clone();
                let mut contacts = d.contacts.clone();
                let mut registrant = d.registrant.clone();
                let mut password = d.password.clone();
                if let Some(add) = update.add() {
                    if let Some(add_ns) = add.ns() {
                        match self.name_servers(add_ns) {
                            Ok(hosts) => ns.extend(hosts),
                            Err((code, why)) => return r.fail(code, why),
                        }
                    }
                    for s in add.statuses().iter() {
                        if !s.value().is_client_settable() {
                            return r.fail(
                                ResultCode::ParameterValuePolicyError,
                                "not a client status",
                            );
                        }
                        if s.value() == DomainStatus::ClientTransferProhibited
                            && is_pending(d.transfer.as_ref())
                        {
                            return r.fail(
                                ResultCode::ObjectStatusProhibitsOperation,
                                "pendingTransfer",
                            );
                        }
                        if statuses.contains(&s.value()) {
                            return r
                                .fail(ResultCode::ParameterValuePolicyError, "status already set");
                        }
                        statuses.push(s.value());
                    }
                    for c in add.contacts().iter() {
                        let id = owned(c.id());
                        if !self.contacts.contains_key(&id) {
                            return r.fail(ResultCode::ObjectDoesNotExist, "no such contact");
                        }
                        if let Some(t) = c.contact_type() {
                            contacts.push((id, t));
                        }
                    }
                }
                if let Some(rem) = update.remove() {
                    if let Some(rem_ns) = rem.ns() {
                        for h in rem_ns.host_objs().iter() {
                            ns.retain(|n| !h.eq_str(n));
                        }
                    }
                    for s in rem.statuses().iter() {
                        statuses.retain(|&v| v != s.value());
                    }
                    for c in rem.contacts().iter() {
                        contacts
                            .retain(|(id, t)| !(c.id().eq_str(id) && Some(*t) == c.contact_type()));
                    }
                }
                if let Some(chg) = update.change() {
                    match chg.registrant() {
                        Some(RegistrantChange::Set(id)) => {
                            let id = owned(id);
                            if !self.contacts.contains_key(&id) {
                                return r.fail(ResultCode::ObjectDoesNotExist, "no such contact");
                            }
                            registrant = Some(id);
                        }
                        Some(RegistrantChange::Remove) => registrant = None,
                        None => {}
                    }
                    if let Some(pw) = password_of(chg.auth_info()) {
                        password = pw;
                    }
                }
                let d = self.domains.get_mut(&name).expect("checked above");
                (d.ns, d.statuses, d.contacts, d.registrant, d.password) =
                    (ns, statuses, contacts, registrant, password);
                d.updater = Some(client.to_owned());
                d.updated = Some(now);
                r.send(ResultCode::Success, ResData::None);
            }
        }
    }

    /// The host objects of a `<domain:ns>`, each one that must exist.
    fn name_servers(&self, ns: NameServers<'_>) -> Result<Vec<String>, (ResultCode, &'static str)> {
        if !ns.host_attrs().is_empty() {
            return Err((ResultCode::UnimplementedOption, "hostAttr is not supported"));
        }
        let mut hosts = Vec::new();
        for h in ns.host_objs().iter() {
            let h = owned(h).to_ascii_lowercase();
            if !self.hosts.contains_key(&h) {
                return Err((
                    ResultCode::ObjectAssociationProhibitsOperation,
                    "no such host",
                ));
            }
            hosts.push(h);
        }
        Ok(hosts)
    }

    // ----- transfers (domains and contacts alike) -----

    #[allow(clippy::too_many_arguments)]
    fn transfer(
        &mut self,
        client: &str,
        object: PollObject,
        name: &str,
        op: TransferOp,
        years: i64,
        password: Option<String>,
        now: i64,
        r: &mut Reply<'_, '_>,
    ) {
        // The fields every transferable object has, borrowed mutably.
        let found = match object {
            PollObject::Domain => self.domains.get_mut(name).map(|d| {
                let prohibited = d.statuses.iter().any(|s| {
                    matches!(
                        s,
                        DomainStatus::ClientTransferProhibited
                            | DomainStatus::ServerTransferProhibited
                    )
                });
                (
                    &mut d.sponsor,
                    &d.password,
                    &mut d.transfer,
                    Some(&mut d.expires),
                    &mut d.transferred,
                    prohibited,
                )
            }),
            PollObject::Contact => self.contacts.get_mut(name).map(|c| {
                let prohibited = c.statuses.iter().any(|s| {
                    matches!(
                        s,
                        ContactStatus::ClientTransferProhibited
                            | ContactStatus::ServerTransferProhibited
                    )
                });
                (
                    &mut c.sponsor,
                    &c.password,
                    &mut c.transfer,
                    None,
                    &mut c.transferred,
                    prohibited,
                )
            }),
        };
        let Some((sponsor, secret, record, expires, transferred, prohibited)) = found else {
            return r.fail(ResultCode::ObjectDoesNotExist, "no such object");
        };
        let pending = is_pending(record.as_ref());
        let knows_password = password.as_deref() == Some(secret.as_str());
        let mut notify: Option<(String, String)> = None;
        let code = match op {
            TransferOp::Query => {
                let involved = *sponsor == client
                    || record.as_ref().is_some_and(|t| t.requester == client)
                    || knows_password;
                if !involved {
                    return r.fail(ResultCode::AuthorizationError, "not involved in a transfer");
                }
                if record.is_none() {
                    return r.fail(ResultCode::ObjectNotPendingTransfer, "no transfer");
                }
                ResultCode::Success
            }
            TransferOp::Request => {
                if *sponsor == client {
                    return r.fail(
                        ResultCode::ObjectNotEligibleForTransfer,
                        "already the sponsor",
                    );
                }
                if !knows_password {
                    return r.fail(
                        ResultCode::InvalidAuthorizationInformation,
                        "wrong authInfo",
                    );
                }
                if pending {
                    return r.fail(ResultCode::ObjectPendingTransfer, "transfer pending");
                }
                if prohibited {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "transferProhibited",
                    );
                }
                *record = Some(Transfer {
                    status: TransferStatus::Pending,
                    requester: client.to_owned(),
                    requested: now,
                    actor: sponsor.clone(),
                    action_due: now + TRANSFER_PENDING_DAYS * 86_400,
                    years: if expires.is_some() { years } else { 0 },
                });
                notify = Some((sponsor.clone(), "Transfer requested.".to_owned()));
                ResultCode::SuccessPending
            }
            TransferOp::Approve | TransferOp::Reject | TransferOp::Cancel => {
                if !pending {
                    return r.fail(ResultCode::ObjectNotPendingTransfer, "no pending transfer");
                }
                let t = record.as_mut().expect("pending");
                let allowed = if op == TransferOp::Cancel {
                    t.requester == client
                } else {
                    *sponsor == client
                };
                if !allowed {
                    return r.fail(ResultCode::AuthorizationError, "not a party to this step");
                }
                t.status = match op {
                    TransferOp::Approve => TransferStatus::ClientApproved,
                    TransferOp::Reject => TransferStatus::ClientRejected,
                    _ => TransferStatus::ClientCancelled,
                };
                t.action_due = now;
                let other = if op == TransferOp::Cancel {
                    t.actor.clone()
                } else {
                    t.requester.clone()
                };
                if op == TransferOp::Approve {
                    *sponsor = t.requester.clone();
                    *transferred = Some(now);
                    if let Some(expires) = expires {
                        *expires = add_months(*expires, t.years * 12);
                    }
                }
                let text = match op {
                    TransferOp::Approve => "Transfer approved.",
                    TransferOp::Reject => "Transfer rejected.",
                    _ => "Transfer cancelled.",
                };
                notify = Some((other, text.to_owned()));
                ResultCode::Success
            }
        };
        let t = record.clone().expect("a transfer record exists here");
        let expires_now = match object {
            PollObject::Domain => self.domains.get(name).map(|d| d.expires),
            PollObject::Contact => None,
        };
        if let Some((to, text)) = notify {
            self.queue(
                &to,
                PollMessage {
                    id: 0,
                    date: now,
                    text,
                    object,
                    name: name.to_owned(),
                    transfer: t.clone(),
                    expires: expires_now,
                },
            );
        }
        let strings = TransferStrings::new(&t, expires_now);
        let result = strings.result(name, &t);
        let res = match object {
            PollObject::Domain => ResData::Domain(DomainResData::Transfer(result)),
            PollObject::Contact => ResData::Contact(ContactResData::Transfer(result)),
        };
        r.send(code, res);
    }

    // ----- hosts -----

    fn host(&mut self, client: &str, command: &HostCommand<'_>, now: i64, r: &mut Reply<'_, '_>) {
        match command {
            HostCommand::Check(check) => {
                let results = check_results(check.names(), |name| {
                    self.hosts.contains_key(&name.to_ascii_lowercase())
                });
                r.send(
                    ResultCode::Success,
                    ResData::Host(HostResData::Check(&results)),
                );
            }
            HostCommand::Info(info) => {
                let name = owned(info.name()).to_ascii_lowercase();
                let Some(h) = self.hosts.get(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such host");
                };
                let mut statuses: Vec<vhost::Status<'_>> =
                    h.statuses.iter().map(|&s| vhost::Status::new(s)).collect();
                if self.host_is_linked(&name) {
                    statuses.push(vhost::Status::new(HostStatus::Linked));
                }
                if h.statuses.is_empty() {
                    statuses.push(vhost::Status::new(HostStatus::Ok));
                }
                let addresses: Vec<vhost::Address<'_>> = h
                    .addresses
                    .iter()
                    .filter_map(|(_, a)| vhost::Address::parse(a))
                    .collect();
                let created = rfc3339(h.created);
                let updated = h.updated.map(rfc3339);
                let mut data =
                    HostInfoData::new(&name, &h.roid, &statuses, &h.sponsor, &h.creator, &created);
                data.addresses = &addresses;
                data.updater_id = h.updater.as_deref().map(Str::new);
                data.updated = updated.as_deref().map(Str::new);
                r.send(ResultCode::Success, ResData::Host(HostResData::Info(data)));
            }
            HostCommand::Create(create) => {
                let name = owned(create.name()).to_ascii_lowercase();
                if self.hosts.contains_key(&name) {
                    return r.fail(ResultCode::ObjectExists, "host exists");
                }
                let addresses: Vec<(bool, String)> = create
                    .addresses()
                    .iter()
                    .map(|a| {
                        (
                            a.version() == epp_codec::view::IpVersion::V6,
                            owned(a.raw()),
                        )
                    })
                    .collect();
                let superordinate = self.domains.iter().find(|(d, _)| is_subordinate(&name, d));
                match superordinate {
                    Some((_, d)) if d.sponsor != client => {
                        return r.fail(
                            ResultCode::AuthorizationError,
                            "superordinate domain not yours",
                        );
                    }
                    Some(_) if addresses.is_empty() => {
                        return r.fail(
                            ResultCode::RequiredParameterMissing,
                            "in-zone host needs an address",
                        );
                    }
                    None if !addresses.is_empty() => {
                        return r.fail(
                            ResultCode::ParameterValuePolicyError,
                            "an external host takes no address",
                        );
                    }
                    _ => {}
                }
                let roid = self.roid("H");
                self.hosts.insert(
                    name.clone(),
                    Host {
                        roid,
                        sponsor: client.to_owned(),
                        creator: client.to_owned(),
                        created: now,
                        updater: None,
                        updated: None,
                        addresses,
                        statuses: Vec::new(),
                    },
                );
                let created = rfc3339(now);
                r.send(
                    ResultCode::Success,
                    ResData::Host(HostResData::Create {
                        name: Str::new(&name),
                        created: Str::new(&created),
                    }),
                );
            }
            HostCommand::Delete(delete) => {
                let name = owned(delete.name()).to_ascii_lowercase();
                let Some(h) = self.hosts.get(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such host");
                };
                if h.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                if h.statuses.iter().any(|s| {
                    matches!(
                        s,
                        HostStatus::ClientDeleteProhibited | HostStatus::ServerDeleteProhibited
                    )
                }) {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "deleteProhibited",
                    );
                }
                if self.host_is_linked(&name) {
                    return r.fail(
                        ResultCode::ObjectAssociationProhibitsOperation,
                        "host is linked",
                    );
                }
                self.hosts.remove(&name);
                r.send(ResultCode::Success, ResData::None);
            }
            HostCommand::Update(update) => {
                let name = owned(update.name()).to_ascii_lowercase();
                let Some(h) = self.hosts.get(&name) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such host");
                };
                if h.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                let removes = update
                    .remove()
                    .statuses()
                    .iter()
                    .any(|s| s.value() == HostStatus::ClientUpdateProhibited);
                if h.statuses.contains(&HostStatus::ServerUpdateProhibited)
                    || (h.statuses.contains(&HostStatus::ClientUpdateProhibited) && !removes)
                {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "updateProhibited",
                    );
                }
                let new_name = update.new_name().map(|n| owned(n).to_ascii_lowercase());
                if let Some(new_name) = &new_name {
                    if self.hosts.contains_key(new_name) {
                        return r.fail(ResultCode::ObjectExists, "new name exists");
                    }
                }
                let h = self.hosts.get_mut(&name).expect("checked above");
                for s in update.add().statuses().iter() {
                    if !s.value().is_client_settable() {
                        return r
                            .fail(ResultCode::ParameterValuePolicyError, "not a client status");
                    }
                }
                for s in update.add().statuses().iter() {
                    if !h.statuses.contains(&s.value()) {
                        h.statuses.push(s.value());
                    }
                }
                for s in update.remove().statuses().iter() {
                    h.statuses.retain(|&v| v != s.value());
                }
                for a in update.add().addresses().iter() {
                    h.addresses.push((
                        a.version() == epp_codec::view::IpVersion::V6,
                        owned(a.raw()),
                    ));
                }
                for a in update.remove().addresses().iter() {
                    h.addresses.retain(|(_, x)| !a.raw().eq_str(x));
                }
                h.updater = Some(client.to_owned());
                h.updated = Some(now);
                if let Some(new_name) = new_name {
                    if let Some(host) = self.hosts.remove(&name) {
                        self.hosts.insert(new_name.clone(), host);
                        for d in self.domains.values_mut() {
                            for n in &mut d.ns {
                                if *n == name {
                                    n.clone_from(&new_name);
                                }
                            }
                        }
                    }
                }
                r.send(ResultCode::Success, ResData::None);
            }
            _ => r.fail(
                ResultCode::UnimplementedCommand,
                "host command not implemented",
            ),
        }
    }

    // ----- contacts -----

    fn contact(
        &mut self,
        client: &str,
        command: &ContactCommand<'_>,
        now: i64,
        r: &mut Reply<'_, '_>,
    ) {
        match command {
            ContactCommand::Check(check) => {
                let results = check_results(check.ids(), |id| self.contacts.contains_key(id));
                r.send(
                    ResultCode::Success,
                    ResData::Contact(ContactResData::Check(&results)),
                );
            }
            ContactCommand::Info(info) => {
                let id = owned(info.id());
                let Some(c) = self.contacts.get(&id) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such contact");
                };
                let authorized = c.sponsor == client
                    || password_of(info.auth_info()).is_some_and(|pw| pw == c.password);
                if !authorized {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                let mut statuses: Vec<vcontact::Status<'_>> = c
                    .statuses
                    .iter()
                    .map(|&s| vcontact::Status::new(s))
                    .collect();
                if self.contact_is_linked(&id) {
                    statuses.push(vcontact::Status::new(ContactStatus::Linked));
                }
                if c.statuses.is_empty() {
                    statuses.push(vcontact::Status::new(ContactStatus::Ok));
                }
                let streets: Vec<Vec<Street<'_>>> = c
                    .postal
                    .iter()
                    .map(|p| p.streets.iter().map(|s| Street(Str::new(s))).collect())
                    .collect();
                let postal: Vec<vcontact::PostalInfo<'_>> = c
                    .postal
                    .iter()
                    .zip(&streets)
                    .map(|(p, streets)| {
                        let mut address = vcontact::Address::new(streets, &p.city, &p.country_code);
                        if let Some(sp) = &p.state_province {
                            address = address.with_state_province(sp);
                        }
                        if let Some(pc) = &p.postal_code {
                            address = address.with_postal_code(pc);
                        }
                        let info = vcontact::PostalInfo::new(p.info_type, &p.name, address);
                        match &p.org {
                            Some(org) => info.with_org(org),
                            None => info,
                        }
                    })
                    .collect();
                let created = rfc3339(c.created);
                let updated = c.updated.map(rfc3339);
                let transferred = c.transferred.map(rfc3339);
                let mut data = ContactInfoData::new(
                    &id, &c.roid, &statuses, &postal, &c.email, &c.sponsor, &c.creator, &created,
                );
                data.voice = c.voice.as_deref().map(vcontact::Phone::new);
                data.updater_id = c.updater.as_deref().map(Str::new);
                data.updated = updated.as_deref().map(Str::new);
                data.transferred = transferred.as_deref().map(Str::new);
                if c.sponsor == client {
                    data.auth_info = Some(AuthInfo::Password {
                        password: Str::new(&c.password),
                        roid: None,
                    });
                }
                r.send(
                    ResultCode::Success,
                    ResData::Contact(ContactResData::Info(data)),
                );
            }
            ContactCommand::Create(create) => {
                let id = owned(create.id());
                if self.contacts.contains_key(&id) {
                    return r.fail(ResultCode::ObjectExists, "contact exists");
                }
                let Some(password) = password_of(Some(create.auth_info())) else {
                    return r.fail(ResultCode::UnimplementedOption, "only <pw> authInfo");
                };
                let postal = create
                    .postal_infos()
                    .iter()
                    .filter_map(|p| {
                        let address = p.address()?;
                        Some(Postal {
                            info_type: p.info_type(),
                            name: p.name().map(owned).unwrap_or_default(),
                            org: p.org().map(owned),
                            streets: address.streets().iter().map(|s| owned(s.0)).collect(),
                            city: owned(address.city()),
                            state_province: address.state_province().map(owned),
                            postal_code: address.postal_code().map(owned),
                            country_code: owned(address.country_code()),
                        })
                    })
                    .collect();
                let roid = self.roid("C");
                self.contacts.insert(
                    id.clone(),
                    Contact {
                        roid,
                        sponsor: client.to_owned(),
                        creator: client.to_owned(),
                        created: now,
                        updater: None,
                        updated: None,
                        transferred: None,
                        postal,
                        voice: create.voice().map(|v| owned(v.number())),
                        email: owned(create.email()),
                        statuses: Vec::new(),
                        password,
                        transfer: None,
                    },
                );
                let created = rfc3339(now);
                r.send(
                    ResultCode::Success,
                    ResData::Contact(ContactResData::Create {
                        id: Str::new(&id),
                        created: Str::new(&created),
                    }),
                );
            }
            ContactCommand::Delete(delete) => {
                let id = owned(delete.id());
                let Some(c) = self.contacts.get(&id) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such contact");
                };
                if c.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                if c.statuses.iter().any(|s| {
                    matches!(
                        s,
                        ContactStatus::ClientDeleteProhibited
                            | ContactStatus::ServerDeleteProhibited
                    )
                }) {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "deleteProhibited",
                    );
                }
                if self.contact_is_linked(&id) {
                    return r.fail(
                        ResultCode::ObjectAssociationProhibitsOperation,
                        "contact is linked",
                    );
                }
                self.contacts.remove(&id);
                r.send(ResultCode::Success, ResData::None);
            }
            ContactCommand::Transfer { op, transfer } => {
                let id = owned(transfer.id());
                let password = password_of(transfer.auth_info());
                self.transfer(client, PollObject::Contact, &id, *op, 0, password, now, r);
            }
            ContactCommand::Update(update) => {
                let id = owned(update.id());
                let Some(c) = self.contacts.get_mut(&id) else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such contact");
                };
                if c.sponsor != client {
                    return r.fail(ResultCode::AuthorizationError, "not the sponsor");
                }
                let removes = update.remove().is_some_and(|rem| {
                    rem.iter()
                        .any(|s| s.value() == ContactStatus::ClientUpdateProhibited)
                });
                if c.statuses.contains(&ContactStatus::ServerUpdateProhibited)
                    || (c.statuses.contains(&ContactStatus::ClientUpdateProhibited) && !removes)
                {
                    return r.fail(
                        ResultCode::ObjectStatusProhibitsOperation,
                        "updateProhibited",
                    );
                }
                if let Some(add) = update.add() {
                    if add.iter().any(|s| !s.value().is_client_settable()) {
                        return r
                            .fail(ResultCode::ParameterValuePolicyError, "not a client status");
                    }
                    if add
                        .iter()
                        .any(|s| s.value() == ContactStatus::ClientTransferProhibited)
                        && is_pending(c.transfer.as_ref())
                    {
                        return r.fail(
                            ResultCode::ObjectStatusProhibitsOperation,
                            "pendingTransfer",
                        );
                    }
                    for s in add.iter() {
                        if !c.statuses.contains(&s.value()) {
                            c.statuses.push(s.value());
                        }
                    }
                }
                if let Some(rem) = update.remove() {
                    for s in rem.iter() {
                        c.statuses.retain(|&v| v != s.value());
                    }
                }
                if let Some(chg) = update.change() {
                    if let Some(email) = chg.email() {
                        c.email = owned(email);
                    }
                    if let Some(voice) = chg.voice() {
                        c.voice = Some(owned(voice.number()));
                    }
                    if let Some(pw) = password_of(chg.auth_info()) {
                        c.password = pw;
                    }
                    for p in chg.postal_infos().iter() {
                        if let Some(slot) =
                            c.postal.iter_mut().find(|x| x.info_type == p.info_type())
                        {
                            if let Some(name) = p.name() {
                                slot.name = owned(name);
                            }
                            if let Some(org) = p.org() {
                                slot.org = Some(owned(org));
                            }
                            if let Some(address) = p.address() {
                                slot.streets =
                                    address.streets().iter().map(|s| owned(s.0)).collect();
                                slot.city = owned(address.city());
                                slot.state_province = address.state_province().map(owned);
                                slot.postal_code = address.postal_code().map(owned);
                                slot.country_code = owned(address.country_code());
                            }
                        }
                    }
                }
                c.updater = Some(client.to_owned());
                c.updated = Some(now);
                r.send(ResultCode::Success, ResData::None);
            }
        }
    }

    // ----- poll -----

    fn poll(&mut self, client: &str, poll: Poll<'_>, r: &mut Reply<'_, '_>) {
        let queue = self.queues.entry(client.to_owned()).or_default();
        match poll {
            Poll::Request => {
                let Some(message) = queue.front() else {
                    return r.send(ResultCode::SuccessNoMessages, ResData::None);
                };
                let count = queue.len() as u64;
                let id = message.id.to_string();
                let date = rfc3339(message.date);
                let strings = TransferStrings::new(&message.transfer, message.expires);
                let result = strings.result(&message.name, &message.transfer);
                let res = match message.object {
                    PollObject::Domain => ResData::Domain(DomainResData::Transfer(result)),
                    PollObject::Contact => ResData::Contact(ContactResData::Transfer(result)),
                };
                r.send_full(
                    ResultCode::SuccessAckToDequeue,
                    None,
                    res,
                    Some(MessageQueueData {
                        count,
                        id: Str::new(&id),
                        date: Some(Str::new(&date)),
                        message: Some(Str::new(&message.text)),
                        lang: None,
                    }),
                );
            }
            Poll::Acknowledge { message_id } => {
                let Some(at) = queue
                    .iter()
                    .position(|m| message_id.eq_str(&m.id.to_string()))
                else {
                    return r.fail(ResultCode::ObjectDoesNotExist, "no such message");
                };
                queue.remove(at);
                let count = queue.len() as u64;
                let next = queue.front().map(|m| m.id.to_string());
                let id = owned(message_id);
                r.send_full(
                    ResultCode::Success,
                    None,
                    ResData::None,
                    Some(MessageQueueData {
                        count,
                        id: Str::new(next.as_deref().unwrap_or(&id)),
                        date: None,
                        message: None,
                        lang: None,
                    }),
                );
            }
        }
    }
}

/// The dates of a transfer, formatted, for `<trnData>`.
struct TransferStrings {
    requested: String,
    action_due: String,
    expires: Option<String>,
}

impl TransferStrings {
    fn new(t: &Transfer, expires: Option<i64>) -> Self {
        TransferStrings {
            requested: rfc3339(t.requested),
            action_due: rfc3339(t.action_due),
            expires: expires
                .map(|e| {
                    if t.status == TransferStatus::Pending {
                        add_months(e, t.years * 12)
                    } else {
                        e
                    }
                })
                .map(rfc3339),
        }
    }

    fn result<'s>(&'s self, name: &'s str, t: &'s Transfer) -> TransferResult<'s> {
        TransferResult {
            name: Str::new(name),
            status: t.status,
            requester: Str::new(&t.requester),
            requested: Str::new(&self.requested),
            actor: Str::new(&t.actor),
            action_due: Str::new(&self.action_due),
            expires: self.expires.as_deref().map(Str::new),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.0Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00.0Z");
        // 2000-02-29 plus a year is 2001-02-28.
        assert_eq!(
            rfc3339(add_months(951_782_400, 12)),
            "2001-02-28T00:00:00.0Z"
        );
        assert_eq!(
            rfc3339(add_months(951_782_400, 48)),
            "2004-02-29T00:00:00.0Z"
        );
    }

    #[test]
    fn subordinate_names() {
        assert!(is_subordinate("ns1.example.com", "example.com"));
        assert!(!is_subordinate("ns1.anexample.com", "example.com"));
        assert!(!is_subordinate("example.com", "example.com"));
    }
}
