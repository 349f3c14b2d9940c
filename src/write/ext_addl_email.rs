//! The additional email address (RFC 9873) written.

use super::WriteError;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::ext::AddlEmail;
use crate::xml::Ns;

const P: &str = "addlEmail";

/// `<addlEmail:addlEmail><addlEmail:email primary="…">…</addlEmail:email>`
/// (the `primary` attribute where the schema puts it, on the email).
pub(super) fn write_addl_email<S: Sink>(
    w: &mut XmlWriter<S>,
    email: &AddlEmail<'_>,
) -> Result<(), WriteError> {
    w.start_q(P, "addlEmail");
    w.namespace(P, Ns::AddlEmail.uri());
    w.start_q(P, "email");
    if let Some(primary) = email.primary {
        w.attr("primary", if primary { "true" } else { "false" })?;
    }
    if let Some(address) = email.email {
        w.text_str(address)?;
    }
    w.end_q(P, "email");
    w.end_q(P, "addlEmail");
    Ok(())
}
