package cn.fj.emergency.command.supplies.rsocket;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.supplies.Actors;
import cn.fj.emergency.command.supplies.SupplyErrors;
import cn.fj.emergency.resources.stock.MovementReceipt;
import cn.fj.emergency.resources.stock.MovementReport;
import cn.fj.emergency.resources.stock.RecordingMovement;

/** City-link routes of the stock ledger (docs/city-link.md, docs/supplies.md). */
@Controller
class StockRoutes {

	private final RecordingMovement recording;

	StockRoutes(RecordingMovement recording) {
		this.recording = recording;
	}

	@MessageMapping("stock.movements")
	Mono<MovementReceipt> report(MovementReport report, HubPrincipal principal) {
		return this.recording.report(Actors.of(principal), report).onErrorMap(SupplyErrors::translate);
	}

}
