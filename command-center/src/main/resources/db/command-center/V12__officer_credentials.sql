-- An officer's credentials can be withdrawn: disabling the officer, a password change or reset, or an administrator
-- revoking the officer's tokens raises credential_version, and a token that carries an older version is refused
-- on every call (security/Authenticator). password_change_required marks a one-time password set by an
-- administrator: signing in with it must set a new password (docs/http-api.md).
alter table officer
    add column credential_version       bigint not null default 0,
    add column password_change_required boolean not null default false,
    add column password_expires_at      timestamptz,
    add column credentials_changed_at   timestamptz,
    add column credentials_changed_by   text;
