/**
 * PostgreSQL reads of depots and items (R2DBC).
 */
@NullMarked
package cn.fj.emergency.resources.depot.persistence;

import org.jspecify.annotations.NullMarked;
