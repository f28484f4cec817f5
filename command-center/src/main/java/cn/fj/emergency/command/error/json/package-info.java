/**
 * How the hub reads the JSON clients send, on every route at once: strict about duplicate fields, text the
 * database cannot store, and data that is the JSON literal {@code null}.
 */
@NullMarked
package cn.fj.emergency.command.error.json;

import org.jspecify.annotations.NullMarked;
