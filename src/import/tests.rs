//! What `briefing import` makes of a text: the seed against the hand-made
//! briefing, a .docx against its plain-text twin, and any text at all.

mod import;
mod import_props;
