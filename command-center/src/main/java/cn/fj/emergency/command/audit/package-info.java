/**
 * The audit trail's anchors: every {@code hub.audit.anchor-interval} the hub signs the trail's head with its
 * ES256 key and publishes it on the event log ({@code audit.anchor}), and an administrator's verification checks
 * the chain against every anchor (docs/audit.md).
 */
@NullMarked
package cn.fj.emergency.command.audit;

import org.jspecify.annotations.NullMarked;
