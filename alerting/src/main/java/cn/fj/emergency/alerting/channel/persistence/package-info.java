/**
 * The delivery ledger, the subscriptions and the Atom feed's entries in PostgreSQL, over R2DBC.
 */
@NullMarked
package cn.fj.emergency.alerting.channel.persistence;

import org.jspecify.annotations.NullMarked;
