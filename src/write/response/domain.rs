//! domain response data (`<domain:chkData>`, `<domain:infData>` …) built by hand and written.

use crate::write::WriteError;
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;

/// Domain `<resData>` content built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum DomainResData<'a> {
    /// Placeholder until the typed data lands.
    Placeholder(&'a str),
}

impl DomainResData<'_> {
    pub(super) fn write<S: Sink>(&self, _w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        Err(WriteError::Invalid {
            element: "domain",
            reason: "not yet written",
        })
    }
}
