-- The audit trail's append as one statement (security/persistence/R2dbcAuditTrail), and the signed anchors of its
-- head (audit/AnchoringAuditTrail). V13, not V12: V12 is left to another change made at the same time.

-- Appends the records in input order after the head, chaining each to the one before, and moves the head; answers
-- the last sequence number. Each record's hash is AuditRecord.hashOf: lower-case hex SHA-256 of the UTF-8 text
-- prevHash, seq, at, actor, actorKind, action, subject, outcome, details joined with '\n', an absent subject being
-- the single character U+0000 (which a text value cannot hold, hence the bytes). p_at is the instant as
-- Java's Instant.toString() writes it, the text that is hashed. The head row is taken first and held until commit:
-- appenders are serialised from this statement to their commit, with no round trip to the hub in between.
create function audit_append(p_at text[], p_actors text[], p_kinds text[], p_actions text[], p_subjects text[],
        p_outcomes text[], p_details text[])
    returns bigint
    language plpgsql
as $$
declare
    n       int := coalesce(cardinality(p_actions), 0);
    h_seq   bigint;
    h_hash  text;
    v_hash  text;
begin
    if n = 0 then
        raise exception 'audit_append: no records to append';
    end if;
    select last_seq, last_hash into h_seq, h_hash from audit_head where log = 'audit' for update;
    for i in 1 .. n loop
        h_seq := h_seq + 1;
        v_hash := encode(sha256(
            convert_to(h_hash || E'\n' || h_seq::text || E'\n' || p_at[i] || E'\n' || p_actors[i] || E'\n'
                       || p_kinds[i] || E'\n' || p_actions[i] || E'\n', 'UTF8')
            || coalesce(convert_to(p_subjects[i], 'UTF8'), '\x00'::bytea)
            || convert_to(E'\n' || p_outcomes[i] || E'\n' || p_details[i], 'UTF8')), 'hex');
        insert into audit_record (seq, at, actor, actor_kind, action, subject, outcome, details, prev_hash, hash)
        values (h_seq, p_at[i]::timestamptz, p_actors[i], p_kinds[i], p_actions[i], p_subjects[i], p_outcomes[i],
                p_details[i], h_hash, v_hash);
        h_hash := v_hash;
    end loop;
    update audit_head set last_seq = h_seq, last_hash = h_hash where log = 'audit';
    return h_seq;
end
$$;

-- The trail's head as the hub signed it: (seq, hash) of the record that was the head, the JWS (ES256, the hub's
-- signing key) over it, and the event that published it (stream audit, type audit.anchor). One anchor per head:
-- instances that sign the same head concurrently store (and publish) it once.
create table audit_anchor (
    seq        bigint primary key,
    hash       text not null,
    signed_at  timestamptz not null,
    key_id     text not null,
    jws        text not null
);
