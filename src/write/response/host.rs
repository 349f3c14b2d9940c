//! host response data (`<host:chkData>`, `<host:infData>` …) built by hand and written.

use crate::write::WriteError;
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;

/// Host `<resData>` content built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum HostResData<'a> {
    /// Placeholder until the typed data lands.
    Placeholder(&'a str),
}

impl HostResData<'_> {
    pub(super) fn write<S: Sink>(&self, _w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        Err(WriteError::Invalid {
            element: "host",
            reason: "not yet written",
        })
    }
}
