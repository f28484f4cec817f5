-- Drills (docs/drills.md): one row per drill started from the console (POST /api/drills), with its scenario, its
-- state, its last progress and, once ended, its report (JSON and Markdown).
create table drill (
    id               uuid primary key,
    scenario_name    text not null,
    scenario         jsonb not null,
    time_scale       double precision not null,
    rate_multiplier  double precision not null,
    state            text not null check (state in ('RUNNING', 'FINISHED', 'FAILED', 'CANCELLED')),
    started_by       text not null,
    started_at       timestamptz not null,
    ended_at         timestamptz,
    progress         jsonb,
    -- the playing instance's last sign of life (progress saved, about every second); a running drill without one
    -- for hub.drills.abandoned-after is failed by any instance (its instance stopped)
    heartbeat_at     timestamptz not null default now(),
    error            text,
    report           jsonb,
    report_markdown  text
);
create index drill_started on drill (started_at desc);
create index drill_running on drill (heartbeat_at) where state = 'RUNNING';
