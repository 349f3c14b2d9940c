//! Commands: [`Request`] (read or built by hand) written as RFC 5730 XML.

pub(crate) mod contact;
pub(crate) mod domain;
pub(crate) mod host;

use super::raw::{write_raw_element, write_read_children};
use super::sink::Sink;
use super::xml::XmlWriter;
use super::{Writable, WriteError};
use crate::view::command::{Command, Extensions, Login, OtherCommand, Poll, RawElement, Request};
use crate::view::{AuthInfo, Str, Verb};
use crate::xml::Ns;

impl Writable for Request<'_> {
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        w.declaration();
        w.start("epp");
        w.namespace("", Ns::Epp.uri());
        if let Command::Hello = self.command() {
            w.empty("hello");
            w.end("epp");
            return Ok(());
        }
        w.start("command");
        match self.command() {
            Command::Hello => {}
            Command::Login(login) => write_login(w, login)?,
            Command::Logout => w.empty("logout"),
            Command::Poll(poll) => write_poll(w, poll)?,
            Command::Domain(domain) => domain::write(w, domain)?,
            Command::Host(host) => host::write(w, host)?,
            Command::Contact(contact) => contact::write(w, contact)?,
            Command::Other(other) => write_other(w, other)?,
            Command::Maintenance(info) => super::ext_maintenance::write_info(w, info)?,
        }
        write_extensions(w, self.extensions())?;
        if let Some(cl_trid) = self.cl_trid() {
            w.leaf("clTRID", cl_trid)?;
        }
        w.end("command");
        w.end("epp");
        Ok(())
    }
}

fn write_login<S: Sink>(w: &mut XmlWriter<S>, login: &Login<'_>) -> Result<(), WriteError> {
    w.start("login");
    w.leaf("clID", login.client_id())?;
    w.secret("pw", login.password())?;
    if let Some(new_password) = login.new_password() {
        w.secret("newPW", new_password)?;
    }
    w.start("options");
    w.leaf("version", login.version())?;
    w.leaf("lang", login.lang())?;
    w.end("options");
    w.start("svcs");
    for uri in login.object_uris().iter() {
        w.leaf("objURI", uri)?;
    }
    let extensions = login.extension_uris();
    if !extensions.is_empty() {
        w.start("svcExtension");
        for uri in extensions.iter() {
            w.leaf("extURI", uri)?;
        }
        w.end("svcExtension");
    }
    w.end("svcs");
    w.end("login");
    Ok(())
}

fn write_poll<S: Sink>(w: &mut XmlWriter<S>, poll: &Poll<'_>) -> Result<(), WriteError> {
    w.start("poll");
    match poll {
        Poll::Request => w.attr("op", "req")?,
        Poll::Acknowledge { message_id } => {
            w.attr("op", "ack")?;
            w.attr_str("msgID", *message_id)?;
        }
    }
    w.end("poll");
    Ok(())
}

fn write_other<S: Sink>(w: &mut XmlWriter<S>, other: &OtherCommand<'_>) -> Result<(), WriteError> {
    start_verb(w, other.verb())?;
    write_raw(w, &other.object())?;
    w.end(other.verb().as_str());
    Ok(())
}

/// Opens the verb element (`<check>`, `<transfer op="…">` …).
pub(super) fn start_verb<S: Sink>(w: &mut XmlWriter<S>, verb: Verb) -> Result<(), WriteError> {
    w.start(verb.as_str());
    if let Verb::Transfer(op) = verb {
        w.attr("op", op.as_str())?;
    }
    Ok(())
}

/// Opens `<verb><prefix:verb xmlns:prefix="…">`: `object` is the
/// qualified object element name (`domain:check`).
pub(super) fn start_object<S: Sink>(
    w: &mut XmlWriter<S>,
    verb: Verb,
    object: &str,
    ns: Ns,
) -> Result<(), WriteError> {
    start_verb(w, verb)?;
    w.start(object);
    let prefix = object.split_once(':').map_or("", |(p, _)| p);
    w.namespace(prefix, ns.uri());
    Ok(())
}

/// Closes what [`start_object`] opened.
pub(super) fn end_object<S: Sink>(w: &mut XmlWriter<S>, verb: Verb, object: &str) {
    w.end(object);
    w.end(verb.as_str());
}

/// The element names of an object's `<authInfo>`.
pub(super) struct AuthInfoNames {
    pub(super) auth_info: &'static str,
    pub(super) pw: &'static str,
    pub(super) ext: &'static str,
    pub(super) null: &'static str,
}

/// Writes `<prefix:authInfo>` with its password, extension or `<null/>`;
/// secrets masked when redacting.
pub(super) fn write_auth_info<S: Sink>(
    w: &mut XmlWriter<S>,
    names: &AuthInfoNames,
    auth_info: &AuthInfo<'_>,
) -> Result<(), WriteError> {
    w.start(names.auth_info);
    match auth_info {
        AuthInfo::Password {
            password,
            roid: None,
        } => w.secret(names.pw, *password)?,
        AuthInfo::Password { password, roid } => {
            w.start(names.pw);
            if let Some(roid) = roid {
                w.attr_str("roid", *roid)?;
            }
            if w.redacting() {
                w.text(super::REDACTED)?;
            } else {
                w.text_str(*password)?;
            }
            w.end(names.pw);
        }
        AuthInfo::Ext(raw) => {
            w.start(names.ext);
            if w.redacting() {
                w.text(super::REDACTED)?;
            } else {
                write_raw(w, raw)?;
            }
            w.end(names.ext);
        }
        AuthInfo::Null => w.empty(names.null),
    }
    w.end(names.auth_info);
    Ok(())
}

/// Writes a raw element back (prefixes it borrowed from its ancestors
/// declared again).
pub(super) fn write_raw<S: Sink>(
    w: &mut XmlWriter<S>,
    raw: &RawElement<'_>,
) -> Result<(), WriteError> {
    write_raw_element(w, raw.document(), raw.span())
}

/// `<extension>` with its elements, when there are any.
pub(super) fn write_extensions<S: Sink>(
    w: &mut XmlWriter<S>,
    extensions: Extensions<'_>,
) -> Result<(), WriteError> {
    if extensions.is_empty() {
        return Ok(());
    }
    w.start("extension");
    super::ext::write_typed(w, extensions.typed())?;
    if let Some((doc, content)) = extensions.read_content() {
        write_read_children(
            w,
            doc,
            content,
            extensions.read_len(),
            extensions.ancestors(),
        )?;
    } else {
        for raw in extensions.built() {
            write_raw(w, raw)?;
        }
    }
    w.end("extension");
    Ok(())
}

/// `<name>` for each value of a list.
pub(super) fn write_leaves<'a, S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    values: impl IntoIterator<Item = Str<'a>>,
) -> Result<(), WriteError> {
    for value in values {
        w.leaf(name, value)?;
    }
    Ok(())
}
