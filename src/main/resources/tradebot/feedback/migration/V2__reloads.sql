-- Every load of the knowledge base (start-up, /reload, /add, the API, the file watcher): who asked
-- (user ids hashed as in answers), how it ended and what it changed, with the digest's tariff
-- lines. Times are epoch milliseconds (UTC).
CREATE TABLE reloads (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  at             INTEGER NOT NULL,
  -- a JSON array of {via, user_hash}: the requests one build served
  requested_by   TEXT NOT NULL,
  outcome        TEXT NOT NULL,
  kb_version     TEXT NOT NULL,
  articles       INTEGER NOT NULL,
  -- JSON arrays of article ids
  added          TEXT NOT NULL,
  changed        TEXT NOT NULL,
  removed        TEXT NOT NULL,
  -- JSON arrays of lines, each with its citation
  tariff_reports TEXT NOT NULL,
  level_changes  TEXT NOT NULL,
  skipped        INTEGER NOT NULL,
  message        TEXT NOT NULL,
  took_ms        INTEGER NOT NULL
);
CREATE INDEX reloads_by_time ON reloads (at);
