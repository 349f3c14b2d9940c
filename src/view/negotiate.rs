//! Login negotiation (RFC 5730 §2.9.1.1): a client offers, in `<svcs>`,
//! the services both it and the server know; a server refuses a login
//! asking for one it does not offer.

use super::command::Login;
use super::error::{CommandError, CommandErrorKind, ElementName};
use super::response::Greeting;
use super::str::Str;
use crate::xml::Ns;

/// What a client can ask for at login, given the server's greeting: the
/// services both sides know (for `<svcs>`), and those the server lacks.
/// Holds up to `N` URIs in each list; more are dropped and counted in
/// [`overflowed`](Self::overflowed).
#[derive(Clone, Debug)]
pub struct Negotiation<'a, const N: usize> {
    /// Object URIs to send as `<objURI>`, in the client's order.
    pub objects: heapless::Vec<Str<'a>, N>,
    /// Extension URIs to send as `<extURI>`, in the client's order.
    pub extensions: heapless::Vec<Str<'a>, N>,
    /// Object URIs the client wants and the server does not offer.
    pub missing_objects: heapless::Vec<Str<'a>, N>,
    /// Extension URIs the client wants and the server does not offer.
    pub missing_extensions: heapless::Vec<Str<'a>, N>,
    /// URIs that did not fit in `N`.
    pub overflowed: usize,
}

impl<'a, const N: usize> Negotiation<'a, N> {
    /// Intersects what the client wants with the greeting's service menu.
    ///
    /// ```
    /// use epp_codec::view::{Negotiation, read_greeting};
    /// let greeting = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><greeting><svID>x</svID>
    ///   <svDate>2000-06-08T22:00:00.0Z</svDate><svcMenu><version>1.0</version><lang>en</lang>
    ///   <objURI>urn:ietf:params:xml:ns:domain-1.0</objURI>
    ///   <svcExtension><extURI>urn:ietf:params:xml:ns:secDNS-1.1</extURI></svcExtension></svcMenu>
    ///   <dcp><access><all/></access><statement><purpose><admin/></purpose><recipient><ours/></recipient>
    ///   <retention><stated/></retention></statement></dcp></greeting></epp>"#;
    /// let greeting = read_greeting(greeting).unwrap();
    /// let n: Negotiation<'_, 8> = Negotiation::new(
    ///     &greeting,
    ///     &["urn:ietf:params:xml:ns:domain-1.0", "urn:ietf:params:xml:ns:host-1.0"],
    ///     &["urn:ietf:params:xml:ns:secDNS-1.1", "urn:ietf:params:xml:ns:rgp-1.0"],
    /// );
    /// assert_eq!(n.objects.len(), 1);
    /// assert_eq!(n.missing_objects[0], "urn:ietf:params:xml:ns:host-1.0");
    /// assert_eq!(n.missing_extensions[0], "urn:ietf:params:xml:ns:rgp-1.0");
    /// ```
    pub fn new(greeting: &Greeting<'a>, objects: &[&'a str], extensions: &[&'a str]) -> Self {
        let mut n = Negotiation {
            objects: heapless::Vec::new(),
            extensions: heapless::Vec::new(),
            missing_objects: heapless::Vec::new(),
            missing_extensions: heapless::Vec::new(),
            overflowed: 0,
        };
        let offered_objects = greeting.object_uris();
        let offered_extensions = greeting.extension_uris();
        for &uri in objects {
            let offered = offered_objects.iter().any(|o| o.eq_str(uri));
            let list = if offered {
                &mut n.objects
            } else {
                &mut n.missing_objects
            };
            if list.push(Str::new(uri)).is_err() {
                n.overflowed += 1;
            }
        }
        for &uri in extensions {
            let offered = offered_extensions.iter().any(|o| o.eq_str(uri));
            let list = if offered {
                &mut n.extensions
            } else {
                &mut n.missing_extensions
            };
            if list.push(Str::new(uri)).is_err() {
                n.overflowed += 1;
            }
        }
        n
    }
}

/// A server's check of a login's `<svcs>` against its own menu: an object
/// service it does not offer is 2307 (naming the `<objURI>`), an extension
/// 2103 (naming the `<extURI>`), each with the URI's offset.
///
/// # Errors
///
/// The [`CommandError`] to answer.
pub fn check_services<'a>(
    login: &Login<'a>,
    objects: &[&str],
    extensions: &[&str],
) -> Result<(), CommandError<'a>> {
    for uri in login.object_uris().iter() {
        if !objects.iter().any(|o| uri.eq_str(o)) {
            return Err(
                CommandError::new(CommandErrorKind::UnimplementedObject, uri.span().start)
                    .with_element(ElementName::known(Ns::Epp, "objURI")),
            );
        }
    }
    for uri in login.extension_uris().iter() {
        if !extensions.iter().any(|e| uri.eq_str(e)) {
            return Err(CommandError::new(
                CommandErrorKind::UnimplementedExtension,
                uri.span().start,
            )
            .with_element(ElementName::known(Ns::Epp, "extURI")));
        }
    }
    Ok(())
}
