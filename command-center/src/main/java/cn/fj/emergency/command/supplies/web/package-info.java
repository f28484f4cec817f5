/**
 * HTTP routes for relief supplies: depots, catalogue, stock, movements, requests and commitments, EDXL-RM.
 */
@NullMarked
package cn.fj.emergency.command.supplies.web;

import org.jspecify.annotations.NullMarked;
