/**
 * Public warnings as the hub exposes them: alerting's lifecycle wired to the hub's database, event log, channels and
 * clock; officers' principals as alerting's officers; alerting's refusals as the hub's error codes; the periodic expiry.
 */
@NullMarked
package cn.fj.emergency.command.warning;

import org.jspecify.annotations.NullMarked;
