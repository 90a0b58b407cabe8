#!/usr/bin/env python3
"""Turns the final stage of a Dockerfile into shell scripts, to run its steps in a clean root.

Writes into OUT: install.sh (the stage's RUN steps, as root, in order, with its ENV), and run.sh
and health.sh (the ENTRYPOINT and the HEALTHCHECK command, with its ENV, as a plain command line),
plus user (the USER of the stage). Only what the project's Dockerfile uses is understood: FROM, ENV
KEY=VALUE, RUN (shell form), COPY (ignored: the caller puts the files in place), USER, ENTRYPOINT
and HEALTHCHECK CMD (exec form), VOLUME, EXPOSE, WORKDIR. Anything else is an error.
Usage: dockerfile_stage.py DOCKERFILE OUT
"""
import json
import os
import re
import shlex
import sys


def instructions(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\\\n", " ", text)
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            yield word.upper(), rest.strip()


def main():
    dockerfile, out = sys.argv[1], sys.argv[2]
    stage = []
    for word, rest in instructions(dockerfile):
        if word == "FROM":
            stage = []
        stage.append((word, rest))
    env, runs, user, entry, health = [], [], "root", None, None
    for word, rest in stage:
        if word == "ENV":
            for item in shlex.split(rest):
                key, sep, value = item.partition("=")
                if not sep:
                    sys.exit("ENV without KEY=VALUE: %r" % rest)
                env.append((key, value))
        elif word == "RUN":
            runs.append(rest)
        elif word == "USER":
            user = rest
        elif word == "ENTRYPOINT":
            entry = json.loads(rest)
        elif word == "HEALTHCHECK":
            m = re.search(r"\bCMD\s+(\[.*\])\s*$", rest)
            if not m:
                sys.exit("HEALTHCHECK without an exec-form CMD: %r" % rest)
            health = json.loads(m.group(1))
        elif word in ("FROM", "COPY", "VOLUME", "EXPOSE", "WORKDIR"):
            pass
        else:
            sys.exit("instruction not understood by this check: %s" % word)
    if entry is None or health is None:
        sys.exit("the final stage has no ENTRYPOINT or no HEALTHCHECK")
    exports = "".join("export %s=%s\n" % (k, shlex.quote(v)) for k, v in env)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "install.sh"), "w") as f:
        f.write("set -euo pipefail\n" + exports + "".join(r + "\n" for r in runs))
    with open(os.path.join(out, "run.sh"), "w") as f:
        f.write(exports + "exec " + " ".join(shlex.quote(a) for a in entry) + ' "$@"\n')
    with open(os.path.join(out, "health.sh"), "w") as f:
        f.write(exports + "exec " + " ".join(shlex.quote(a) for a in health) + "\n")
    with open(os.path.join(out, "user"), "w") as f:
        f.write(user + "\n")


if __name__ == "__main__":
    main()
