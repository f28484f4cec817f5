/**
 * PostgreSQL storage of the ledger and the balances (R2DBC); every write runs inside the caller's transaction.
 */
@NullMarked
package cn.fj.emergency.resources.stock.persistence;

import org.jspecify.annotations.NullMarked;
