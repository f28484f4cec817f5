package cn.fj.emergency.command.channel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.channel.SmsReceipt;
import cn.fj.emergency.alerting.channel.delivery.RecordingSmsReceipts;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;

/** {@code POST /api/channels/sms/receipts}: the SMS gateway's delivery receipts (docs/channels.md, role CHANNEL_GATEWAY). */
@RestController
class SmsReceiptRoutes {

	/** Receipts per request at most. */
	static final int MAX_RECEIPTS = 500;

	/** Length of a gateway's error text at most. */
	static final int MAX_ERROR = 500;

	private final RecordingSmsReceipts recording;

	SmsReceiptRoutes(RecordingSmsReceipts recording) {
		this.recording = recording;
	}

	@PostMapping("/api/channels/sms/receipts")
	Mono<RecordingSmsReceipts.Outcome> receipts(@RequestBody ReceiptsRequest request) {
		return Mono.fromCallable(() -> receipts(request.receipts())).flatMap(this.recording::record);
	}

	private static List<SmsReceipt> receipts(@Nullable List<ReceiptRequest> given) {
		List<ReceiptRequest> receipts = Fields.present("receipts", given);
		if (receipts.isEmpty() || receipts.size() > MAX_RECEIPTS) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "receipts",
					"receipts must hold 1 to " + MAX_RECEIPTS + " receipts, not " + receipts.size());
		}
		List<SmsReceipt> valid = new ArrayList<>(receipts.size());
		for (int i = 0; i < receipts.size(); i++) {
			valid.add(receipt("receipts[" + i + "]", receipts.get(i)));
		}
		return valid;
	}

	private static SmsReceipt receipt(String at, @Nullable ReceiptRequest receipt) {
		ReceiptRequest given = Fields.present(at, receipt);
		String reference = Fields.required(at + ".clientReference", given.clientReference());
		UUID id;
		try {
			id = UUID.fromString(reference);
		}
		catch (IllegalArgumentException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, at + ".clientReference",
					"clientReference must be the message id the hub sent (a UUID)");
		}
		String status = Fields.required(at + ".status", given.status());
		if (!status.equals("DELIVERED") && !status.equals("UNDELIVERED")) {
			throw HubException.field(ErrorCode.INVALID_FIELD, at + ".status", "status must be DELIVERED or UNDELIVERED");
		}
		String error = given.error();
		if (error != null && error.length() > MAX_ERROR) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, at + ".error", "error is longer than " + MAX_ERROR);
		}
		return new SmsReceipt(id, status.equals("DELIVERED"), error);
	}

	record ReceiptsRequest(@Nullable List<ReceiptRequest> receipts) {
	}

	record ReceiptRequest(@Nullable String clientReference, @Nullable String status, @Nullable String error) {
	}

}
