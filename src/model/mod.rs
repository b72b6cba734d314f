//! The normalized model every service maps into, as plain data: states,
//! snapshots, exit codes, targets and outages. Its names are used flat
//! (`crate::model::Snapshot`).

pub mod attachment;
pub mod exit;
pub mod outage;
pub mod snapshot;
pub mod state;
pub mod target;

pub use attachment::{Attachment, SideRow, SideTable};
pub use exit::{EXIT_CODES, ExitCode, exit_codes_help};
pub use snapshot::Snapshot;
pub use state::{Classified, ErrorKind, ErrorRow, Progress, State, StepRow, TargetError};
pub use target::{Collection, Items, Service, Subject, Target, Vendor};
