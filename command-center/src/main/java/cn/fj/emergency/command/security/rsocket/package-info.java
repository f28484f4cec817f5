/**
 * RSocket adapter of security: the JWT from the SETUP frame authenticates the connection; each request
 * is checked against the access policy and carries the principal in its Reactor context.
 */
@NullMarked
package cn.fj.emergency.command.security.rsocket;

import org.jspecify.annotations.NullMarked;
