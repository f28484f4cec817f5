-- Inbound department warnings (docs/inbound-warnings.md): CAP alerts pushed by departments or polled from their
-- Atom/RSS feeds, one row per alert, de-duplicated on CAP's own key (sender, identifier, sent).
CREATE TABLE inbound_warning (
    id           bigserial   PRIMARY KEY,
    sender       text        NOT NULL,
    identifier   text        NOT NULL,
    sent         timestamptz NOT NULL,
    status       text        NOT NULL,
    msg_type     text        NOT NULL,
    -- ACTIVE, or ended by a later Update (SUPERSEDED) or Cancel (CANCELLED) that references it
    state        text        NOT NULL CHECK (state IN ('ACTIVE', 'SUPERSEDED', 'CANCELLED')),
    ended_by     bigint      REFERENCES inbound_warning (id),
    event        text,
    headline     text,
    -- the alert's references as sender,identifier,epoch-second, to find an Update that arrived before its original
    ref_keys     text[]      NOT NULL,
    -- where it came from: push:<token subject> or the feed URL
    via          text        NOT NULL,
    received_at  timestamptz NOT NULL,
    -- the document exactly as received (for an EDXL-DE envelope, the whole envelope)
    original     bytea       NOT NULL,
    UNIQUE (sender, identifier, sent)
);

CREATE INDEX inbound_warning_received ON inbound_warning (received_at DESC);
CREATE INDEX inbound_warning_refs ON inbound_warning USING gin (ref_keys);
