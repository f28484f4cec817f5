/**
 * The channels' use cases: distributing a published warning, the delivery workers, republishing, subscriptions and the public feed.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.delivery;

import org.jspecify.annotations.NullMarked;
