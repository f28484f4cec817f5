package cn.fj.emergency.command.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;
import cn.fj.emergency.command.support.WarningContents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans over HTTP on a real hub (PostgreSQL, Redis): the shipped plans import; an administrator's edit adds a version
 * and leaves version 1 byte for byte as it was; bad files are refused with the path of each problem; officers read,
 * only administrators write; every change is on the log and in the audit trail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlansHttpTest {

	static final Duration WAIT = Duration.ofSeconds(30);

	static Hub hub;

	static String admin;

	static String officer;

	@BeforeAll
	static void start() {
		hub = Hub.start(Hub.freshHubSettings());
		admin = hub.adminToken();
		officer = hub.dutyOfficerToken();
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static byte[] post(String uri, String token, byte[] body, int status) {
		return hub.http()
			.post()
			.uri(uri)
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	static JsonNode postJson(String uri, String token, byte[] body, int status) {
		return Plans.JSON.readTree(post(uri, token, body, status));
	}

	static byte[] file(String id, int version) {
		return hub.http()
			.get()
			.uri("/api/plans/" + id + "/versions/" + version + "/file")
			.headers(h -> h.setBearerAuth(officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/json;charset=UTF-8")
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	static List<HubEvent> planEvents() {
		List<HubEvent> events = new ArrayList<>(hub.context().getBean(EventLog.class).readAfter(0, 10_000).collectList().block(WAIT));
		events.removeIf(e -> !e.stream().equals(PlanEvent.STREAM));
		return events;
	}

	@Test
	@Order(1)
	void theShippedPlansImportOnceAndValidate() {
		JsonNode imported = postJson("/api/plans/shipped", admin, new byte[0], 200);
		assertThat(imported).extracting(v -> v.get("planId").asString()).containsExactly("fj-typhoon", "fj-flood");
		assertThat(imported).allSatisfy(v -> {
			assertThat(v.get("version").asInt()).isEqualTo(1);
			assertThat(v.get("createdBy").asString()).isEqualTo("admin");
			assertThat(v.get("note").asString()).isEqualTo("shipped with the hub");
		});
		assertThat(postJson("/api/plans/shipped", admin, new byte[0], 200)).isEmpty();
		JsonNode list = hub.getJson("/api/plans", officer);
		assertThat(list).extracting(p -> p.get("id").asString()).containsExactly("fj-flood", "fj-typhoon");
		assertThat(list.get(1).get("titleZh").asString()).isEqualTo("福建省防台风应急预案");
		List<HubEvent> events = planEvents();
		assertThat(events).extracting(HubEvent::type).containsExactly(PlanEvent.IMPORTED, PlanEvent.IMPORTED);
		assertThat(events).extracting(HubEvent::subjectId).containsExactly("fj-typhoon", "fj-flood");
		// the exported file is the canonical form of the shipped one, naming version 1
		byte[] v1 = file("fj-typhoon", 1);
		assertThat(new String(v1, StandardCharsets.UTF_8))
			.isEqualTo(PlanFile.write(PlanFile.read(Plans.shipped("fj-typhoon")).withVersion(1)));
		assertThat(Digests.sha256Hex(new String(v1, StandardCharsets.UTF_8))).isEqualTo(imported.get(0).get("sha256").asString());
	}

	@Test
	@Order(2)
	void anEditAddsAVersionAndLeavesVersionOneByteForByte() {
		byte[] before = file("fj-typhoon", 1);
		ObjectNode edited = Plans.tree(before);
		((ObjectNode) edited.get("levels").get("IV").get(0)).put("deadline", "PT30M");
		JsonNode v2 = postJson("/api/plans/fj-typhoon/versions?note=值班时限缩短为30分钟", admin, Plans.bytes(edited), 201);
		assertThat(v2.get("version").asInt()).isEqualTo(2);
		assertThat(v2.get("note").asString()).isEqualTo("值班时限缩短为30分钟");
		assertThat(file("fj-typhoon", 1)).isEqualTo(before);
		assertThat(PlanFile.read(file("fj-typhoon", 2)).actions(ResponseLevel.IV).get(0).deadline())
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(PlanFile.read(file("fj-typhoon", 1)).actions(ResponseLevel.IV).get(0).deadline())
			.isEqualTo(Duration.ofHours(1));
		JsonNode plan = hub.getJson("/api/plans/fj-typhoon", officer);
		assertThat(plan.get("currentVersion").asInt()).isEqualTo(2);
		assertThat(plan.get("versions")).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
		// what a response on each version sets off differs as the versions do
		JsonNode onOne = hub.getJson("/api/plans/fj-typhoon/versions/1/actions?level=IV&cities=350100,350900", officer);
		JsonNode onTwo = hub.getJson("/api/plans/fj-typhoon/versions/2/actions?level=IV&cities=350100,350900", officer);
		assertThat(onOne.get(0).get("deadline").asString()).isEqualTo("PT1H");
		assertThat(onTwo.get(0).get("deadline").asString()).isEqualTo("PT30M");
		assertThat(onTwo.get(4).get("cities")).extracting(JsonNode::asString).containsExactly("350100", "350900");
		JsonNode raised = hub.getJson("/api/plans/fj-typhoon/versions/2/actions?from=IV&level=II&cities=350100", officer);
		assertThat(raised).extracting(a -> a.get("level").asString()).containsOnly("III", "II");
		// the same file again, edited from version 1 though 2 is current, is refused
		JsonNode conflict = postJson("/api/plans/fj-typhoon/versions?note=again", admin, Plans.bytes(edited), 409);
		assertThat(conflict.get("code").asString()).isEqualTo("PLAN_VERSION_CONFLICT");
		assertThat(conflict.get("currentVersion").asInt()).isEqualTo(2);
		assertThat(planEvents()).extracting(HubEvent::type).endsWith(PlanEvent.VERSION_ADDED);
	}

	@Test
	@Order(3)
	void theDatabaseRefusesToChangeAVersion() {
		DatabaseClient db = hub.context().getBean(DatabaseClient.class);
		assertThatThrownBy(() -> db.sql("update plan_version set note = 'rewritten' where plan_id = 'fj-typhoon'")
			.then()
			.block(WAIT)).hasMessageContaining("immutable");
		assertThatThrownBy(() -> db.sql("delete from plan_version where plan_id = 'fj-flood'").then().block(WAIT))
			.hasMessageContaining("immutable");
	}

	@Test
	@Order(4)
	void badFilesAreRefusedWithThePathOfEachProblem() {
		ObjectNode bad = Plans.tree(Plans.shipped("fj-flood"));
		bad.put("id", "fj-flood-2");
		((ObjectNode) bad.get("levels").get("II").get(1)).put("deadline", "six hours");
		((ObjectNode) bad.get("levels").get("I").get(0)).put("party", "army");
		JsonNode refused = postJson("/api/plans", admin, Plans.bytes(bad), 400);
		assertThat(refused.get("code").asString()).isEqualTo("PLAN_INVALID");
		assertThat(refused.get("problems")).extracting(p -> p.get("path").asString())
			.containsExactly("/levels/II/1/deadline", "/levels/I/0/party");
		assertThat(refused.get("problems").get(1).get("message").asString()).isEqualTo("no party army is declared in /parties");
		JsonNode notJson = postJson("/api/plans", admin, "{\"id\":".getBytes(StandardCharsets.UTF_8), 400);
		assertThat(notJson.get("code").asString()).isEqualTo("PLAN_INVALID");
		assertThat(notJson.get("problems").get(0).get("path").asString()).isEmpty();
		// the validation route answers the same without storing anything
		JsonNode validated = postJson("/api/plans/validate", admin, Plans.bytes(bad), 400);
		assertThat(validated.get("problems")).hasSize(2);
		assertThat(hub.getJson("/api/plans", officer)).hasSize(2);
		// an import of a plan that exists, and a version sent to another plan
		JsonNode exists = postJson("/api/plans", admin, Plans.shipped("fj-flood"), 409);
		assertThat(exists.get("code").asString()).isEqualTo("PLAN_EXISTS");
		JsonNode wrongPlan = postJson("/api/plans/fj-typhoon/versions?note=x", admin, Plans.shipped("fj-flood"), 400);
		assertThat(wrongPlan.get("code").asString()).isEqualTo("PLAN_INVALID");
		assertThat(wrongPlan.get("problems").get(0).get("path").asString()).isEqualTo("/id");
		JsonNode noNote = postJson("/api/plans/fj-flood/versions", admin, Plans.shipped("fj-flood"), 400);
		assertThat(noNote.get("code").asString()).isEqualTo("FIELD_REQUIRED");
		assertThat(noNote.get("field").asString()).isEqualTo("note");
	}

	@Test
	@Order(5)
	void officersReadButOnlyAdministratorsWrite() {
		JsonNode denied = postJson("/api/plans/fj-flood/versions?note=x", officer, Plans.shipped("fj-flood"), 403);
		assertThat(denied.get("code").asString()).isEqualTo("ACCESS_DENIED");
		String commander = hub.officerToken(null, "COMMANDER");
		assertThat(hub.getJson("/api/plans/fj-flood/versions/1", commander).get("sha256").asString()).hasSize(64);
		hub.http()
			.get()
			.uri("/api/plans/fj-flood/versions/9/file")
			.headers(h -> h.setBearerAuth(commander))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PLAN_VERSION_NOT_FOUND");
	}

	@Test
	@Order(6)
	void theSuggestionReadsTheWarningsInForceAndTheOpenIncidents() {
		JsonNode none = hub.getJson("/api/plans/fj-typhoon/suggestion", officer);
		assertThat(none.get("version").asInt()).isEqualTo(2);
		assertThat(none.get("level").isNull()).isTrue();
		assertThat(none.get("matches")).isEmpty();
		// a red typhoon warning published for Siming (a county of Xiamen, a coastal city)
		java.util.Map<String, Object> content = WarningContents.actual("red", List.of("350203"));
		content.put("texts", List.of(
				java.util.Map.of("language", "zh-CN", "event", "台风", "headline", "厦门市气象台发布台风红色预警", "description", "台风将登陆"),
				java.util.Map.of("language", "en", "event", "Typhoon", "headline", "Red typhoon warning", "description", "Landfall")));
		String commander = hub.officerToken(null, "COMMANDER");
		String warning = WarningContents.published(hub, officer, commander, content);
		JsonNode red = hub.getJson("/api/plans/fj-typhoon/suggestion", officer);
		assertThat(red.get("level").asString()).isEqualTo("II");
		assertThat(red.get("matches")).singleElement().satisfies(m -> {
			assertThat(m.get("reason").get("zh").asString()).startsWith("台风橙色或红色预警");
			assertThat(m.get("evidence")).extracting(JsonNode::asString).containsExactly("warning:" + warning);
		});
		// drills see real warnings not
		assertThat(hub.getJson("/api/plans/fj-typhoon/suggestion?exercise=true", officer).get("level").isNull()).isTrue();
		// three open flood incidents in Xiamen: the flood plan suggests III; the typhoon warning is not a rainstorm
		assertThat(hub.getJson("/api/plans/fj-flood/suggestion", officer).get("level").isNull()).isTrue();
		for (int i = 1; i <= 3; i++) {
			hub.postJson("/api/incidents", officer, Reports.xiamen("plan-flood-" + i), 200);
		}
		JsonNode flood = hub.getJson("/api/plans/fj-flood/suggestion", officer);
		assertThat(flood.get("level").asString()).isEqualTo("III");
		assertThat(flood.get("matches").get(0).get("evidence")).extracting(JsonNode::asString).containsExactly("incidents:3");
		// the version asked for is the one read
		assertThat(hub.getJson("/api/plans/fj-typhoon/suggestion?version=1", officer).get("version").asInt()).isEqualTo(1);
	}

	@Test
	@Order(7)
	void aRetiredPlanTakesNoVersionButKeepsItsOwn() {
		JsonNode retired = hub.postJson("/api/plans/fj-flood/retire", admin, java.util.Map.of("reason", "superseded"), 200);
		assertThat(retired.get("retiredBy").asString()).isEqualTo("admin");
		JsonNode refused = postJson("/api/plans/fj-flood/versions?note=x", admin, Plans.shipped("fj-flood"), 409);
		assertThat(refused.get("code").asString()).isEqualTo("PLAN_RETIRED");
		assertThat(file("fj-flood", 1)).isNotEmpty();
		List<HubEvent> events = planEvents();
		assertThat(events).extracting(HubEvent::type)
			.containsExactly(PlanEvent.IMPORTED, PlanEvent.IMPORTED, PlanEvent.VERSION_ADDED, PlanEvent.RETIRED);
		JsonNode audit = hub.getJson("/api/admin/audit?limit=1000", admin);
		List<String> acts = new ArrayList<>();
		audit.forEach(r -> {
			if (r.get("action").asString().startsWith("plan.")) {
				acts.add(r.get("action").asString() + " " + r.get("subject").asString() + " " + r.get("actor").asString());
			}
		});
		assertThat(acts).containsExactly("plan.imported fj-typhoon admin", "plan.imported fj-flood admin",
				"plan.version-added fj-typhoon admin", "plan.retired fj-flood admin");
	}

}
