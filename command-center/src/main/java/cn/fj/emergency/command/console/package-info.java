/**
 * Serving the duty officers' web console (module {@code web-console}, static files under
 * {@code META-INF/resources/console/}): its entry page and the redirect from the root. docs/web-console.md.
 */
@NullMarked
package cn.fj.emergency.command.console;

import org.jspecify.annotations.NullMarked;
