/**
 * The duty officers' browser console. Its static assets live under {@code META-INF/resources/console/} and are
 * served by command-center.
 */
@NullMarked
package cn.fj.emergency.console;

import org.jspecify.annotations.NullMarked;
