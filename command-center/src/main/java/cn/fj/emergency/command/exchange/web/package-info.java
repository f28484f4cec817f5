/**
 * HTTP routes of the EIDO exchange: import and export.
 */
@NullMarked
package cn.fj.emergency.command.exchange.web;

import org.jspecify.annotations.NullMarked;
