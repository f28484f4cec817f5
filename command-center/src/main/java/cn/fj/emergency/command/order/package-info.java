/**
 * Command orders: a commander issues an order to city platforms, signed by the hub (JWS, ES256) so that a city can
 * verify it came from the province; cities acknowledge it step by step, and a target that has not answered by the
 * deadline raises one overdue event.
 */
@NullMarked
package cn.fj.emergency.command.order;

import org.jspecify.annotations.NullMarked;
