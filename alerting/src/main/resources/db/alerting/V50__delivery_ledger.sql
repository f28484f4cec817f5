-- Broadcast channels (docs/channels.md): who subscribes, what each published warning owes each channel and
-- recipient (the delivery ledger), and the entries of the public CAP Atom feed.

-- Webhook endpoints and SMS recipients, managed by an administrator. MQTT terminals need no subscription: they are
-- addressed by one topic per area.
CREATE TABLE channel_subscription (
    id           uuid        PRIMARY KEY,
    channel      text        NOT NULL CHECK (channel IN ('WEBHOOK', 'SMS')),
    name         text        NOT NULL,
    -- webhook: the endpoint URL; SMS: the phone number (E.164)
    address      text        NOT NULL,
    -- webhook: the shared secret of the HMAC-SHA256 signature; NULL for SMS
    secret       text,
    -- GB/T 2260 city or county codes the recipient wants warnings for
    areas        text[]      NOT NULL,
    created_at   timestamptz NOT NULL,
    UNIQUE (channel, address)
);

-- One row per warning x channel x recipient. message_id is fixed when the row is written and sent on every attempt,
-- so a receiver can drop a repeat.
CREATE TABLE channel_delivery (
    id               bigserial   PRIMARY KEY,
    message_id       uuid        NOT NULL UNIQUE,
    identifier       text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('WEBHOOK', 'SMS', 'MQTT')),
    -- webhook/SMS: the subscription; MQTT: the topic
    recipient        text        NOT NULL,
    address          text        NOT NULL,
    secret           text,
    city_codes       text[]      NOT NULL,
    exercise         boolean     NOT NULL,
    payload          text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'ACKNOWLEDGED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (identifier, channel, recipient)
);

CREATE INDEX channel_delivery_due ON channel_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX channel_delivery_warning ON channel_delivery (identifier);

-- The public CAP Atom feed: one entry per published Alert or Update of status Actual; an Update or Cancel ends the
-- entries it references; an entry past its expires is no longer active.
CREATE TABLE atom_entry (
    identifier   text        PRIMARY KEY,
    sender       text        NOT NULL,
    sent         timestamptz NOT NULL,
    sent_text    text        NOT NULL,
    headline     text        NOT NULL,
    severity     text        NOT NULL,
    colour       text,
    expires      timestamptz,
    cap_xml      text        NOT NULL,
    published_at timestamptz NOT NULL,
    ended_at     timestamptz
);

CREATE INDEX atom_entry_active ON atom_entry (published_at) WHERE ended_at IS NULL;
