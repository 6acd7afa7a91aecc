-- What each call used of Twilio, measured per Gather, so the ledger prices a call with the same voice price
-- model as the estimate (speech recognition per speech-enabled Gather in 15 s blocks, whole minutes per call).

CREATE TABLE call_gathers (
    call_sid          text          NOT NULL,
    seq               integer       NOT NULL,                -- 1, 2, ... in the order the service asked
    input_mode        text          NOT NULL CHECK (input_mode IN ('speech', 'dtmf')),
    prompt_chars      integer       NOT NULL,
    prompt_seconds    numeric(8, 2) NOT NULL,                -- prompt_chars at the flow's stated speaking rate
    reprompt          boolean       NOT NULL,
    asked_at          timestamptz   NOT NULL,                -- when the TwiML answer left the service
    answered_at       timestamptz,                           -- the next webhook of the call
    answered_by       text CHECK (answered_by IN ('speech', 'keypad', 'silence')),
    listened_seconds  numeric(8, 2),                         -- answered_at - asked_at
    PRIMARY KEY (call_sid, seq)
);

ALTER TABLE call_costs
    ADD COLUMN billed_minutes  integer,
    ADD COLUMN speech_gathers  integer,
    ADD COLUMN keypad_gathers  integer,
    ADD COLUMN speech_blocks   integer,
    ADD COLUMN reprompts       integer,
    ADD COLUMN minutes_usd     numeric(12, 6),
    ADD COLUMN speech_usd      numeric(12, 6),
    ADD COLUMN llm_usd         numeric(12, 6),
    ADD COLUMN price_table     text;
