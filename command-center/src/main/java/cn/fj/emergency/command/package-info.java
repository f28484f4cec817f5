/**
 * The provincial emergency command hub: incidents, the city-platform link, the console stream, security, and
 * the assembly of the alerting, resources-registry and web-console modules.
 */
@NullMarked
package cn.fj.emergency.command;

import org.jspecify.annotations.NullMarked;
