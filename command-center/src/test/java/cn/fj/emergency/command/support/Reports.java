package cn.fj.emergency.command.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Incident reports for tests: valid unless changed. */
public final class Reports {

	private Reports() {
	}

	/** A valid report in the given county of Xiamen (350203 Siming) or elsewhere. */
	public static Map<String, Object> report(String reportId, String countyCode) {
		Map<String, Object> report = new HashMap<>();
		report.put("reportId", reportId);
		report.put("category", "11");
		report.put("level", "III");
		report.put("title", "Waterlogging " + reportId);
		report.put("description", "Knee-deep water on the road");
		report.put("latitude", 24.48);
		report.put("longitude", 118.09);
		report.put("countyCode", countyCode);
		report.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10).withNano(0).toString());
		return report;
	}

	public static Map<String, Object> xiamen(String reportId) {
		return report(reportId, "350203");
	}

	public static Map<String, Object> fuzhou(String reportId) {
		Map<String, Object> report = report(reportId, "350102");
		report.put("latitude", 26.08);
		report.put("longitude", 119.30);
		return report;
	}

}
