/**
 * PostgreSQL storage of requests and commitments (R2DBC); status changes are conditional updates.
 */
@NullMarked
package cn.fj.emergency.resources.reservation.persistence;

import org.jspecify.annotations.NullMarked;
