package cn.fj.emergency.command.sitrep;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One incident's situation: the latest report of each kind from each reporting party, and the totals over them.
 */
public record SitrepRollup(UUID incidentId, String cityCode, Instant asOf, List<Sitrep> latest, SitrepTotals totals) {
}
