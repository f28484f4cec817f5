-- The event log: one commit-ordered sequence for every change a console or city platform can see.
-- Writers take the counter row in the same transaction as the change, as their last step before commit, so
-- sequence numbers become visible in order and a reader never sees 11 committed before 10.
create table event_counter (
    log       text primary key,
    last_seq  bigint not null
);
insert into event_counter (log, last_seq) values ('hub', 0);

create table event_log (
    seq             bigint primary key,
    stream          text not null,
    type            text not null,
    subject_id      text,
    -- GB/T 2260 codes of the city platforms the event concerns; empty: province level only
    cities          text[] not null default '{}',
    criticality     text not null,
    conflation_key  text,
    exercise        boolean not null default false,
    recorded_at     timestamptz not null,
    payload         jsonb not null
);
create index event_log_stream_seq on event_log (stream, seq);
create index event_log_cities on event_log using gin (cities);

-- Officers sign in with a password; roles as in cn.fj.emergency.command.security.Role
create table officer (
    username       text primary key,
    password_hash  text not null,
    display_name   text not null,
    roles          text[] not null,
    city_code      text,
    enabled        boolean not null default true,
    created_at     timestamptz not null,
    created_by     text not null
);

-- Service tokens issued to city platforms and departments; the token itself is never stored
create table service_token (
    id           uuid primary key,
    subject      text not null,
    roles        text[] not null,
    city_code    text,
    description  text not null,
    issued_by    text not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    revoked_by   text
);

create table incident (
    id                uuid primary key,
    reporter          text not null,
    report_id         text not null,
    payload_hash      text not null,
    city_code         text not null,
    county_code       text,
    category          text not null,
    level             text not null,
    title             text not null,
    description       text,
    latitude          double precision not null,
    longitude         double precision not null,
    occurred_at       timestamptz not null,
    reported_at       timestamptz not null,
    status            text not null,
    exercise          boolean not null default false,
    -- set in the same transaction once the event is appended
    reported_seq      bigint,
    constraint incident_report_once unique (reporter, report_id)
);
create index incident_city_reported on incident (city_code, reported_at desc);
