package cn.fj.emergency.resources.reservation;

import org.jspecify.annotations.Nullable;

/**
 * How far a request line is met: {@code committed} counts every commitment that still meets the need (reserved,
 * on its way, delivered, returned after delivery, or external); released and expired ones do not.
 */
public record LineNeed(int lineNo, String elementId, @Nullable String itemCode, @Nullable String resourceName,
		long requested, long committed, long delivered, long remaining) {
}
