/**
 * Broadcast channels: what a published warning owes each channel and recipient (the delivery ledger), and the
 * channels themselves. The warning lifecycle hands every published warning to {@link WarningDistribution}.
 */
@NullMarked
package cn.fj.emergency.alerting.channel;

import org.jspecify.annotations.NullMarked;
