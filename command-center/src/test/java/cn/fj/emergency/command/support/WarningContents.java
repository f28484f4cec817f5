package cn.fj.emergency.command.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a public warning as officers compose it over HTTP ({@code POST /api/warnings}, docs/warnings.md):
 * a rainstorm warning in zh-CN and en for the given county or city codes, and its way through dual control.
 */
public final class WarningContents {

	private WarningContents() {
	}

	public static Map<String, Object> content(String colour, String status, List<String> codes, OffsetDateTime expires) {
		Map<String, Object> area = new HashMap<>();
		area.put("description", "测试区域 test area");
		area.put("codes", codes);
		Map<String, Object> content = new HashMap<>();
		content.put("status", status);
		content.put("colour", colour);
		content.put("category", "Met");
		content.put("urgency", "Expected");
		content.put("certainty", "Likely");
		content.put("expires", expires.toString());
		content.put("texts", List.of(
				Map.of("language", "zh-CN", "event", "暴雨", "headline", "暴雨预警", "description", "未来6小时有暴雨"),
				Map.of("language", "en", "event", "Rainstorm", "headline", "Rainstorm warning", "description",
						"Heavy rain within 6 hours")));
		content.put("areas", List.of(area));
		return content;
	}

	/** An Actual warning of the colour for the areas, expiring in six hours. */
	public static Map<String, Object> actual(String colour, List<String> codes) {
		return content(colour, "Actual", codes, inHours(6));
	}

	public static OffsetDateTime inHours(int hours) {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(hours).withNano(0);
	}

	/** Drafted and submitted by the author, approved by the reviewer, published by the author: its identifier. */
	public static String published(Hub hub, String author, String reviewer, Map<String, Object> content) {
		String id = hub.postJson("/api/warnings", author, content, 201).get("identifier").asString();
		hub.postJson("/api/warnings/" + id + "/submit", author, Map.of(), 200);
		hub.postJson("/api/warnings/" + id + "/approve", reviewer, Map.of("comment", "checked"), 200);
		hub.postJson("/api/warnings/" + id + "/publish", author, Map.of(), 200);
		return id;
	}

}
