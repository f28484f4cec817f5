/**
 * Incident exchange as NENA EIDO (NENA-STA-021 JSON): import of another agency's EIDO as an incident report, and
 * export of an incident as an EIDO whose id is a URN of ours, so that it re-imports to the same incident.
 */
@NullMarked
package cn.fj.emergency.command.exchange;

import org.jspecify.annotations.NullMarked;
