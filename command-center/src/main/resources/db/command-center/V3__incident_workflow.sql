-- Incidents from report to close: where a report came from, the status workflow's version, assignment, merges,
-- the timeline and the suspicions of duplicates (incident/*).

alter table incident
    add column source_kind      text,
    -- a 110 or 12345 call centre's own reference of the call
    add column source_reference text,
    add column sensor_id        text,
    add column sensor_quantity  text,
    add column sensor_value     double precision,
    add column sensor_unit      text,
    -- grows by one with every change of status, level or assignee (optimistic concurrency)
    add column version          bigint not null default 1,
    add column assignee         text,
    add column merged_into      uuid references incident (id),
    add column updated_at       timestamptz;

-- before sources were recorded, only city platforms and officers could report
update incident set source_kind = case when reporter like 'city:%' then 'CITY_PLATFORM' else 'OFFICER' end;
alter table incident alter column source_kind set not null;

-- queries page newest first by id (time-ordered UUIDs), usually within one city
create index incident_city_id on incident (city_code, id desc);
-- the duplicate screen: same sub-category, near in time
create index incident_duplicate_screen on incident (substr(category, 1, 2), occurred_at);

-- What happened to an incident after its report, who did it and when: one row per incident event, numbered by
-- that event's seq, written in the transaction of the change.
create table incident_timeline (
    seq          bigint primary key,
    incident_id  uuid not null references incident (id),
    type         text not null,
    actor        text not null,
    at           timestamptz not null,
    data         jsonb not null
);
create index incident_timeline_incident on incident_timeline (incident_id, seq);

-- An incident that looks like a duplicate of earlier ones (incident.duplicate-suspected), for an officer to merge.
create table incident_duplicate_suspicion (
    incident_id  uuid primary key references incident (id),
    city_code    text not null,
    candidates   uuid[] not null,
    seq          bigint not null,
    flagged_at   timestamptz not null
);
create index incident_duplicate_suspicion_city on incident_duplicate_suspicion (city_code, seq desc);
