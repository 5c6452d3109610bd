-- The answers the bot gave (or declined to give), and the votes on them. Times are epoch
-- milliseconds (UTC). User ids are never stored: user_hash is a keyed hash (see meta).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE answers (
  id         TEXT PRIMARY KEY,
  asked_at   INTEGER NOT NULL,
  platform   TEXT NOT NULL,
  user_hash  TEXT NOT NULL,
  -- null unless privacy.store_questions keeps it
  question   TEXT,
  kb_version TEXT NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('answered', 'declined')),
  lead       TEXT NOT NULL,
  -- the cited passages: a JSON array of {source, title, quote}
  passages   TEXT NOT NULL
);
CREATE INDEX answers_by_time ON answers (asked_at);
CREATE INDEX answers_declined ON answers (outcome, asked_at);

CREATE TABLE votes (
  answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  user_hash TEXT NOT NULL,
  vote      INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  voted_at  INTEGER NOT NULL,
  PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX votes_by_time ON votes (voted_at);
