"""Headless core of CTXH Desk: models, migrations, repositories, services. Never imports Qt."""
