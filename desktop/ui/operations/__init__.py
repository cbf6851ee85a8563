"""Everything the window can do, one small keyword-only function per action (after Anki's
qt/aqt/operations/): `roster`, `training`, `cases`, `workflow`, `forms`, `sync`, `hub`, `profile`.

Each function takes the open context first and runs on the database worker (Backend.call / write / long);
widgets pass ids and plain values and never hold the context. A write returns the `Changed` it caused, which
the backend announces so that pages reload. The services are imported inside each function: the window's
first paint must not wait for SQLAlchemy (tests/test_ui.py checks it).
"""
