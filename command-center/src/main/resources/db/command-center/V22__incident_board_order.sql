-- The board's orders over what is open (docs/http-api.md#get-apiincidents): sort=level reads the open incidents by
-- (level, id), sort=age and the default by id, from these partial indexes of the open rows only, so a triage page
-- is read in index order however many closed incidents the table holds. A search text (q) is matched against the
-- open rows these indexes pick out.
create index incident_open_level_id on incident (level, id) where status not in ('CLOSED', 'MERGED', 'DISMISSED');
create index incident_open_id on incident (id) where status not in ('CLOSED', 'MERGED', 'DISMISSED');
