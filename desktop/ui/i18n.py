"""Translation helpers: English source strings, Vietnamese shipped in resources/translations.

Every user-visible string in desktop/ui goes through tr("…") so that the extractor
(desktop.ui.i18n_tools) finds it and a test can prove the Vietnamese catalogue is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.paths import resources_dir

CONTEXT = "ctxh"


def tr(text: str, **params: object) -> str:
    """Translate `text` and fill its {placeholders}."""
    translated = QCoreApplication.translate(CONTEXT, text)
    return translated.format(**params) if params else translated


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the catalogue of `language` ('vi' by default); English needs none."""
    # Locales by name: QLocale's Language and Country enums are large and slow to build at start-up.
    if language.startswith("en"):
        QLocale.setDefault(QLocale("en_GB"))
        return None
    QLocale.setDefault(QLocale("vi_VN"))
    # Qt's own words (OK, Cancel, the edit menu of a text box): PySide6 ships no Vietnamese for them.
    qt_words = QTranslator(app)
    if qt_words.load(str(resources_dir() / "translations" / f"qt_{language}.qm")):
        app.installTranslator(qt_words)
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"ctxh_{language}.qm")):
        app.installTranslator(translator)
        return translator
    return None
