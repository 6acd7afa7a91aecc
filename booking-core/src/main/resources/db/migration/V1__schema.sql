-- Bella booking schema. Conversation state lives here so any service instance can answer any webhook.

-- btree_gist lets one exclusion constraint combine equality (resource) with range overlap (time).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE users (
    id          bigserial PRIMARY KEY,
    mobile      text        NOT NULL,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- a unique btree is what ON CONFLICT (mobile) needs; hash indexes cannot be unique
    CONSTRAINT users_mobile_unique UNIQUE (mobile)
);
-- the seed's index: equality lookups of a caller by number (cost-optimization-strategy.md)
CREATE INDEX idx_users_mobile_hash ON users USING hash (mobile);

CREATE TABLE appointments (
    id          bigserial PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id),
    resource    text        NOT NULL DEFAULT 'main',
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
    call_sid    text        UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    -- two booked appointments of one resource can never overlap, whatever the code does
    CONSTRAINT appointments_no_overlap EXCLUDE USING gist (
        resource WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status = 'booked')
);
-- the seed's index: a user's appointments by time
CREATE INDEX idx_appointments_user_time ON appointments (user_id, starts_at);

CREATE TABLE calls (
    call_sid          text PRIMARY KEY,
    from_number       text,
    to_number         text,
    state             jsonb       NOT NULL,
    turns             integer     NOT NULL DEFAULT 0,
    status            text        NOT NULL DEFAULT 'in-progress',
    duration_seconds  integer,
    started_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- the answer already given to each webhook, so a Twilio retry gets the same TwiML and changes nothing
CREATE TABLE webhook_responses (
    idempotency_key  text PRIMARY KEY,
    call_sid         text        NOT NULL REFERENCES calls (call_sid),
    body             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE callbacks (
    call_sid    text PRIMARY KEY REFERENCES calls (call_sid),
    phone       text,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    done        boolean     NOT NULL DEFAULT false
);

-- the per-call cost ledger; bella cost report --ledger-url reads these column names
CREATE TABLE call_costs (
    call_sid          text PRIMARY KEY,
    started_at        timestamptz NOT NULL,
    duration_seconds  integer,
    twilio_minutes    numeric(10, 2),
    llm_calls         integer NOT NULL DEFAULT 0,
    llm_tokens_in     integer NOT NULL DEFAULT 0,
    llm_tokens_out    integer NOT NULL DEFAULT 0,
    cache_hits        integer NOT NULL DEFAULT 0,
    cache_misses      integer NOT NULL DEFAULT 0,
    cost_usd          numeric(12, 6),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_call_costs_started ON call_costs (started_at);
