"""``openai-images completion bash|zsh|fish``: shell completion made from the parser itself.

`commands_of` walks the argparse tree (subcommands, their options, choices, which options
take files); one small writer per shell turns that into a script. Nothing is listed by
hand, so a new spec parameter or command completes without an edit here.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, cast

import attrs

from ._common import EXIT_OK, PROG

__all__ = ["SHELLS", "CommandInfo", "OptionInfo", "commands_of", "register", "script"]

INSTALL: Final = (
    f'bash: eval "$({PROG} completion bash)"   '
    f'zsh: eval "$({PROG} completion zsh)"   '
    f"fish: {PROG} completion fish | source"
)
"""The install lines, for ``--help`` (add them to ~/.bashrc, ~/.zshrc or fish's config)."""
_SAFE_WORD: Final = re.compile(r"[A-Za-z0-9_.:/+=@%,-]+")
_FUNCTION: Final = "_openai_images"


@attrs.frozen(kw_only=True)
class OptionInfo:
    """One option of one (sub)command."""

    flags: tuple[str, ...]
    takes_value: bool
    choices: tuple[str, ...] = ()
    files: bool = False
    help: str = ""


@attrs.frozen(kw_only=True)
class CommandInfo:
    """One parser of the tree: its path (``()``, ``("batch", "submit")``), options and
    subcommands (name, help)."""

    path: tuple[str, ...]
    options: tuple[OptionInfo, ...]
    subcommands: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        return "/".join(self.path)


def _takes_files(action: argparse.Action) -> bool:
    from ._inputs import existing_file, image_source

    kind: object = action.type
    return kind in (existing_file, image_source, Path) or (
        action.metavar is not None and "FILE" in str(action.metavar)
    )


def _option(action: argparse.Action) -> OptionInfo:
    choices = tuple(str(c) for c in action.choices or ()) if action.choices else ()
    return OptionInfo(
        flags=tuple(action.option_strings),
        takes_value=action.nargs != 0,
        choices=tuple(c for c in choices if _SAFE_WORD.fullmatch(c)),
        files=_takes_files(action),
        help=" ".join((action.help or "").split()),
    )


def commands_of(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[CommandInfo]:
    """Every parser of the tree under `parser`, depth first."""
    options: list[OptionInfo] = []
    subcommands: list[tuple[str, str]] = []
    children: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            subparsers = cast("argparse._SubParsersAction[argparse.ArgumentParser]", action)
            helps = {a.dest: a.help or "" for a in subparsers._choices_actions}
            for name, child in subparsers.choices.items():
                subcommands.append((name, " ".join(helps.get(name, "").split())))
                children.append((name, child))
        elif action.option_strings and action.help != argparse.SUPPRESS:
            options.append(_option(action))
    yield CommandInfo(path=path, options=tuple(options), subcommands=tuple(subcommands))
    for name, child in children:
        yield from commands_of(child, (*path, name))


def _words(words: Iterable[str]) -> str:
    return " ".join(words)


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _bash_like(commands: Sequence[CommandInfo], *, zsh: bool) -> str:
    """The shared body of the bash and zsh scripts: find the subcommand path, then complete
    the previous option's value, else options and subcommands of that path."""
    words, cword, files, add = (
        ("words", "CURRENT", "_files", "compadd --")
        if zsh
        else ("COMP_WORDS", "COMP_CWORD", 'COMPREPLY=($(compgen -f -- "$cur"))', "")
    )
    first = 2 if zsh else 1
    lines = [
        f"{_FUNCTION}() {{",
        f'    local cur="${{{words}[{cword}]}}" prev="${{{words}[{cword}-1]}}" cmdpath="" word i',
        f"    for ((i = {first}; i < {cword}; i++)); do",
        f'        word="${{{words}[i]}}"',
        '        case "$cmdpath/$word" in',
    ]
    steps = [f'"{c.key.rpartition("/")[0]}/{c.path[-1]}"' for c in commands if c.path]
    if steps:
        lines.append(f'            {"|".join(steps)}) cmdpath="${{cmdpath:+$cmdpath/}}$word" ;;')
    lines += ["        esac", "    done", '    case "$cmdpath/$prev" in']
    for command in commands:
        for option in command.options:
            if not option.takes_value:
                continue
            pattern = "|".join(f'"{command.key}/{flag}"' for flag in option.flags)
            if option.choices:
                if zsh:
                    action = f"{add} {_words(option.choices)}"
                else:
                    action = f'COMPREPLY=($(compgen -W "{_words(option.choices)}" -- "$cur"))'
            elif option.files:
                action = files
            else:
                action = ":" if zsh else "COMPREPLY=()"
            lines.append(f"        {pattern}) {action}; return ;;")
    lines += ["    esac", '    case "$cmdpath" in']
    for command in commands:
        names = [flag for option in command.options for flag in option.flags]
        names += [name for name, _ in command.subcommands]
        if zsh:
            action = f"{add} {_words(names)}"
        else:
            action = f'COMPREPLY=($(compgen -W "{_words(names)}" -- "$cur"))'
        lines.append(f'        "{command.key}") {action} ;;')
    lines += ["    esac", "}"]
    return "\n".join(lines)


def bash_script(commands: Sequence[CommandInfo]) -> str:
    """A bash completion script (`complete -F`); empty answers fall back to file names."""
    return "\n".join(
        [
            f'# bash completion for {PROG}; install: eval "$({PROG} completion bash)"',
            _bash_like(commands, zsh=False),
            f"complete -o default -F {_FUNCTION} {PROG}",
            "",
        ]
    )


def zsh_script(commands: Sequence[CommandInfo]) -> str:
    """A zsh completion function (`compdef`)."""
    return "\n".join(
        [
            f"#compdef {PROG}",
            f'# zsh completion for {PROG}; install: eval "$({PROG} completion zsh)"',
            _bash_like(commands, zsh=True),
            f"compdef {_FUNCTION} {PROG}",
            "",
        ]
    )


def _fish_condition(command: CommandInfo, commands: Sequence[CommandInfo]) -> str:
    if not command.path:
        return "__fish_use_subcommand"
    parts = [f"__fish_seen_subcommand_from {name}" for name in command.path]
    if command.subcommands:
        names = _words(name for name, _ in command.subcommands)
        parts.append(f"not __fish_seen_subcommand_from {names}")
    return "; and ".join(parts)


def fish_script(commands: Sequence[CommandInfo]) -> str:
    """A fish completion script (`complete -c`)."""
    lines = [
        f"# fish completion for {PROG}; install: {PROG} completion fish | source",
        f"complete -c {PROG} -f",
    ]
    for command in commands:
        condition = _single_quoted(_fish_condition(command, commands))
        for name, help_text in command.subcommands:
            lines.append(
                f"complete -c {PROG} -n {condition} -a {name} -d {_single_quoted(help_text)}"
            )
        for option in command.options:
            spec: list[str] = []
            for flag in option.flags:
                if flag.startswith("--"):
                    spec.append(f"-l {flag[2:]}")
                else:
                    spec.append(f"-s {flag[1:]}")
            if option.choices:
                spec.append(f"-x -a {_single_quoted(_words(option.choices))}")
            elif option.files:
                spec.append("-r -F")
            elif option.takes_value:
                spec.append("-x")
            if option.help:
                spec.append(f"-d {_single_quoted(option.help[:80])}")
            lines.append(f"complete -c {PROG} -n {condition} {' '.join(spec)}")
    return "\n".join([*lines, ""])


SHELLS: Final[dict[str, Callable[[Sequence[CommandInfo]], str]]] = {
    "bash": bash_script,
    "zsh": zsh_script,
    "fish": fish_script,
}


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of `parser` for `shell` (a key of `SHELLS`)."""
    return SHELLS[shell](list(commands_of(parser)))


def register(commands: Any) -> None:
    """Add ``completion`` to the top-level subparsers."""
    sub: argparse.ArgumentParser = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description=f"Print a completion script for your shell. Install: {INSTALL}",
    )
    sub.add_argument("shell", choices=tuple(SHELLS), help="the shell to complete in")
    sub.set_defaults(_handler=_run)


def _run(args: argparse.Namespace) -> int:
    sys.stdout.write(script(args._parser, args.shell))
    return EXIT_OK
