"""Keeps the hand-written parts of docs/performance.md when performance_report.py rewrites it.

A hand-written part is a block of lines between

  <!-- by hand: WHAT -->
  ...
  <!-- end by hand -->

(measurements that compare.sh does not take: spark, startup, profiles of a target). Each block
follows a generated section (its "## name:" heading); on a rewrite it goes back to the end of that
section, after the blocks that were there before it, or before "## Machine" when the section is
no longer on the page. Standard library only.
"""
import os
import re

BEGIN = re.compile(r"^<!-- by hand: .+ -->$")
END = "<!-- end by hand -->"
FALLBACK = "## Machine"


def section(heading):
    """The key of a "## name: ..." heading: its first word ("mlp", "search", "Machine")."""
    return re.split(r"[\s:,]", heading[3:].strip(), maxsplit=1)[0]


def read(path):
    """[(section key or None, [lines])] of the page at path, in page order; [] if there is none."""
    if not os.path.exists(path):
        return []
    blocks, anchor, current = [], None, None
    with open(path) as fh:
        lines = fh.read().split("\n")
    for n, line in enumerate(lines, 1):
        if current is not None:
            current.append(line)
            if line == END:
                blocks.append((anchor, current))
                current = None
            elif BEGIN.match(line):
                raise SystemExit("%s line %d: a hand-written block starts inside another; close the first with %s"
                                 % (path, n, END))
        elif BEGIN.match(line):
            current = [line]
        elif line.startswith("## "):
            anchor = section(line)
    if current is not None:
        raise SystemExit("%s: the hand-written block '%s' has no %s" % (path, current[0], END))
    return blocks


def insert(lines, blocks):
    """lines (a generated page) with each block at the end of its section, in the order given."""
    out = list(lines)
    for anchor, block in blocks:
        at = _end_of(out, anchor)
        if at is None:
            at = _end_of(out, section(FALLBACK), start=True)
        if at is None:
            at = len(out)
        out[at:at] = block + [""]
    return out


def _end_of(lines, key, start=False):
    """Where the section `key` ends (the next generated "## " heading), or starts when start; None if absent."""
    inside, found = False, None
    for i, line in enumerate(lines):
        if BEGIN.match(line):
            inside = True
        elif line == END:
            inside = False
        elif not inside and line.startswith("## "):
            if found is not None:
                return i
            if section(line) == key:
                if start:
                    return i
                found = i
    return None if found is None else len(lines)
