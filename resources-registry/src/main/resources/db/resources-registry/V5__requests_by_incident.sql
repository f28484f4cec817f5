-- Requests are listed newest first (ids are time-ordered) by the hub incident they name and by city
-- (GET /api/supplies/requests?incident=...&city=...). The incident is matched without regard to case: it is the
-- text the requester sent, a hub incident id in any case.
create index supply_request_incident on supply_request (lower(incident_id), id);
create index supply_request_city on supply_request (city_code, id);
