/**
 * Relief-supply depots, catalogue, stock ledger and reservations that never oversell. Depends on nothing of
 * the hub; it publishes its own event types.
 */
@NullMarked
package cn.fj.emergency.resources;

import org.jspecify.annotations.NullMarked;
