//! The presentation's keys, in the same table form as the reader's.

use crossterm::event::KeyCode;

use crate::tui::action::Command;
use crate::tui::keys::Binding;
use crate::tui::keys::Key::{self, Char, Code, Ctrl};

pub const PRESENT: &[Binding] = &[
    Binding {
        keys: &[
            Code(KeyCode::Right),
            Char('l'),
            Char(' '),
            Code(KeyCode::PageDown),
            Code(KeyCode::Enter),
        ],
        command: Command::Next,
        help: "下一页",
        hint: None,
    },
    Binding {
        keys: &[
            Code(KeyCode::Left),
            Char('h'),
            Code(KeyCode::PageUp),
            Code(KeyCode::Backspace),
        ],
        command: Command::Prev,
        help: "上一页",
        hint: None,
    },
    Binding {
        keys: &[Key::Digits],
        command: Command::Campaign(1),
        help: "第 n 个战役章节的概览",
        hint: None,
    },
    Binding {
        keys: &[Char('g'), Code(KeyCode::Home)],
        command: Command::First,
        help: "第一页",
        hint: None,
    },
    Binding {
        keys: &[Char('G'), Code(KeyCode::End)],
        command: Command::Last,
        help: "最后一页",
        hint: None,
    },
    Binding {
        keys: &[Char('b'), Char('.')],
        command: Command::Blank,
        help: "黑屏 / 恢复",
        hint: None,
    },
    Binding {
        keys: &[Char('f')],
        command: Command::Follow,
        help: "跟随时：回到演示者的页面",
        hint: None,
    },
    Binding {
        keys: &[Char('?')],
        command: Command::Help,
        help: "帮助",
        hint: None,
    },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        command: Command::Close,
        help: "关闭帮助 / 回到阅读界面",
        hint: None,
    },
    Binding {
        keys: &[Char('q'), Ctrl('c')],
        command: Command::Quit,
        help: "退出",
        hint: None,
    },
];
