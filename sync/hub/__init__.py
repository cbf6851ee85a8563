"""The hub: the province (or district) receives, verifies and merges the bundles of every commune's laptops,
and sends back receipts, certificates, revocations and reference data. Headless; `ctxh hub …` drives it."""
