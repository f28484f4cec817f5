/**
 * HTTP routes for situation reports: submission, the list of an incident's reports and the roll-ups.
 */
@NullMarked
package cn.fj.emergency.command.sitrep.web;

import org.jspecify.annotations.NullMarked;
