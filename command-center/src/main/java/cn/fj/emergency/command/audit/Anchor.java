package cn.fj.emergency.command.audit;

import java.time.Instant;

/**
 * The audit trail's head as the hub signed it: the record {@code seq} with hash {@code hash} was the last one at
 * {@code signedAt}. {@code jws} is the compact ES256 JWS over the JSON object {@code {"seq","hash","signedAt"}},
 * signed with the key {@code keyId} of {@code GET /api/auth/jwks}.
 */
public record Anchor(long seq, String hash, Instant signedAt, String keyId, String jws) {
}
