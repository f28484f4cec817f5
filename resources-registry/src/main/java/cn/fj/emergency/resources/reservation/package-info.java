/**
 * Requests for supplies for an incident and the province's commitments of stock against them, after the EDXL-RM
 * lifecycle: request, commit (reserve), dispatch (shipment requested, in transit, delivered), release, return, expire.
 */
@NullMarked
package cn.fj.emergency.resources.reservation;

import org.jspecify.annotations.NullMarked;
