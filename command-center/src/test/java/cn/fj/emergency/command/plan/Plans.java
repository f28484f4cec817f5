package cn.fj.emergency.command.plan;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped plans and changed copies of them, for tests. */
final class Plans {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Plans() {
	}

	static byte[] shipped(String id) {
		return ManagingPlans.shippedFile(id).block();
	}

	static Plan typhoon() {
		return PlanFile.read(shipped("fj-typhoon"));
	}

	static Plan flood() {
		return PlanFile.read(shipped("fj-flood"));
	}

	static ObjectNode tree(byte[] file) {
		return (ObjectNode) JSON.readTree(file);
	}

	static byte[] bytes(ObjectNode tree) {
		return JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
	}

}
