//! [`CommandError`]: why a command was refused, and what to answer.

use core::fmt;

use super::ResultCode;
use crate::xml::{Namespace, Ns, Span, XmlError, XmlErrorKind};

/// An element named in an error: its namespace and local name, so that a
/// server can echo it in `<result><value>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementName<'a> {
    /// The element's namespace.
    pub namespace: Namespace<'a>,
    /// The element's local name.
    pub local: &'a str,
}

impl<'a> ElementName<'a> {
    /// An element of a known namespace.
    pub const fn known(ns: Ns, local: &'a str) -> Self {
        ElementName {
            namespace: Namespace::Known(ns),
            local,
        }
    }

    /// Whether this is `local` in the known namespace `ns`.
    pub fn is(&self, ns: Ns, local: &str) -> bool {
        self.namespace == Namespace::Known(ns) && self.local == local
    }
}

impl fmt::Display for ElementName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.namespace {
            Namespace::None => f.write_str(self.local),
            Namespace::Known(ns) => write!(f, "{{{}}}{}", ns.uri(), self.local),
            Namespace::Other(uri) => write!(f, "{{{}}}{}", uri, self.local),
        }
    }
}

/// What was wrong with a command.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandErrorKind {
    /// The payload is not well-formed XML (or is over a limit). Code 2001.
    Xml(XmlErrorKind),
    /// The root element is not `<epp>` in the EPP namespace, or holds
    /// something other than `<hello>` or `<command>`. Code 2001.
    NotACommand,
    /// An element the schema does not allow here (a foreign element, or
    /// siblings out of order). Code 2001.
    UnexpectedElement,
    /// Character data where only elements may stand. Code 2001.
    UnexpectedText,
    /// An attribute the schema does not define. Code 2001.
    UnexpectedAttribute,
    /// A required element is missing. Code 2003.
    MissingElement,
    /// A required attribute is missing. Code 2003.
    MissingAttribute,
    /// A value's length in characters is outside `min..=max`. Code 2004.
    LengthOutOfRange {
        /// The least length allowed.
        min: u32,
        /// The greatest length allowed.
        max: u32,
    },
    /// A number is outside `min..=max`. Code 2004.
    ValueOutOfRange {
        /// The least value allowed.
        min: u32,
        /// The greatest value allowed.
        max: u32,
    },
    /// More repetitions of an element than the schema allows. Code 2004.
    TooMany {
        /// The most allowed.
        max: u32,
    },
    /// A value does not match its type (the name says which). Code 2005.
    InvalidValue {
        /// The type or enumeration expected, e.g. `"IPv4 address"`.
        expected: &'static str,
    },
    /// The command element is not one EPP defines. Code 2000.
    UnknownCommand,
    /// The protocol version asked for at login is not `1.0`. Code 2100.
    UnimplementedProtocolVersion,
    /// The command is not implemented by the server. Code 2101.
    UnimplementedCommand,
    /// A command option is not implemented. Code 2102.
    UnimplementedOption,
    /// An extension is not implemented. Code 2103.
    UnimplementedExtension,
    /// The object namespace of a command is not implemented. Code 2307.
    UnimplementedObject,
}

impl CommandErrorKind {
    /// The EPP result code a server answers this with.
    pub const fn result_code(self) -> ResultCode {
        use CommandErrorKind as K;
        match self {
            K::Xml(_)
            | K::NotACommand
            | K::UnexpectedElement
            | K::UnexpectedText
            | K::UnexpectedAttribute => ResultCode::CommandSyntaxError,
            K::MissingElement | K::MissingAttribute => ResultCode::RequiredParameterMissing,
            K::LengthOutOfRange { .. } | K::ValueOutOfRange { .. } | K::TooMany { .. } => {
                ResultCode::ParameterValueRangeError
            }
            K::InvalidValue { .. } => ResultCode::ParameterValueSyntaxError,
            K::UnknownCommand => ResultCode::UnknownCommand,
            K::UnimplementedProtocolVersion => ResultCode::UnimplementedProtocolVersion,
            K::UnimplementedCommand => ResultCode::UnimplementedCommand,
            K::UnimplementedOption => ResultCode::UnimplementedOption,
            K::UnimplementedExtension => ResultCode::UnimplementedExtension,
            K::UnimplementedObject => ResultCode::UnimplementedObjectService,
        }
    }
}

/// Why a command was refused: the kind, the EPP result code to answer with,
/// the element at fault and where it is.
///
/// Small and `Copy`; it borrows the element's name from the payload.
///
/// ```
/// use epp_codec::view::{read_command, ResultCode};
/// let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command>
///   <check><domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"/></check>
/// </command></epp>"#;
/// let err = read_command(payload).unwrap_err();
/// assert_eq!(err.result_code(), ResultCode::RequiredParameterMissing);
/// assert_eq!(err.element().unwrap().local, "name");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandError<'a> {
    kind: CommandErrorKind,
    element: Option<ElementName<'a>>,
    attribute: Option<&'a str>,
    offset: usize,
    span: Option<Span>,
}

impl<'a> CommandError<'a> {
    /// An error of `kind` at `offset`.
    pub const fn new(kind: CommandErrorKind, offset: usize) -> Self {
        CommandError {
            kind,
            element: None,
            attribute: None,
            offset,
            span: None,
        }
    }

    /// The same error naming the element at fault.
    pub const fn with_element(mut self, element: ElementName<'a>) -> Self {
        self.element = Some(element);
        self
    }

    /// The same error naming the attribute at fault (of [`element`](Self::element)).
    pub const fn with_attribute(mut self, attribute: &'a str) -> Self {
        self.attribute = Some(attribute);
        self
    }

    /// The same error with the span of the offending XML.
    pub const fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// What went wrong.
    pub const fn kind(&self) -> CommandErrorKind {
        self.kind
    }

    /// The EPP result code a server answers with.
    pub const fn result_code(&self) -> ResultCode {
        self.kind.result_code()
    }

    /// The element at fault: the one missing, unexpected, or holding the bad value.
    pub const fn element(&self) -> Option<ElementName<'a>> {
        self.element
    }

    /// The attribute at fault, when it is an attribute (of [`element`](Self::element)).
    pub const fn attribute(&self) -> Option<&'a str> {
        self.attribute
    }

    /// Byte offset in the payload: of the offending element, attribute or
    /// value, or for a missing one, of where it was expected.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The payload bytes to echo in `<value>`: the whole offending element
    /// where there is one (start tag to end tag), or the offending value.
    pub const fn span(&self) -> Option<Span> {
        self.span
    }
}

impl From<XmlError> for CommandError<'_> {
    fn from(e: XmlError) -> Self {
        CommandError::new(CommandErrorKind::Xml(e.kind()), e.offset())
    }
}

impl fmt::Display for CommandError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CommandErrorKind as K;
        write!(f, "{}: ", self.result_code().as_u16())?;
        match self.kind {
            K::Xml(kind) => write!(f, "{kind}")?,
            K::NotACommand => f.write_str("not an EPP command")?,
            K::UnexpectedElement => f.write_str("unexpected element")?,
            K::UnexpectedText => f.write_str("unexpected text")?,
            K::UnexpectedAttribute => f.write_str("unexpected attribute")?,
            K::MissingElement => f.write_str("missing element")?,
            K::MissingAttribute => f.write_str("missing attribute")?,
            K::LengthOutOfRange { min, max } => {
                write!(f, "length outside {min}..={max} characters")?
            }
            K::ValueOutOfRange { min, max } => write!(f, "value outside {min}..={max}")?,
            K::TooMany { max } => write!(f, "more than {max} repetitions")?,
            K::InvalidValue { expected } => write!(f, "invalid value, expected {expected}")?,
            K::UnknownCommand => f.write_str("unknown command")?,
            K::UnimplementedProtocolVersion => f.write_str("unimplemented protocol version")?,
            K::UnimplementedCommand => f.write_str("unimplemented command")?,
            K::UnimplementedOption => f.write_str("unimplemented option")?,
            K::UnimplementedExtension => f.write_str("unimplemented extension")?,
            K::UnimplementedObject => f.write_str("unimplemented object service")?,
        }
        if let Some(element) = self.element {
            write!(f, " {element}")?;
        }
        if let Some(attribute) = self.attribute {
            write!(f, " attribute {attribute:?}")?;
        }
        write!(f, " at byte {}", self.offset)
    }
}

impl core::error::Error for CommandError<'_> {}
