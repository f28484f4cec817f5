/**
 * City-link route for situation reports ({@code sitreps.submit}).
 */
@NullMarked
package cn.fj.emergency.command.sitrep.rsocket;

import org.jspecify.annotations.NullMarked;
