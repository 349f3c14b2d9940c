//! Strict bundling (RFC 9095) written: `<b-dn:create>` and the bundle of
//! a domain response.

use super::WriteError;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::ext::{BundledName, Bundling};
use crate::xml::Ns;

const P: &str = "b-dn";

/// A b-dn element, with its namespace declared.
pub(super) fn write_bundling<S: Sink>(
    w: &mut XmlWriter<S>,
    bundling: &Bundling<'_>,
) -> Result<(), WriteError> {
    match bundling {
        Bundling::Create(rdn) => {
            w.start_q(P, "create");
            w.namespace(P, Ns::BundlingDn.uri());
            if let Some(rdn) = rdn {
                write_name(w, "rdn", rdn)?;
            }
            w.end_q(P, "create");
        }
        Bundling::Data(kind, bundle) => {
            w.start_q(P, kind.as_str());
            w.namespace(P, Ns::BundlingDn.uri());
            w.start_q(P, "bundle");
            write_name(w, "rdn", &bundle.rdn)?;
            for bdn in bundle.bdns.iter() {
                write_name(w, "bdn", &bdn)?;
            }
            w.end_q(P, "bundle");
            w.end_q(P, kind.as_str());
        }
    }
    Ok(())
}

fn write_name<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    name: &BundledName<'_>,
) -> Result<(), WriteError> {
    w.start_q(P, local);
    if let Some(u_label) = name.u_label {
        w.attr_str("uLabel", u_label)?;
    }
    w.text_str(name.name)?;
    w.end_q(P, local);
    Ok(())
}
