-- Addressed events: when audience is not empty, only the principals it names see the event
-- (officer:<username>, city:<code>; see stream/Audience.java and docs/events.md#addressed-events).
alter table event_log add column audience text[] not null default '{}';

-- Video sources. The stream address is stored here and handed out only through a playback token
-- (docs/video.md): no query and no event carries it.
create table video_source (
    id             uuid primary key,
    kind           text not null,
    name           text not null,
    city_code      text not null,
    county_code    text,
    latitude       double precision not null,
    longitude      double precision not null,
    stream_url     text not null,
    protocol       text not null,
    enabled        boolean not null,
    registered_by  text not null,
    registered_at  timestamptz not null,
    updated_by     text not null,
    updated_at     timestamptz not null
);
create index video_source_city on video_source (city_code, name);

-- Named sets of officers (console users), expanded to their members when a dispatch names them
create table console_group (
    name         text primary key,
    description  text,
    members      text[] not null,
    updated_by   text not null,
    updated_at   timestamptz not null
);

create table video_dispatch (
    id               uuid primary key,
    source_id        uuid not null references video_source (id),
    incident_id      uuid not null references incident (id),
    target_officers  text[] not null,
    target_groups    text[] not null,
    target_cities    text[] not null,
    -- the targets as expanded at dispatch time: the audience of the dispatch's events
    audience         text[] not null,
    note             text,
    until            timestamptz,
    exercise         boolean not null,
    dispatched_by    text not null,
    dispatched_at    timestamptz not null,
    withdrawn_by     text,
    withdrawn_at     timestamptz,
    withdraw_reason  text
);
create index video_dispatch_incident on video_dispatch (incident_id, dispatched_at);

create table consultation_session (
    id                uuid primary key,
    incident_id       uuid not null references incident (id),
    title             text not null,
    opened_by         text not null,
    opened_at         timestamptz not null,
    invited_cities    text[] not null,
    invited_officers  text[] not null,
    -- audience names of those in the session now
    participants      text[] not null,
    -- the opener, every invitee and everyone who ever joined: the audience of the session's events
    members           text[] not null,
    exercise          boolean not null,
    closed_by         text,
    closed_at         timestamptz
);
create index consultation_session_incident on consultation_session (incident_id, opened_at);
