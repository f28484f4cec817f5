-- Whose turn it is to poll each department feed (docs/inbound-warnings.md): every instance asks at each of its
-- ticks, the first to find the feed due takes the turn by moving next_due ahead in the same statement, so a feed is
-- polled about once per interval however many instances run. The last poll's outcome and the totals are what
-- GET /api/inbound-feeds shows.
CREATE TABLE feed_turn (
    url                text        PRIMARY KEY,
    next_due           timestamptz NOT NULL,
    polls              bigint      NOT NULL DEFAULT 0,
    failures           bigint      NOT NULL DEFAULT 0,
    documents_refused  bigint      NOT NULL DEFAULT 0,
    alerts_stored      bigint      NOT NULL DEFAULT 0,
    last_polled_at     timestamptz,
    last_polled_by     text,
    -- OK (the feed was read; some linked documents may have been refused) or FAILED (the feed itself was not read)
    last_outcome       text        CHECK (last_outcome IN ('OK', 'FAILED')),
    last_error         text,
    last_new_alerts    integer
);
