/**
 * Targeting: which counties and city platforms a warning covers, from its areas' GB/T 2260 codes and from its
 * polygons and circles (intersected with the real county boundaries, docs/areas.md). Plain Java.
 */
@NullMarked
package cn.fj.emergency.alerting.targeting;

import org.jspecify.annotations.NullMarked;
