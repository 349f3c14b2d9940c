//! Commands for the loopback example and the load test, written with
//! `epp-codec`'s writers: a mix of domain creates, checks and infos that
//! every succeed (1000) when run in order by one logged-in registrar.

use epp_codec::view::command::domain::{Check, Create, Info};
use epp_codec::view::{AuthInfo, Command, DomainCommand, Request, Str};

use crate::client::{ClientError, framed};

/// `count` framed commands for session `session`, and their clTRIDs: every
/// fourth creates `s<session>-<n>.example`, the others check it or read it
/// back.
///
/// # Errors
///
/// When a command cannot be written (a bug).
pub fn mixed_commands(
    session: usize,
    count: usize,
) -> Result<(Vec<Vec<u8>>, Vec<String>), ClientError> {
    let mut commands = Vec::with_capacity(count);
    let mut ids = Vec::with_capacity(count);
    for i in 0..count {
        let cl_trid = format!("S{session}-{i}");
        let name = format!("s{session}-{}.example", i / 4);
        let names = [Str::new(&name)];
        let command = match i % 4 {
            0 => DomainCommand::Create(Create::new(
                &name,
                AuthInfo::Password {
                    password: Str::new("2fooBAR"),
                    roid: None,
                },
            )),
            1 | 3 => DomainCommand::Info(Info::new(&name)),
            _ => DomainCommand::Check(Check::new(&names)),
        };
        commands.push(framed(
            &Request::new(Command::Domain(command)).with_cl_trid(&cl_trid),
        )?);
        ids.push(cl_trid);
    }
    Ok((commands, ids))
}
