/**
 * Situation reports: cities (and officers) report on an incident in the EDXL-SitRep kinds; the province reads the
 * latest of each kind per reporting party and the casualty and resource totals, per incident and province-wide.
 */
@NullMarked
package cn.fj.emergency.command.sitrep;

import org.jspecify.annotations.NullMarked;
