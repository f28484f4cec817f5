/**
 * HTTP routes for command orders: issuing, queries, and acknowledgements by city platforms.
 */
@NullMarked
package cn.fj.emergency.command.order.web;

import org.jspecify.annotations.NullMarked;
