package cn.fj.emergency.alerting.channel;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an SMS gateway reports of one message it accepted.
 *
 * @param clientReference the delivery's message id, as the hub sent it
 * @param delivered true when the handset got it, false when the gateway gave up
 * @param error the gateway's reason when not delivered (kept as the delivery's last error)
 */
public record SmsReceipt(UUID clientReference, boolean delivered, @Nullable String error) {
}
