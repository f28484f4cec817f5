package cn.fj.emergency.alerting.warning;

import java.util.List;

import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.approval.Officer;
import cn.fj.emergency.alerting.approval.Warning;
import cn.fj.emergency.alerting.approval.WarningErrorCode;
import cn.fj.emergency.alerting.approval.WarningRefusal;
import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.MessageType;

/**
 * An officer drafts a warning, from JSON content or from a CAP document (whose identifier, sender and sending time
 * the hub replaces with its own), and the author revises a draft or a rejected warning.
 */
public final class ComposingWarning {

	private final WarningLifecycle lifecycle;

	public ComposingWarning(WarningLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	public Mono<WarningView> compose(Officer author, WarningContent content) {
		return this.lifecycle.create(author, id -> Warning.draft(id, author,
				content.toAlert(id.toString(), this.lifecycle.settings, this.lifecycle.now())), null)
			.map(WarningView::of);
	}

	public Mono<WarningView> composeCap(Officer author, byte[] capXml) {
		return this.lifecycle.read(capXml)
			.flatMap(given -> this.lifecycle.create(author, id -> Warning.draft(id, author, ours(given, id.toString())), null))
			.map(WarningView::of);
	}

	/**
	 * A draft from another sender's alert (an inbound department warning): of whatever message type it was, the
	 * draft is a new Alert of the hub's, with its content.
	 */
	public Mono<WarningView> composeFrom(Officer author, Alert given) {
		return this.lifecycle.create(author, id -> Warning.draft(id, author, asNew(given, id.toString())), null)
			.map(WarningView::of);
	}

	/** The author's new content for a draft or rejected warning; refused once published. */
	public Mono<WarningView> revise(Officer author, String identifier, WarningContent content) {
		return this.lifecycle.change(author, identifier, WarningEvent.REVISED, (Warning warning) -> warning.revise(author,
				content.toAlert(identifier, this.lifecycle.settings, this.lifecycle.now())))
			.map(WarningView::of);
	}

	private Alert ours(Alert given, String identifier) {
		if (given.msgType() != MessageType.ALERT) {
			throw new WarningRefusal(WarningErrorCode.WARNING_ALERT_MISMATCH,
					"a new warning is an Alert; update or cancel a published one instead");
		}
		return asNew(given, identifier);
	}

	private Alert asNew(Alert given, String identifier) {
		return new Alert(identifier, this.lifecycle.settings.sender(), this.lifecycle.now(), given.status(),
				MessageType.ALERT, given.source(), given.scope(), given.restriction(), given.addresses(), given.codes(),
				given.note(), List.of(), given.incidents(), given.infos(), List.of());
	}

}
