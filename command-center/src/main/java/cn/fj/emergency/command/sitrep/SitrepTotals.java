package cn.fj.emergency.command.sitrep;

import cn.fj.emergency.command.sitrep.SitrepSubmission.CasualtyAndIllnessSummary;
import cn.fj.emergency.command.sitrep.SitrepSubmission.ResponseResourcesTotals;

/**
 * Casualty and resource figures summed over the latest casualty and illness summary and the latest response
 * resources totals of each reporting party (see docs/sitreps.md for "latest").
 *
 * @param casualtyReports how many reports the casualty figures add up
 * @param resourceReports how many reports the resource figures add up
 */
public record SitrepTotals(CasualtyAndIllnessSummary casualties, long casualtyReports,
		ResponseResourcesTotals resources, long resourceReports) {
}
