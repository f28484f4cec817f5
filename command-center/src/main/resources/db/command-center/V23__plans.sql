-- Digital plans (docs/plans.md). A plan is a row naming its current version; every import or edit adds a version,
-- which is never changed afterwards: a response that started on version N keeps reading version N.
create table plan (
    id               text primary key,
    current_version  integer not null check (current_version >= 1),
    created_at       timestamptz not null,
    retired_at       timestamptz,
    retired_by       text,
    retire_reason    text,
    check ((retired_at is null) = (retired_by is null))
);

create table plan_version (
    plan_id      text not null references plan (id),
    version      integer not null check (version >= 1),
    -- the canonical file (PlanFile.write), exported byte for byte as stored
    content      text not null,
    sha256       text not null,
    title_zh     text not null,
    title_en     text not null,
    category     text not null,
    created_by   text not null,
    created_at   timestamptz not null,
    note         text not null,
    primary key (plan_id, version)
);

-- A version is immutable: the database refuses to change or delete one, whoever asks.
create function plan_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'plan % version % is immutable', old.plan_id, old.version using errcode = 'P0001';
end;
$$;
create trigger plan_version_immutable before update or delete on plan_version
    for each row execute function plan_version_immutable();
