"""Signed bundles and the hub (headless). Filled by the signed-bundles issue; never imports Qt."""
