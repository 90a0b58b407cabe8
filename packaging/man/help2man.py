#!/usr/bin/env python3
"""Writes drillstudio(1) in troff from the program's own --help output.

The options come from the same QCommandLineParser tables that print --help, so the man page
cannot drift from them: `drillstudio --help` gives the commands and the common options, and
`drillstudio COMMAND --help` adds each command's own options and arguments.
Usage: help2man.py DRILLSTUDIO VERSION OUTPUT
"""
import os
import re
import subprocess
import sys
import tempfile

HOME = "/nonexistent-home"


def help_text(binary, args):
    env = dict(os.environ, HOME=HOME, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tempfile.gettempdir())
    env.pop("DRILLSTUDIO_DATA_DIR", None)
    out = subprocess.run([binary, *args, "--help"], env=env, check=True,
                         capture_output=True, text=True).stdout
    return out.replace(HOME, "~")


def sections(text):
    """Section name -> list of (term, description) pairs; also the description line."""
    lines = text.splitlines()
    description = lines[1].strip() if len(lines) > 1 else ""
    result, current, items = {}, None, None
    for line in lines[2:]:
        if not line.strip():
            continue
        if not line.startswith(" "):
            current = line.rstrip(":")
            items = result.setdefault(current, [])
            continue
        # Commands are one word in a fixed column; options may hold single spaces ("-h, --help").
        gap = r"\s+" if current == "Commands" else r"\s{2,}"
        m = re.match(r"^  (\S.*?)(?:" + gap + r"(\S.*))?$", line)
        if items is None:
            # Indented lines before the first section: the command's forms of use.
            items = result.setdefault("Usage", [])
        if m and not line.startswith("   "):
            items.append([m.group(1).strip(), (m.group(2) or "").strip()])
        elif items:
            items[-1][1] = (items[-1][1] + " " + line.strip()).strip()
    return description, result


def esc(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + l if l.startswith((".", "'")) else l) for l in text.split("\n"))


def items_troff(items):
    out = []
    for term, desc in items:
        out += [".TP", "\\fB" + esc(term) + "\\fR", esc(desc)]
    return out


def main():
    binary, version, output = sys.argv[1:4]
    description, top = sections(help_text(binary, []))
    common = {t for t, _ in top.get("Options", [])}
    commands = top.get("Commands", [])
    page = [
        '.TH DRILLSTUDIO 1 "" "DrillStudio %s" "User Commands"' % esc(version),
        ".SH NAME",
        "drillstudio \\- training\\-drill videos for a running\\-form analysis service",
        ".SH SYNOPSIS",
        ".B drillstudio",
        "[\\fIoptions\\fR] [\\fIcommand\\fR [\\fIcommand options\\fR]]",
        ".SH DESCRIPTION",
        esc(description),
        ".SH COMMANDS",
        *items_troff(commands),
        ".SH OPTIONS",
        "These options are accepted by every command.",
        *items_troff(top.get("Options", [])),
    ]
    for name, _ in commands:
        if name.startswith("("):
            continue
        _, sub = sections(help_text(binary, [name]))
        own = [i for i in sub.get("Options", []) if i[0] not in common]
        args = [i for i in sub.get("Arguments", []) if i[0] != "command"]
        if not own and not args:
            continue
        page += [".SS " + esc(name)]
        page += items_troff(args) + items_troff(own)
    page += [
        ".SH ENVIRONMENT",
        ".TP", "\\fBDRILLSTUDIO_DATA_DIR\\fR", "The data folder when \\-\\-data\\-dir is not given.",
        ".TP", "\\fBDRILLSTUDIO_GENERATION_PASSWORD\\fR",
        "The password that POST /generate of \\fBdrillstudio serve\\fR asks for.",
        ".TP", "\\fBOPENAI_API_KEY\\fR", "The API key of the openai provider.",
        ".SH FILES",
        ".TP", "\\fI~/.local/share/drillstudio/settings.ini\\fR",
        "Settings; the database, the videos and the log are kept in the same folder.",
        ".TP", "\\fI/etc/drillstudio/serve.env\\fR",
        "Secrets of the drillstudio\\-serve system service.",
        ".SH SEE ALSO",
        "/usr/share/doc/drillstudio/README.md",
    ]
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
