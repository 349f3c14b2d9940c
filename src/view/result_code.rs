//! EPP result codes (RFC 5730 §3).

use core::fmt;

macro_rules! result_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $text:literal; )*) => {
        /// A result code of RFC 5730 §3, or any other four-digit code a
        /// server sent ([`ResultCode::Other`]): an unknown code is kept, never
        /// a failure.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ResultCode {
            $( $(#[$doc])* #[doc = concat!("`", $code, "` — ", $text, ".")] $variant, )*
            /// A code RFC 5730 does not define, kept as its number.
            Other(u16),
        }

        impl ResultCode {
            /// Every code RFC 5730 defines, in numeric order.
            pub const ALL: &'static [ResultCode] = &[ $( ResultCode::$variant, )* ];

            /// The code for a number: a named variant when RFC 5730 defines
            /// it, [`ResultCode::Other`] otherwise.
            pub const fn from_u16(code: u16) -> ResultCode {
                match code { $( $code => ResultCode::$variant, )* other => ResultCode::Other(other) }
            }

            /// The numeric code.
            pub const fn as_u16(self) -> u16 {
                match self { $( ResultCode::$variant => $code, )* ResultCode::Other(n) => n }
            }

            /// The message text RFC 5730 gives for the code (`""` for
            /// [`ResultCode::Other`]).
            pub const fn text(self) -> &'static str {
                match self { $( ResultCode::$variant => $text, )* ResultCode::Other(_) => "" }
            }
        }
    };
}

result_codes! {
    /// Success.
    Success = 1000, "Command completed successfully";
    /// Success, action pending.
    SuccessPending = 1001, "Command completed successfully; action pending";
    /// Success, no messages in the queue.
    SuccessNoMessages = 1300, "Command completed successfully; no messages";
    /// Success, a message was dequeued.
    SuccessAckToDequeue = 1301, "Command completed successfully; ack to dequeue";
    /// Success, the session ends.
    SuccessEndingSession = 1500, "Command completed successfully; ending session";
    /// The command element is not defined by EPP.
    UnknownCommand = 2000, "Unknown command";
    /// The command does not follow the schemas.
    CommandSyntaxError = 2001, "Command syntax error";
    /// The command is well formed but not allowed now (e.g. login twice).
    CommandUseError = 2002, "Command use error";
    /// A required parameter is missing.
    RequiredParameterMissing = 2003, "Required parameter missing";
    /// A parameter value is outside the range the protocol allows.
    ParameterValueRangeError = 2004, "Parameter value range error";
    /// A parameter value is syntactically invalid.
    ParameterValueSyntaxError = 2005, "Parameter value syntax error";
    /// The protocol version is not implemented.
    UnimplementedProtocolVersion = 2100, "Unimplemented protocol version";
    /// The command is not implemented.
    UnimplementedCommand = 2101, "Unimplemented command";
    /// A command option is not implemented.
    UnimplementedOption = 2102, "Unimplemented option";
    /// An extension is not implemented.
    UnimplementedExtension = 2103, "Unimplemented extension";
    /// Billing failed.
    BillingFailure = 2104, "Billing failure";
    /// The object is not eligible for renewal.
    ObjectNotEligibleForRenewal = 2105, "Object is not eligible for renewal";
    /// The object is not eligible for transfer.
    ObjectNotEligibleForTransfer = 2106, "Object is not eligible for transfer";
    /// Authentication failed.
    AuthenticationError = 2200, "Authentication error";
    /// The client may not do this.
    AuthorizationError = 2201, "Authorization error";
    /// The authorization information is wrong.
    InvalidAuthorizationInformation = 2202, "Invalid authorization information";
    /// A transfer is already pending.
    ObjectPendingTransfer = 2300, "Object pending transfer";
    /// No transfer is pending.
    ObjectNotPendingTransfer = 2301, "Object not pending transfer";
    /// The object exists already.
    ObjectExists = 2302, "Object exists";
    /// The object does not exist.
    ObjectDoesNotExist = 2303, "Object does not exist";
    /// The object's status forbids the operation.
    ObjectStatusProhibitsOperation = 2304, "Object status prohibits operation";
    /// An association (e.g. a linked host) forbids the operation.
    ObjectAssociationProhibitsOperation = 2305, "Object association prohibits operation";
    /// A parameter value breaks server policy.
    ParameterValuePolicyError = 2306, "Parameter value policy error";
    /// The object service is not implemented.
    UnimplementedObjectService = 2307, "Unimplemented object service";
    /// Data management policy was violated.
    DataManagementPolicyViolation = 2308, "Data management policy violation";
    /// The command failed.
    CommandFailed = 2400, "Command failed";
    /// The command failed and the server closes the session.
    CommandFailedServerClosingConnection = 2500, "Command failed; server closing connection";
    /// Authentication failed and the server closes the session.
    AuthenticationErrorServerClosingConnection = 2501, "Authentication error; server closing connection";
    /// A session limit was exceeded and the server closes the session.
    SessionLimitExceededServerClosingConnection = 2502, "Session limit exceeded; server closing connection";
}

/// The class of a result code, from its digits (RFC 5730 §3: the first
/// says success (1) or failure (2), the second the category, 5 being
/// connection management: the server ends the session).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResultClass {
    /// 10xx–14xx: the command succeeded.
    Success,
    /// 20xx–23xx: the client sent something wrong or not allowed
    /// (protocol syntax, implementation rules, security, data management).
    ClientError,
    /// 24xx: the server failed (server system).
    ServerError,
    /// 15xx and 25xx: the server closes the session after this response
    /// (1500 after a logout, a success; 2500–2502 after a failure).
    Closing,
    /// Any other number.
    Unknown,
}

impl ResultCode {
    /// The class of the code.
    pub const fn class(self) -> ResultClass {
        match self.as_u16() {
            1000..=1499 => ResultClass::Success,
            1500..=1599 | 2500..=2599 => ResultClass::Closing,
            2000..=2399 => ResultClass::ClientError,
            2400..=2499 => ResultClass::ServerError,
            _ => ResultClass::Unknown,
        }
    }

    /// Whether the code means success (1xxx, 1500 included: the command
    /// succeeded, and the session ends).
    pub const fn is_success(self) -> bool {
        matches!(self.as_u16(), 1000..=1999)
    }

    /// Whether the server closes the session after this code (1500 and
    /// 2500–2502; RFC 5730 §3).
    pub const fn closes_session(self) -> bool {
        matches!(self.as_u16(), 1500 | 2500..=2502)
    }
}

impl From<u16> for ResultCode {
    fn from(code: u16) -> Self {
        ResultCode::from_u16(code)
    }
}

impl From<ResultCode> for u16 {
    fn from(code: ResultCode) -> Self {
        code.as_u16()
    }
}

impl fmt::Display for ResultCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            "" => write!(f, "{}", self.as_u16()),
            text => write!(f, "{} {}", self.as_u16(), text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_round_trips_and_others_are_kept() {
        for &code in ResultCode::ALL {
            assert_eq!(ResultCode::from_u16(code.as_u16()), code);
            assert!(!code.text().is_empty());
        }
        assert_eq!(ResultCode::ALL.len(), 34);
        assert_eq!(ResultCode::from_u16(2999), ResultCode::Other(2999));
        assert_eq!(ResultCode::Other(2999).as_u16(), 2999);
    }

    #[test]
    fn classes_and_closing() {
        assert!(ResultCode::SuccessEndingSession.closes_session());
        assert!(ResultCode::SessionLimitExceededServerClosingConnection.closes_session());
        assert!(!ResultCode::CommandFailed.closes_session());
        assert_eq!(ResultCode::ObjectExists.class(), ResultClass::ClientError);
        assert_eq!(ResultCode::CommandFailed.class(), ResultClass::ServerError);
        assert_eq!(ResultCode::Other(3000).class(), ResultClass::Unknown);
        assert!(ResultCode::SuccessNoMessages.is_success());
        // The class agrees with closes_session for every code, named or not
        // (past 2999 nothing changes; a short loop, as Miri runs it too).
        for n in (0..=3000).chain([9999, u16::MAX]) {
            let code = ResultCode::from_u16(n);
            assert_eq!(
                code.class() == ResultClass::Closing,
                code.closes_session() || matches!(n, 1501..=1599 | 2503..=2599),
                "{n}"
            );
            assert_eq!(code.is_success(), (1000..2000).contains(&n), "{n}");
        }
        assert_eq!(
            ResultCode::SuccessEndingSession.class(),
            ResultClass::Closing
        );
        assert!(ResultCode::SuccessEndingSession.is_success());
        assert_eq!(
            ResultCode::AuthenticationErrorServerClosingConnection.class(),
            ResultClass::Closing
        );
        assert!(!ResultCode::CommandFailedServerClosingConnection.is_success());
        assert_eq!(ResultCode::SuccessPending.class(), ResultClass::Success);
        assert_eq!(
            ResultCode::AuthorizationError.class(),
            ResultClass::ClientError
        );
    }
}
