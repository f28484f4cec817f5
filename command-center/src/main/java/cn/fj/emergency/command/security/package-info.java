/**
 * Who may do what: principals and roles, JWT issue and verification (jjwt), password hashing, and the one
 * access policy that HTTP, RSocket over TCP and RSocket over WebSocket share.
 */
@NullMarked
package cn.fj.emergency.command.security;

import org.jspecify.annotations.NullMarked;
