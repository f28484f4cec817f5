/**
 * The stock ledger: append-only, idempotent movements and the balance per depot and item that they keep, in the
 * same transaction, never negative. Low-stock thresholds and the verification that the ledger sums equal the levels.
 */
@NullMarked
package cn.fj.emergency.resources.stock;

import org.jspecify.annotations.NullMarked;
