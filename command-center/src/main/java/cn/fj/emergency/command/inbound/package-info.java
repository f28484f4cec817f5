/**
 * Inbound department warnings in the hub: alerting's inbound store and feed poller wired on the hub's database,
 * transactions, event log and clock; officers turn an inbound warning into a public warning draft or an incident.
 */
@NullMarked
package cn.fj.emergency.command.inbound;

import org.jspecify.annotations.NullMarked;
