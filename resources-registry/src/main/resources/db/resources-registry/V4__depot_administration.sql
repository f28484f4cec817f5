-- Depots are administered over HTTP from now on: a depot can be disabled (never deleted, it may hold stock);
-- a disabled depot is not offered as a source and takes no new commitments.
alter table supply_depot add column enabled boolean not null default true;
alter table supply_depot add column updated_at timestamptz;
alter table supply_item add column updated_at timestamptz;
