-- How a returning caller answers yes/no: true once they let a keypad-only question go by (a "yes" said to
-- "press 1" is silence to a keypad Gather), so their next call asks its yes/no by speech straight away instead of
-- a keypad round they will not use. Written only for the caller's own number, like users.name.
ALTER TABLE users ADD COLUMN answers_by_speech boolean NOT NULL DEFAULT false;
