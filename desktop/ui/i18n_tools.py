"""Keep resources/translations/ctxh_vi.ts in step with the tr("…") calls of desktop/ui.

    python -m desktop.ui.i18n_tools update   # add new strings (unfinished), drop vanished ones, compile .qm
    python -m desktop.ui.i18n_tools check    # exit 1 if a string is untranslated or loses a placeholder

We extract ourselves (an AST walk over tr("literal") calls) instead of pyside6-lupdate because
our helper tr() is a plain function that lupdate does not recognise; the .ts file stays the
standard Qt Linguist format and pyside6-lrelease compiles it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.paths import app_root
from desktop.ui.i18n import CONTEXT

TS_FILE = app_root() / "resources" / "translations" / "ctxh_vi.ts"
QT_WORDS_FILE = TS_FILE.with_name("qt_vi.ts")  # Qt's own words, kept by hand
PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def source_strings(root: Path | None = None) -> list[str]:
    """Every literal passed to tr() under desktop/ui, in order of first appearance."""
    root = root or app_root() / "desktop" / "ui"
    found: dict[str, None] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, None)
    return list(found)


def read_ts(path: Path = TS_FILE) -> dict[str, str | None]:
    """source -> translation (None when unfinished) from a .ts file."""
    if not path.exists():
        return {}
    tree = ET.parse(path)
    out: dict[str, str | None] = {}
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        unfinished = translation is None or translation.get("type") == "unfinished" or not (translation.text or "")
        out[source] = None if unfinished else translation.text
    return out


def write_ts(entries: dict[str, str | None], path: Path = TS_FILE) -> None:
    """Write a Qt Linguist .ts file for the Vietnamese catalogue."""
    ts = ET.Element("TS", version="2.1", language="vi_VN", sourcelanguage="en")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, translation in entries.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        element = ET.SubElement(message, "translation")
        if translation:
            element.text = translation
        else:
            element.set("type", "unfinished")
    ET.indent(ts)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def problems(entries: dict[str, str | None], sources: list[str]) -> list[str]:
    """Untranslated strings and translations whose placeholders differ from the source."""
    out = []
    for source in sources:
        translation = entries.get(source)
        if not translation:
            out.append(f"untranslated: {source!r}")
        elif set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation)):
            out.append(f"placeholders differ: {source!r} -> {translation!r}")
    return out


def compile_qm(path: Path = TS_FILE) -> Path:
    """Compile the .ts to .qm with pyside6-lrelease."""
    qm = path.with_suffix(".qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(path), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str]) -> int:
    """update | check"""
    sources = source_strings()
    entries = read_ts()
    if argv[:1] == ["update"]:
        write_ts({s: entries.get(s) for s in sources})
        compile_qm()
        compile_qm(QT_WORDS_FILE)
        missing = problems(read_ts(), sources)
        print(f"{len(sources)} strings, {len(missing)} to translate")
        return 0
    found = problems(entries, sources)
    print("\n".join(found) or "complete")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
