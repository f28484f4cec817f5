/**
 * HTTP routes for officers: the upstream state of an incident's forwards, and the forwards not yet acknowledged.
 */
@NullMarked
package cn.fj.emergency.command.uplink.web;

import org.jspecify.annotations.NullMarked;
