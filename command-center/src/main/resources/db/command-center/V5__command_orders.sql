-- Command orders: issued by a commander to city platforms, signed by the hub, acknowledged per city.
create table command_order (
    id             uuid primary key,
    -- officer username of the commander; (issued_by, order_ref) makes retried issues idempotent
    issued_by      text not null,
    order_ref      text not null,
    payload_hash   text not null,
    text           text not null,
    incident_id    uuid,
    target_cities  text[] not null,
    deadline       timestamptz not null,
    issued_at      timestamptz not null,
    exercise       boolean not null default false,
    -- compact JWS (ES256) over the order's claims, as handed to cities
    jws            text not null,
    -- set in the same transaction once the order.issued event is appended
    issued_seq     bigint,
    constraint command_order_ref_once unique (issued_by, order_ref)
);
create index command_order_issued on command_order (issued_at desc, id desc);
create index command_order_incident on command_order (incident_id);

-- One row per order and target city: its acknowledgement state and whether it went overdue.
create table command_order_target (
    order_id          uuid not null references command_order (id),
    city_code         text not null,
    -- the order's deadline, repeated here for the overdue check's index
    deadline          timestamptz not null,
    -- RECEIVED, ACCEPTED, COMPLETED, REJECTED; null: nothing acknowledged yet
    state             text,
    acknowledged_at   timestamptz,
    -- ACCEPTED or REJECTED (or later) by the deadline: this target can no longer go overdue
    answered_in_time  boolean not null default false,
    overdue_at        timestamptz,
    overdue_seq       bigint,
    primary key (order_id, city_code)
);
create index command_order_target_due on command_order_target (deadline)
    where overdue_at is null and not answered_in_time;
create index command_order_target_city on command_order_target (city_code, order_id);

-- Every acknowledgement a city sent, in order; (order, city, ack_id) makes retried acknowledgements idempotent.
create table command_order_ack (
    order_id          uuid not null,
    city_code         text not null,
    ack_id            text not null,
    state             text not null,
    previous_state    text,
    reason            text,
    acknowledged_at   timestamptz not null,
    acknowledged_by   text not null,
    seq               bigint not null,
    primary key (order_id, city_code, ack_id),
    foreign key (order_id, city_code) references command_order_target (order_id, city_code)
);
create index command_order_ack_seq on command_order_ack (order_id, seq);
