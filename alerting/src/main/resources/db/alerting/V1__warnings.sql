-- Our own public warnings (alerting.warning). The identifier is GB/T 35965's: unique by the primary key, so two
-- warnings entered in the same second by the same unit can never share one (the loser of a race takes the next).
create table warning (
    identifier    text primary key,
    unit          text not null,
    author        text not null,
    state         text not null,
    status        text not null,
    msg_type      text not null,
    colour        text,
    headline      text not null,
    -- the CAP document; once the warning is published, exactly the published bytes, never rewritten
    alert_xml     text not null,
    city_codes    text[] not null,
    county_codes  text[] not null,
    replaces      text references warning (identifier),
    published_at  timestamptz,
    expires_at    timestamptz,
    ended_by      text,
    created_at    timestamptz not null,
    changed_at    timestamptz not null
);

create index warning_unit_idx on warning (unit, identifier desc);
create index warning_expiry_idx on warning (expires_at) where state = 'PUBLISHED';

create table warning_review (
    identifier  text not null references warning (identifier),
    position    int not null,
    reviewer    text not null,
    approved    boolean not null,
    comment     text,
    reviewed_at timestamptz not null,
    primary key (identifier, position)
);
