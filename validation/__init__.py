"""The package's checker: loading, the checks (one module each in checks/), derived files and the report."""
