/**
 * Public warnings as OASIS CAP 1.2: compose, validate, dual-control approval, publish, broadcast channels
 * and inbound department feeds. Depends on nothing of the hub; it publishes its own event types.
 */
@NullMarked
package cn.fj.emergency.alerting;

import org.jspecify.annotations.NullMarked;
