//! Namespaces: the known EPP ones as a small enum, the rest as borrowed URIs.

use core::fmt;

use super::escape::{UnescapeMode, Unescaped};

macro_rules! known_namespaces {
    ($( $(#[$doc:meta])* $variant:ident => $uri:literal, )*) => {
        /// A namespace this crate knows, so that matching an element is an
        /// integer compare rather than a string compare.
        #[non_exhaustive]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Ns {
            $( $(#[$doc])* #[doc = concat!("`", $uri, "`")] $variant, )*
        }

        impl Ns {
            /// Every known namespace, in declaration order.
            pub const ALL: &'static [Ns] = &[ $( Ns::$variant, )* ];

            /// The known namespace whose place in [`ALL`](Self::ALL) is `index`.
            #[inline]
            pub(crate) const fn from_index(index: u32) -> Option<Ns> {
                match index {
                    $( i if i == Ns::$variant as u32 => Some(Ns::$variant), )*
                    _ => None,
                }
            }

            /// The namespace URI.
            pub const fn uri(self) -> &'static str {
                match self { $( Ns::$variant => $uri, )* }
            }

            /// The known namespace with this exact URI.
            pub fn from_uri(uri: &str) -> Option<Ns> {
                match uri { $( $uri => Some(Ns::$variant), )* _ => None }
            }
        }
    };
}

known_namespaces! {
    /// EPP core, RFC 5730.
    Epp => "urn:ietf:params:xml:ns:epp-1.0",
    /// EPP common types, RFC 5730.
    EppCom => "urn:ietf:params:xml:ns:eppcom-1.0",
    /// Domain mapping, RFC 5731.
    Domain => "urn:ietf:params:xml:ns:domain-1.0",
    /// Host mapping, RFC 5732.
    Host => "urn:ietf:params:xml:ns:host-1.0",
    /// Contact mapping, RFC 5733.
    Contact => "urn:ietf:params:xml:ns:contact-1.0",
    /// DNSSEC, RFC 4310 (obsolete, still seen).
    SecDns10 => "urn:ietf:params:xml:ns:secDNS-1.0",
    /// DNSSEC, RFC 5910.
    SecDns11 => "urn:ietf:params:xml:ns:secDNS-1.1",
    /// Registry grace period, RFC 3915.
    Rgp => "urn:ietf:params:xml:ns:rgp-1.0",
    /// Fee draft 0.6.
    Fee06 => "urn:ietf:params:xml:ns:fee-0.6",
    /// Fee draft 0.7.
    Fee07 => "urn:ietf:params:xml:ns:fee-0.7",
    /// Fee draft 0.8.
    Fee08 => "urn:ietf:params:xml:ns:fee-0.8",
    /// Fee draft 0.9.
    Fee09 => "urn:ietf:params:xml:ns:fee-0.9",
    /// Fee draft 0.11.
    Fee011 => "urn:ietf:params:xml:ns:fee-0.11",
    /// Fee draft 0.12.
    Fee012 => "urn:ietf:params:xml:ns:fee-0.12",
    /// Fees, RFC 8748.
    Fee10 => "urn:ietf:params:xml:ns:epp:fee-1.0",
    /// Launch phases, RFC 8334.
    Launch => "urn:ietf:params:xml:ns:launch-1.0",
    /// Marks, RFC 7848.
    Mark => "urn:ietf:params:xml:ns:mark-1.0",
    /// Signed marks, RFC 7848.
    SignedMark => "urn:ietf:params:xml:ns:signedMark-1.0",
    /// Allocation tokens, RFC 8495.
    AllocationToken => "urn:ietf:params:xml:ns:allocationToken-1.0",
    /// DNS TTL, RFC 9803.
    Ttl => "urn:ietf:params:xml:ns:epp:ttl-1.0",
    /// Login security, RFC 8807.
    LoginSec => "urn:ietf:params:xml:ns:epp:loginSec-1.0",
    /// Change poll, RFC 8590.
    ChangePoll => "urn:ietf:params:xml:ns:changePoll-1.0",
    /// Registry maintenance, RFC 9167.
    Maintenance => "urn:ietf:params:xml:ns:epp:maintenance-1.0",
    /// Additional email, RFC 9873.
    AddlEmail => "urn:ietf:params:xml:ns:epp:addlEmail-1.0",
    /// Strict bundling of IDN variants, RFC 9095.
    BundlingDn => "urn:ietf:params:xml:ns:epp:b-dn",
    /// Verisign NameStore extension.
    VerisignNamestoreExt => "http://www.verisign-grs.com/epp/namestoreExt-1.1",
    /// Verisign consolidate (sync) extension.
    VerisignSync => "http://www.verisign.com/epp/sync-1.0",
    /// Verisign low-balance poll messages.
    VerisignLowBalancePoll => "http://www.verisign.com/epp/lowbalance-poll-1.0",
    /// Verisign RGP poll messages.
    VerisignRgpPoll => "http://www.verisign.com/epp/rgp-poll-1.0",
    /// AFNIC (.fr) extension.
    Frnic => "http://www.afnic.fr/xml/epp/frnic-2.0",
    /// Google Registry allocation extension.
    GoogleAllocate => "urn:google:params:xml:ns:allocate-1.0",
    /// Google Registry bulk-token extension.
    GoogleBulkToken => "urn:google:params:xml:ns:bulkToken-1.0",
    /// Google Registry metadata extension.
    GoogleMetadata => "urn:google:params:xml:ns:metadata-1.0",
    /// Google Registry superuser extension.
    GoogleSuperuser => "urn:google:params:xml:ns:superuser-1.0",
    /// XML Schema instance (`xsi:schemaLocation`).
    Xsi => "http://www.w3.org/2001/XMLSchema-instance",
    /// XML Signature (inside signed marks).
    XmlDsig => "http://www.w3.org/2000/09/xmldsig#",
    /// The `xml:` prefix's namespace, bound by definition.
    Xml => "http://www.w3.org/XML/1998/namespace",
}

/// A namespace URI that is not one of the [`Ns`] variants, borrowed from the
/// document. It may contain references (`&amp;`); comparisons unescape.
#[derive(Clone, Copy)]
pub struct Uri<'a> {
    raw: &'a str,
    has_refs: bool,
}

impl<'a> Uri<'a> {
    pub(crate) fn new(raw: &'a str, has_refs: bool) -> Self {
        Uri { raw, has_refs }
    }

    /// The URI as written in the declaration, references not replaced.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// The URI with references replaced, lazily.
    pub fn unescaped(&self) -> Unescaped<'a> {
        Unescaped::new(
            self.raw,
            if self.has_refs {
                UnescapeMode::Attribute
            } else {
                UnescapeMode::None
            },
        )
    }

    /// Whether the URI, unescaped, equals `s`.
    pub fn eq_str(&self, s: &str) -> bool {
        if self.has_refs {
            self.unescaped().eq_str(s)
        } else {
            self.raw == s
        }
    }
}

impl PartialEq for Uri<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self.has_refs, other.has_refs) {
            (false, false) => self.raw == other.raw,
            _ => self.unescaped().chars().eq(other.unescaped().chars()),
        }
    }
}

impl Eq for Uri<'_> {}

impl fmt::Debug for Uri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.raw, f)
    }
}

impl fmt::Display for Uri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.unescaped(), f)
    }
}

/// The namespace of an element or attribute name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Namespace<'a> {
    /// No namespace: an unprefixed attribute, or an element outside any default namespace.
    None,
    /// A namespace this crate knows.
    Known(Ns),
    /// Any other namespace.
    Other(Uri<'a>),
}

impl<'a> Namespace<'a> {
    /// The known namespace, if it is one.
    pub fn known(&self) -> Option<Ns> {
        match *self {
            Namespace::Known(ns) => Some(ns),
            _ => None,
        }
    }

    /// Whether this is the given known namespace.
    pub fn is(&self, ns: Ns) -> bool {
        *self == Namespace::Known(ns)
    }

    /// Whether the namespace URI (unescaped) equals `uri`; the empty string
    /// matches [`Namespace::None`].
    pub fn eq_uri(&self, uri: &str) -> bool {
        match self {
            Namespace::None => uri.is_empty(),
            Namespace::Known(ns) => ns.uri() == uri,
            Namespace::Other(u) => u.eq_str(uri),
        }
    }

    /// Resolves a declaration's value: a known namespace when the URI is one.
    pub(crate) fn from_value(raw: &'a str, has_refs: bool) -> Namespace<'a> {
        if raw.is_empty() {
            return Namespace::None;
        }
        let known = if has_refs {
            Ns::ALL
                .iter()
                .copied()
                .find(|ns| Uri::new(raw, true).eq_str(ns.uri()))
        } else {
            Ns::from_uri(raw)
        };
        match known {
            Some(ns) => Namespace::Known(ns),
            None => Namespace::Other(Uri::new(raw, has_refs)),
        }
    }
}

impl PartialEq<Ns> for Namespace<'_> {
    fn eq(&self, other: &Ns) -> bool {
        self.is(*other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_uri_maps_back() {
        for &ns in Ns::ALL {
            assert_eq!(Ns::from_uri(ns.uri()), Some(ns));
            assert_eq!(Namespace::from_value(ns.uri(), false), Namespace::Known(ns));
        }
        assert_eq!(Ns::from_uri("urn:ietf:params:xml:ns:domain-1.1"), None);
    }

    #[test]
    fn escaped_uris_compare_unescaped() {
        let a = Namespace::from_value("urn:a&amp;b", true);
        let b = Namespace::from_value("urn:a&#38;b", true);
        assert_eq!(a, b);
        assert!(a.eq_uri("urn:a&b"));
        assert_eq!(
            Namespace::from_value("urn:ietf:params:xml:ns:domain&#x2D;1.0", true),
            Namespace::Known(Ns::Domain)
        );
    }
}
