/**
 * The one catalogue of stable machine-readable error codes, and the exception that carries one.
 * Adapters map it to RFC 9457 problem details (HTTP) and to RSocket application errors with a JSON body.
 */
@NullMarked
package cn.fj.emergency.command.error;

import org.jspecify.annotations.NullMarked;
