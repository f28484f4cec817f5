-- Requests for supplies (EDXL-RM RequestResource) and the commitments against them (CommitResource): of stock
-- from the registry's depots, which reserve it, or of resources an outside provider commits (EXTERNAL), which
-- count toward the need without touching any stock.
create table supply_request (
    id             uuid primary key,
    requester      text not null,
    message_id     text not null,
    payload_hash   text not null,
    city_code      text not null,
    incident_id    text,
    contact        text,
    location       text,
    note           text,
    sent_at        timestamptz not null,
    requested_at   timestamptz not null,
    seq            bigint,
    constraint supply_request_once unique (requester, message_id)
);

create table supply_request_line (
    request_id     uuid not null references supply_request (id),
    line_no        integer not null,
    element_id     text not null,
    item_code      text references supply_item (code),
    -- the resource as the requester typed it, when it is not (only) a catalogue item
    type_urn       text,
    type_value     text,
    resource_name  text,
    quantity       bigint not null check (quantity > 0),
    primary key (request_id, line_no)
);

create table supply_commitment (
    id             uuid primary key,
    request_id     uuid not null references supply_request (id),
    line_no        integer not null,
    depot_code     text references supply_depot (code),
    item_code      text references supply_item (code),
    quantity       bigint not null check (quantity > 0),
    status         text not null,
    provider       text,
    resource_id    text,
    resource_name  text,
    source_message text,
    committed_by   text not null,
    committed_at   timestamptz not null,
    hold_until     timestamptz not null,
    updated_at     timestamptz not null,
    returned       bigint not null default 0 check (returned >= 0 and returned <= quantity),
    foreign key (request_id, line_no) references supply_request_line (request_id, line_no),
    constraint supply_commitment_stock_or_external check ((status = 'EXTERNAL') = (depot_code is null))
);
create index supply_commitment_request on supply_commitment (request_id);
create index supply_commitment_expiry on supply_commitment (hold_until) where status in ('RESERVED', 'SHIPMENT_REQUESTED');
-- a commitment call (its client-chosen commit id) or an imported CommitResource (its MessageID) is applied once
create unique index supply_commitment_once on supply_commitment (request_id, source_message, resource_id);
