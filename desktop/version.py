"""The program's version, one place for the window's Giới thiệu, `ctxh --version`, the Windows version
resource and the installer (a test keeps it equal to pyproject.toml's)."""

VERSION = "0.1.0"
