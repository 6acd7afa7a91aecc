-- An appointment keeps the name it was booked under: a caller who gives someone else's number must not
-- rename that person's appointments (users.name changes only when the caller's own verified number is theirs).
ALTER TABLE appointments ADD COLUMN name text;
UPDATE appointments a SET name = u.name FROM users u WHERE u.id = a.user_id AND a.name IS NULL;
