-- Disaster events (docs/disaster-events.md): one typhoon, flood, earthquake... worked as a whole, with the
-- incidents, warnings, orders, situation reports and supply requests that belong to it, and the response levels
-- (Ⅳ..Ⅰ) the province activates for it.
create table disaster_event (
    id            uuid primary key,
    -- GB/T 35561 sub-category or kind (incident/IncidentCategory): the rule joins incidents of it and below
    category      text not null,
    name_zh       text not null,
    name_en       text,
    -- cities concerned as a whole, and counties concerned whose city is not listed as a whole
    cities        text[] not null,
    counties      text[] not null default '{}',
    -- every city the event concerns (cities + the counties' cities): the cities of its events on the log
    concerned_cities text[] not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz,
    state         text not null,
    exercise      boolean not null,
    opened_by     text not null,
    opened_at     timestamptz not null,
    closed_by     text,
    closed_at     timestamptz,
    close_reason  text
);
create index disaster_event_open on disaster_event (state, exercise);

-- Membership: one row per (event, kind, member) ever added; removed_at set when an officer takes it out. A row is
-- never deleted, so the rule (which only inserts where no row exists) never brings a removed member back.
create table disaster_event_member (
    event_id        uuid not null references disaster_event (id),
    member_kind     text not null,
    member_id       text not null,
    joined_by_rule  boolean not null,
    added_by        text not null,
    added_at        timestamptz not null,
    add_reason      text,
    removed_by      text,
    removed_at      timestamptz,
    remove_reason   text,
    primary key (event_id, member_kind, member_id)
);
create index disaster_event_member_of on disaster_event_member (member_kind, member_id);

-- Responses: at most one ACTIVE per event. plan_id/plan_version name the plan version the response runs (issue
-- 19.3, digital plans): null until plans exist, and never changed once set.
create table disaster_response (
    id             uuid primary key,
    event_id       uuid not null references disaster_event (id),
    level          text not null,
    state          text not null,
    exercise       boolean not null,
    plan_id        uuid,
    plan_version   integer,
    activated_by   text not null,
    activated_at   timestamptz not null,
    ended_by       text,
    ended_at       timestamptz,
    version        integer not null
);
create unique index disaster_response_one_active on disaster_response (event_id) where state = 'ACTIVE';

-- Every change of a response, signed by the hub (JWS, typ response+jwt) and numbered from 1.
create table disaster_response_change (
    response_id     uuid not null references disaster_response (id),
    version         integer not null,
    action          text not null,
    level           text not null,
    previous_level  text,
    reason          text not null,
    changed_by      text not null,
    changed_at      timestamptz not null,
    jws             text not null,
    seq             bigint,
    primary key (response_id, version)
);
