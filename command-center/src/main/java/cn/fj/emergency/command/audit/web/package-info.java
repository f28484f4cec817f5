/**
 * HTTP: the administrator's verification of the audit trail against its anchors.
 */
@NullMarked
package cn.fj.emergency.command.audit.web;

import org.jspecify.annotations.NullMarked;
