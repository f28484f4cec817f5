-- The stock ledger: one row per movement, never updated except to record its outcome (levels after it and the
-- sequence number of its event) in the transaction that inserts it. The balance row per depot and item is the
-- sum of the ledger's deltas, kept in the same transaction by a conditional update under the row lock; the
-- checks make a negative level impossible even for a faulty writer.
create table stock_balance (
    depot_code     text not null references supply_depot (code),
    item_code      text not null references supply_item (code),
    on_hand        bigint not null default 0,
    reserved       bigint not null default 0,
    -- a low-stock threshold on the available quantity, and whether available is now below it
    low_threshold  bigint check (low_threshold is null or low_threshold >= 0),
    low            boolean not null default false,
    updated_at     timestamptz not null,
    primary key (depot_code, item_code),
    constraint stock_balance_on_hand_not_negative check (on_hand >= 0),
    constraint stock_balance_reserved_not_negative check (reserved >= 0),
    constraint stock_balance_available_not_negative check (reserved <= on_hand)
);
create index stock_balance_item on stock_balance (item_code);

create table stock_movement (
    id                 uuid primary key,
    -- who reported it (a city platform's key, an officer, or the hub for reservations) and the id it chose
    reporter           text not null,
    movement_id        text not null,
    payload_hash       text not null,
    depot_code         text not null references supply_depot (code),
    item_code          text not null references supply_item (code),
    type               text not null,
    quantity           bigint not null check (quantity <> 0),
    on_hand_delta      bigint not null,
    reserved_delta     bigint not null,
    reason             text,
    counterpart_depot  text,
    commitment_id      uuid,
    occurred_at        timestamptz not null,
    recorded_at        timestamptz not null,
    on_hand_after      bigint,
    reserved_after     bigint,
    seq                bigint,
    constraint stock_movement_once unique (reporter, movement_id)
);
create index stock_movement_balance on stock_movement (depot_code, item_code);
