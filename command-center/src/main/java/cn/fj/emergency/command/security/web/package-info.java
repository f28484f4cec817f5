/**
 * HTTP adapter of security: sign-in, administration of officers and service tokens, bearer filter.
 */
@NullMarked
package cn.fj.emergency.command.security.web;

import org.jspecify.annotations.NullMarked;
