-- Exercise and Test warnings (drills) are delivered only to recipients that ask for them (docs/channels.md,
-- "Exercises"); every existing recipient is a real one.
ALTER TABLE channel_subscription ADD COLUMN exercises boolean NOT NULL DEFAULT false;
