-- National uplink: level I/II incidents and level raises, forwarded to the national platform.
-- The outbox is filled from the event log by a tailer whose position is this one row; the tailer takes it
-- FOR UPDATE (SKIP LOCKED) in the transaction that inserts the outbox rows, so hub instances never insert twice.
create table uplink_cursor (
    name      text primary key,
    last_seq  bigint not null
);
-- from the start of the log: every level I/II incident ever recorded is forwarded
insert into uplink_cursor (name, last_seq) values ('national', 0);

-- One row per forward; id is the forwardId the national peer sees, stable over every attempt.
create table upstream_forward (
    id                uuid primary key,
    source_seq        bigint not null,
    incident_id       uuid not null,
    city_code         text not null,
    kind              text not null,
    level             text not null,
    previous_level    text,
    exercise          boolean not null,
    -- the request sent to the peer, fixed when the forward is created
    payload           jsonb not null,
    state             text not null,
    created_at        timestamptz not null,
    attempts          integer not null default 0,
    last_attempt_at   timestamptz,
    next_attempt_at   timestamptz not null,
    last_error        text,
    -- a claim by one hub instance: others leave the row alone until claimed_until has passed
    claimed_by        text,
    claimed_until     timestamptz,
    acknowledged_at   timestamptz,
    receipt_id        text,
    constraint upstream_forward_once unique (source_seq)
);
create index upstream_forward_due on upstream_forward (next_attempt_at) where state = 'PENDING';
create index upstream_forward_incident on upstream_forward (incident_id, source_seq);

-- A level raise is forwarded with the incident's details from its incident.reported event, found by subject.
create index event_log_subject on event_log (subject_id, seq);
