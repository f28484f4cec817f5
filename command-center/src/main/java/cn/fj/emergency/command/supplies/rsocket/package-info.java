/**
 * City-link routes for relief supplies: depots report stock movements.
 */
@NullMarked
package cn.fj.emergency.command.supplies.rsocket;

import org.jspecify.annotations.NullMarked;
