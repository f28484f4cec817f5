/**
 * Finding supplies: the depots that can supply items near a location, nearest first by great-circle distance.
 */
@NullMarked
package cn.fj.emergency.resources.finding;

import org.jspecify.annotations.NullMarked;
