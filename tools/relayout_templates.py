"""Lay Django templates out readably without changing what they render.

    python3 tools/relayout_templates.py $(git ls-files '*.html')

Four passes, each keeping the page as served the same:
1. a line break between two block-level tags, or between a control template tag ({% if %},
   {% for %}, ...) and a block-level tag, never inside an HTML tag (whitespace there renders
   as nothing);
2. a long {% translate "..." %} becomes {% blocktranslate trimmed %} and a long one-line
   {% blocktranslate %} gets `trimmed`, only when the message id stays the same;
3. lines over 120 characters are wrapped at existing single spaces: between words of text or
   between the attributes of a tag, never inside a template tag, a quoted value, <pre>,
   <textarea>, <script>, <style> or an untrimmed {% blocktranslate %};
4. lines are indented by nesting (only the spaces at the start of a line change).
Check the result with `make lint` (djlint) and `make messages` (no message id may change).
djlint's own --reformat is not used: it moves whitespace where it renders (around
{% else %} inside a sentence, for example).
"""

from __future__ import annotations

import bisect
import re
import sys
from pathlib import Path


def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def _write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


PB_BLOCK = (
    "table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|ul|ol|li|dl|dt|dd|div|section|p|"
    "form|fieldset|legend|h[1-6]|nav|header|footer|main|article|aside|details|summary|figure|"
    "figcaption|hr|br"
)
CONTROL = (
    r"\{%-?\s*(?:for|endfor|empty|if|elif|else|endif|with|endwith|include|block|endblock"
    r"|comment|endcomment|csrf_token)\b[^%]*%\}"
)
PB_TAG = rf"</?(?:{PB_BLOCK})\b[^>]*>"
UNIT = rf"(?:{CONTROL}|{PB_TAG})"
PB_RAW = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2>|\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}|\{%\s*(?:verbatim|comment)\s*%\}.*?\{%\s*end(?:verbatim|comment)\s*%\})",
    re.S,
)
LINE_BREAK = re.compile(r"</?(?:br|hr)\b")
PAIR = re.compile(rf"({UNIT})(?=({UNIT}))")


ANY_TAG = re.compile(
    r"<[a-zA-Z/!][^>\"'{]*(?:(?:\"[^\"]*\"|'[^']*'|\{%.*?%\}|\{\{.*?\}\}|\{)[^>\"'{]*)*>", re.S
)


def _prebreak(chunk: str) -> str:
    # A newline between two adjacent units when at least one is a control tag, or both are
    # block-level tags; never inside an HTML tag (an attribute value).
    spans = [(t.start(), t.end()) for t in ANY_TAG.finditer(chunk)]
    out = []
    pos = 0
    for m in PAIR.finditer(chunk):
        first, second = m.group(1), m.group(2)
        if any(a < m.end(1) < b for a, b in spans):
            continue
        out.append(chunk[pos : m.end(1)])
        pos = m.end(1)
        block_first = not first.startswith("{%") and not LINE_BREAK.match(first)
        block_second = not second.startswith("{%") and not LINE_BREAK.match(second)
        if (block_first or block_second) and not (
            LINE_BREAK.match(first) or LINE_BREAK.match(second)
        ):
            out.append("\n")
    out.append(chunk[pos:])
    return "".join(out)


def prebreak_file(path):
    for p in [path]:
        text = _read(p)
        parts = []
        pos = 0
        for m in PB_RAW.finditer(text):
            parts.append(_prebreak(text[pos : m.start()]))
            parts.append(m.group(0))
            pos = m.end()
        parts.append(_prebreak(text[pos:]))
        new = "".join(parts)
        if new != text:
            _write(p, new)


LT_TRANS = re.compile(r'\{% translate "([^"%{}\\]{60,})" %\}')
LT_BLOCK = re.compile(r"\{% blocktranslate((?:(?!%\}).)*?)%\}(.*?)\{% endblocktranslate %\}")
PLURAL = re.compile(r"\{% plural %\}")


def fix_line(line):
    if len(line) <= LIMIT:
        return line
    line = LT_TRANS.sub(
        lambda m: "{% blocktranslate trimmed %}" + m.group(1) + "{% endblocktranslate %}", line
    )

    def block(m):
        args, body = m.group(1), m.group(2)
        if " trimmed" in args:
            return m.group(0)
        parts = PLURAL.split(body)
        if any(p != p.strip() or "\n" in p or "  " in p for p in parts):
            return m.group(0)
        return (
            "{% blocktranslate" + args.rstrip() + " trimmed %}" + body + "{% endblocktranslate %}"
        )

    return LT_BLOCK.sub(block, line)


WIDTH = 100
LIMIT = 120
WRAP_RAW = re.compile(
    r"<(pre|textarea|script|style)\b.*?</\1>"
    r"|\{%\s*blocktrans(?:late)?\b(?:(?!trimmed)[^%])*%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}"
    r"|\{%\s*(?:verbatim|comment)\s*%\}.*?\{%\s*end(?:verbatim|comment)\s*%\}",
    re.S,
)


def protected(text):
    mask = bytearray(len(text))
    for m in WRAP_RAW.finditer(text):
        # The opening tag of a raw block may be wrapped between its attributes, not its body:
        # protect everything from the end of the opening tag (or the whole blocktranslate).
        start = m.start()
        if text[start] == "<":
            start = text.index(">", start)
        for i in range(start, m.end()):
            mask[i] = 1
    return mask


def candidates(text, offset, mask):
    """Offsets (within the line) of spaces where a break is safe, with 0 for a space in
    text and 1 for one between the attributes of a tag."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    in_tag = False
    quote = ""
    while i < n:
        if mask[offset + i]:
            i += 1
            continue
        two = text[i : i + 2]
        if two in ("{%", "{{", "{#"):
            close = {"{%": "%}", "{{": "}}", "{#": "#}"}[two]
            j = text.find(close, i + 2)
            if j < 0:
                return out
            i = j + 2
            continue
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif in_tag:
            if c in "\"'":
                quote = c
            elif c == ">":
                in_tag = False
            elif c == " ":
                out.append((i, 1))
        elif c == "<" and i + 1 < n and (text[i + 1].isalpha() or text[i + 1] in "/!"):
            in_tag = True
        elif c == " ":
            out.append((i, 0))
        i += 1
    return out


def wrap_file(path):
    text = _read(path)
    mask = protected(text)
    lines = text.split("\n")
    out = []
    offset = 0
    for line in lines:
        if len(line) > LIMIT:
            indent = len(line) - len(line.lstrip(" "))
            spots = [(s, k) for s, k in candidates(line, offset, mask) if s > indent]
            # Only single spaces (a run of spaces could be meaningful in an attribute).
            spots = [
                (s, k)
                for s, k in spots
                if line[s - 1] != " " and (s + 1 >= len(line) or line[s + 1] != " ")
            ]
            pieces = []
            start = 0
            width = WIDTH
            while len(line) - start > width:
                window = [(s, k) for s, k in spots if start < s <= start + width]
                text_spots = [s for s, k in window if k == 0 and s > start + width // 2]
                if text_spots:
                    cut = text_spots[-1]
                elif window:
                    cut = window[-1][0]
                else:
                    later = [s for s, k in spots if s > start]
                    if not later:
                        break
                    cut = later[0]
                pieces.append(line[start:cut])
                start = cut + 1
                width = WIDTH - 2
            pieces.append(line[start:])
            cont = " " * (indent + 2)
            out.append("\n".join([pieces[0]] + [cont + p for p in pieces[1:]]))
        else:
            out.append(line)
        offset += len(line) + 1
    new = "\n".join(out)
    if new != text:
        _write(path, new)


STEP = 2
IND_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
IND_RAW = re.compile(
    r"<(pre|textarea|script|style)\b[^>]*>.*?</\1\s*>"
    r"|\{%\s*blocktrans(?:late)?\b(?:(?!trimmed)[^%])*%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}"
    r"|\{%\s*(comment|verbatim)\s*%\}.*?\{%\s*end\2\s*%\}",
    re.S,
)
OPEN_BLOCKS = (
    "if",
    "for",
    "with",
    "block",
    "localize",
    "spaceless",
    "filter",
    "autoescape",
    "blocktranslate",
    "blocktrans",
)
MID_BLOCKS = ("else", "elif", "empty", "plural")
IND_TOKEN = re.compile(
    r"\{%-?\s*(\w+)[^%]*%\}|\{\{.*?\}\}|\{#.*?#\}|<!--.*?-->"
    r"|<(/?)([a-zA-Z][\w:-]*)((?:[^>\"'{]|\"[^\"]*\"|'[^']*'|\{%.*?%\}|\{\{.*?\}\}|\{)*)>",
    re.S,
)


def indent_file(path):
    text = _read(path)
    raws = [(m.start(), m.end()) for m in IND_RAW.finditer(text)]
    # Events: (position, delta) and spans of tags (for continuation lines).
    events = []
    tag_spans = []
    closers = set()
    pos = 0
    while True:
        m = IND_TOKEN.search(text, pos)
        if not m:
            break
        r = next((r for r in raws if r[0] <= m.start() < r[1]), None)
        if r:
            # A raw region counts as one open + close around its body.
            events.append((r[0], 0))
            pos = r[1]
            continue
        pos = m.end()
        if m.group(1):
            word = m.group(1)
            if word in OPEN_BLOCKS:
                events.append((m.end(), 1))
            elif word.startswith("end") and word[3:] in OPEN_BLOCKS:
                events.append((m.start(), -1))
                closers.add(m.start())
            elif word in MID_BLOCKS:
                closers.add(m.start())
        elif m.group(3):
            tag_spans.append((m.start(), m.end()))
            name = m.group(3).lower()
            if name in IND_VOID or m.group(4).rstrip().endswith("/"):
                continue
            if m.group(2) == "/":
                events.append((m.start(), -1))
                closers.add(m.start())
            else:
                events.append((m.end(), 1))
    events.sort()
    positions = [e[0] for e in events]
    running = []
    total = 0
    for _p, d in events:
        total += d
        running.append(total)

    def depth_at(p):
        i = bisect.bisect_right(positions, p) - 1
        return running[i] if i >= 0 else 0

    lines = text.split("\n")
    out = []
    offset = 0
    for n, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        body = line.lstrip(" ")
        first_char = start + (len(line) - len(body))
        if n == 0 or body == "" or any(a < start < b for a, b in raws):
            out.append(line)
            continue
        inside_tag = any(a < start < b for a, b in tag_spans)
        d = depth_at(first_char - 1 if first_char > 0 else 0)
        # An event exactly at the first character of the line (a closer) counts for it.
        if first_char in closers:
            d = depth_at(first_char) if any(p == first_char for p in positions) else d - 1
        if inside_tag:
            d += 1
        out.append(" " * (STEP * max(0, d)) + body)
    new = "\n".join(out)
    if total != 0:
        print(f"{path}: depth {total} at the end", file=sys.stderr)
    _write(path, new)


def longtrans_file(path):
    text = _read(path)
    new = "\n".join(fix_line(line) for line in text.split("\n"))
    if new != text:
        _write(path, new)


def relayout(paths):
    for step in (prebreak_file, longtrans_file, wrap_file, indent_file):
        for path in paths:
            step(path)


if __name__ == "__main__":
    relayout(sys.argv[1:])
