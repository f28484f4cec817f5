/**
 * Webhooks: the CAP document POSTed to subscribers' endpoints, signed with HMAC-SHA256.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.webhook;

import org.jspecify.annotations.NullMarked;
