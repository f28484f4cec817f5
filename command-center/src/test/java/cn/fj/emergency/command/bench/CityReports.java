package cn.fj.emergency.command.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.drill.client.CityPlatformClient;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.Reports;

/**
 * City platforms reporting incidents over the city link (RSocket TCP), with the scenario player's client
 * ({@link CityPlatformClient}): {@code connections} connections spread over the province's cities, each report
 * with a new report id.
 */
final class CityReports implements AutoCloseable {

	private final List<CityPlatformClient> clients;

	private final List<String> counties;

	private final String prefix;

	private final AtomicLong next = new AtomicLong();

	private CityReports(List<CityPlatformClient> clients, List<String> counties, String prefix) {
		this.clients = clients;
		this.counties = counties;
		this.prefix = prefix;
	}

	static CityReports connect(Hub hub, int connections, String prefix) {
		List<Areas.City> cities = Areas.cities();
		Map<String, String> tokens = new HashMap<>();
		List<CityPlatformClient> clients = new ArrayList<>();
		List<String> counties = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Areas.City city = cities.get(i % cities.size());
			String token = tokens.computeIfAbsent(city.code(), c -> hub.cityPlatformToken(c).get("token").asString());
			clients.add(CityPlatformClient.connect("127.0.0.1", hub.cityLinkPort(), token).block(Duration.ofSeconds(60)));
			counties.add(city.counties().get(0).code());
		}
		return new CityReports(clients, counties, prefix);
	}

	/** The report id of the {@code index}-th report of this run. */
	String reportId(long index) {
		return this.prefix + "-" + index;
	}

	/** A new report on connection {@code slot} (modulo the connections). */
	Mono<JsonNode> report(int slot) {
		return report(slot, reportId(this.next.getAndIncrement()));
	}

	Mono<JsonNode> report(int slot, String reportId) {
		int i = Math.floorMod(slot, this.clients.size());
		Map<String, Object> report = Reports.report(reportId, this.counties.get(i));
		report.put("latitude", 25.5);
		report.put("longitude", 118.5);
		return this.clients.get(i).report(report);
	}

	@Override
	public void close() {
		this.clients.forEach(CityPlatformClient::close);
	}

}
