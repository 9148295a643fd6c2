-- A data provider's console lists its own imports, newest first.
create index trade_imports_by_submitter on trade_imports (submitted_by, recorded_at);
