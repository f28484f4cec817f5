-- Who did what, append-only and hash-chained: each record's hash covers the previous record's hash, so changing
-- or removing a record breaks the chain from there on. The head row serialises appenders across instances.
create table audit_head (
    log        text primary key,
    last_seq   bigint not null,
    last_hash  text not null
);
insert into audit_head (log, last_seq, last_hash) values ('audit', 0, repeat('0', 64));

create table audit_record (
    seq         bigint primary key,
    at          timestamptz not null,
    actor       text not null,
    actor_kind  text not null,
    action      text not null,
    subject     text,
    outcome     text not null,
    -- kept as the exact text that was hashed
    details     text not null,
    prev_hash   text not null,
    hash        text not null
);
create index audit_record_actor on audit_record (actor, seq);
