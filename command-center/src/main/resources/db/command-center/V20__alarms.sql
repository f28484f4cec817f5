-- Alarms (docs/web-console.md#alarms): raised from the event log by one tailer at a time, whose position is this one
-- row, taken FOR UPDATE SKIP LOCKED in the transaction that inserts the alarms; the unique cause is the second
-- guard that one cause raises one alarm however many hub instances run.
create table alarm_cursor (
    name      text primary key,
    last_seq  bigint not null
);
-- from the log's head when the hub is upgraded: what happened before is not alarmed again
insert into alarm_cursor (name, last_seq)
select 'alarms', coalesce((select last_seq from event_counter where log = 'hub'), 0);

create table alarm (
    id               uuid primary key,
    cause            text not null unique,
    kind             text not null,
    city_code        text,
    subject_id       text,
    level            text,
    summary          text,
    source_seq       bigint not null,
    raised_at        timestamptz not null,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    check ((acknowledged_by is null) = (acknowledged_at is null))
);
create index alarm_open on alarm (raised_at desc, id) where acknowledged_at is null;

-- The city platforms last seen connected, for the offline alarm: one row per platform that has been online.
create table platform_presence (
    city_code     text primary key,
    online        boolean not null,
    online_since  timestamptz not null,
    changed_at    timestamptz not null
);
-- the presence watcher's turn: one instance at a time compares Redis presence with the rows above
insert into alarm_cursor (name, last_seq) values ('presence', 0);
