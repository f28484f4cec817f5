-- A subscription may declare how many people it reaches (a broadcaster's audience, a distribution list's size), so
-- that the reach preview of a warning can estimate receivers per channel (docs/channels.md, "Reach preview"); NULL
-- when not declared: the preview then counts the subscription as one receiver.
ALTER TABLE channel_subscription ADD COLUMN receivers integer CHECK (receivers IS NULL OR receivers > 0);
