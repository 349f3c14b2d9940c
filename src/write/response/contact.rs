//! contact response data (`<contact:chkData>`, `<contact:infData>` …) built by hand and written.

use crate::write::WriteError;
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;

/// Contact `<resData>` content built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum ContactResData<'a> {
    /// Placeholder until the typed data lands.
    Placeholder(&'a str),
}

impl ContactResData<'_> {
    pub(super) fn write<S: Sink>(&self, _w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        Err(WriteError::Invalid {
            element: "contact",
            reason: "not yet written",
        })
    }
}
