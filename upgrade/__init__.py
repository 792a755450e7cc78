"""What the migration scripts of migrations/ run, importable by the tests."""
