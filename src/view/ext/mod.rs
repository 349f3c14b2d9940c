//! Typed extensions: read strictly inside commands (validated in the same
//! pass as the command, with the same result codes) and tolerantly inside
//! responses, then re-read lazily; and built by hand, for the writers.
//!
//! Extensions the crate does not type stay raw ([`RawElement`]), in
//! commands and responses alike.
//!
//! [`RawElement`]: crate::view::RawElement

pub mod addl_email;
pub mod allocation_token;
pub mod bundling;
pub mod change_poll;
pub mod fee;
pub mod launch;
pub mod login_sec;
pub mod maintenance;
pub mod mark;
pub mod rgp;
pub mod sec_dns;
pub mod ttl;
pub mod verisign;

pub use addl_email::AddlEmail;
pub use allocation_token::AllocationToken;
pub use bundling::{Bundle, BundleDataKind, BundledName, Bundling};
pub use change_poll::{CaseId, ChangeData};
pub use fee::{
    Decimal, Fee, FeeApplied, FeeCheck, FeeCheckData, FeeCheckItem, FeeCommand, FeeCommandData,
    FeeCommandName, FeeCredit, FeeData, FeeExtension, FeeReason, FeeResult, FeeTransform,
};
pub use launch::{
    ClaimsNotice, CodeMark, Launch, LaunchApplication, LaunchCheck, LaunchCheckData,
    LaunchCheckResult, LaunchCheckType, LaunchCreate, LaunchCreateType, LaunchData, LaunchInfo,
    LaunchInfoData, LaunchMarks, LaunchPhase, LaunchStatus, ValidatorToken,
};
pub use login_sec::{LOGIN_SECURITY, LoginSec, LoginSecEvent, UserAgent};
pub use maintenance::{
    LangText, MaintenanceData, MaintenanceDescription, MaintenanceEnvironment, MaintenanceId,
    MaintenanceInfo, MaintenanceIntervention, MaintenanceItem, MaintenanceListItem,
    MaintenanceSystem,
};
pub use mark::{
    EncodedSignedMark, Mark, MarkAddress, MarkKind, MarkParty, MarkProtection, MarkRecord,
    SignedMark,
};
pub use rgp::{ReportText, RestoreOp, RestoreReport, RgpStatus, RgpStatusValue, RgpUpdate};
pub use sec_dns::{DsData, KeyData, SecDns, SecDnsData, SecDnsRemove, SecDnsUpdate};
pub use ttl::{MAX_TTL, Ttl, TtlExtension};
pub use verisign::{LowBalancePoll, MonthDay, Namestore, NamestoreError, RgpPoll, SyncUpdate};
