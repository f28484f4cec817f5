-- The CAP version each inbound alert was read in (docs/cap-profile.md, "Older CAP versions"): a 1.0 or 1.1 alert is
-- stored as the 1.2 alert it means, its document kept as received in `original`. Alerts stored before were all 1.2.
ALTER TABLE inbound_warning
    ADD COLUMN cap_version text NOT NULL DEFAULT '1.2' CHECK (cap_version IN ('1.0', '1.1', '1.2'));
