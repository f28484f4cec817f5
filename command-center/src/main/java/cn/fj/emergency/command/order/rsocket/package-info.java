/**
 * City-link routes for command orders: the resumable orders stream and acknowledgements.
 */
@NullMarked
package cn.fj.emergency.command.order.rsocket;

import org.jspecify.annotations.NullMarked;
