package cn.fj.emergency.command.supplies.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.supplies.Actors;
import cn.fj.emergency.command.supplies.SupplyErrors;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.Depots;
import cn.fj.emergency.resources.depot.SupplyItem;
import cn.fj.emergency.resources.finding.FindingSupplies;
import cn.fj.emergency.resources.finding.SupplySource;
import cn.fj.emergency.resources.stock.Balance;
import cn.fj.emergency.resources.stock.LedgerVerification;
import cn.fj.emergency.resources.stock.MovementReceipt;
import cn.fj.emergency.resources.stock.MovementReport;
import cn.fj.emergency.resources.stock.RecordingMovement;
import cn.fj.emergency.resources.stock.StockLevels;

/** HTTP routes of depots, the catalogue and the stock ledger (docs/supplies.md). */
@RestController
@RequestMapping("/api/supplies")
class StockHttpRoutes {

	private final Depots depots;

	private final RecordingMovement recording;

	private final StockLevels levels;

	private final FindingSupplies finding;

	StockHttpRoutes(Depots depots, RecordingMovement recording, StockLevels levels, FindingSupplies finding) {
		this.depots = depots;
		this.recording = recording;
		this.levels = levels;
		this.finding = finding;
	}

	@GetMapping("/depots")
	Flux<Depot> depots() {
		return this.depots.all();
	}

	@GetMapping("/depots/{code}")
	Mono<Depot> depot(@PathVariable String code) {
		return this.depots.depot(code).onErrorMap(SupplyErrors::translate);
	}

	@GetMapping("/items")
	Flux<SupplyItem> items() {
		return this.depots.catalogue();
	}

	@GetMapping("/depots/{code}/stock")
	Flux<Balance> stock(HubPrincipal principal, @PathVariable String code) {
		return this.levels.ofDepot(Actors.of(principal), code).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/movements")
	Mono<MovementReceipt> report(HubPrincipal principal, @RequestBody MovementReport report) {
		return this.recording.report(Actors.of(principal), report).onErrorMap(SupplyErrors::translate);
	}

	@PutMapping("/depots/{code}/stock/{item}/threshold")
	Mono<Balance> threshold(HubPrincipal principal, @PathVariable String code, @PathVariable String item,
			@RequestBody Threshold body) {
		return this.levels.setThreshold(Actors.of(principal), code, item, body.threshold())
			.onErrorMap(SupplyErrors::translate);
	}

	/** Depots that can supply the items ({@code item=CODE:QUANTITY}, repeated) near a location, nearest first. */
	@GetMapping("/sources")
	Mono<List<SupplySource>> sources(@RequestParam double latitude, @RequestParam double longitude,
			@RequestParam("item") List<String> items, @RequestParam(defaultValue = "20") int limit) {
		return Mono.fromCallable(() -> FindingSupplies.wanted(items))
			.flatMap(wanted -> this.finding.near(latitude, longitude, wanted, limit))
			.onErrorMap(SupplyErrors::translate);
	}

	@GetMapping("/verification")
	Mono<LedgerVerification> verification() {
		return this.levels.verify();
	}

	/** A low-stock threshold on the available quantity; null clears it. */
	record Threshold(@Nullable Long threshold) {
	}

}
