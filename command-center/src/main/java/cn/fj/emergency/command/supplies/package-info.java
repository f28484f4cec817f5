/**
 * Relief supplies as the hub exposes them: the resources-registry module's wiring, its events carried by the event
 * log, and its refusals mapped to the hub's error codes. The domain and its storage live in resources-registry.
 */
@NullMarked
package cn.fj.emergency.command.supplies;

import org.jspecify.annotations.NullMarked;
