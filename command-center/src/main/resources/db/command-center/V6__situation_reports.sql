-- Situation reports (EDXL-SitRep kinds) that city platforms and officers submit on an incident.
-- (reporter, sitrep_id) makes a retried submission idempotent; content is the validated report body as JSON,
-- whose counts the roll-ups sum in SQL.
create table sitrep (
    id            uuid primary key,
    reporter      text not null,
    sitrep_id     text not null,
    payload_hash  text not null,
    incident_id   uuid not null references incident (id),
    -- the incident's city platform, copied at submission: the roll-ups group by it without a join
    city_code     text not null,
    -- who reports: the city platform's code, or 350000 for a province-wide officer
    source        text not null,
    kind          text not null,
    -- the time the report describes (its own "as of" time); "latest" is decided by it first
    reported_at   timestamptz not null,
    submitted_at  timestamptz not null,
    exercise      boolean not null,
    content       jsonb not null,
    -- the sequence number of its sitrep.submitted event, set in the same transaction; breaks ties of reported_at
    seq           bigint,
    constraint sitrep_submitted_once unique (reporter, sitrep_id)
);
-- the roll-ups: latest report per (incident, source, kind)
create index sitrep_latest on sitrep (incident_id, source, kind, reported_at desc, seq desc);
