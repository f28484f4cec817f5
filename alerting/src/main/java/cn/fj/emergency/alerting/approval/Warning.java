package cn.fj.emergency.alerting.approval;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.CapTimes;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.MessageType;
import cn.fj.emergency.alerting.cap.Reference;
import cn.fj.emergency.alerting.cap.Status;
import org.jspecify.annotations.Nullable;

/**
 * One public warning of ours and where it is in its lifecycle. Immutable: each step returns the warning as
 * it is after the step, or refuses with a {@link WarningRefusal}. Updates and cancellations are warnings of
 * their own ({@link #draftUpdate}, {@link #draftCancel}) that go through the same dual control; once
 * published they end this one ({@link #updatedBy}, {@link #cancelledBy}).
 *
 * <pre>
 * DRAFT → SUBMITTED → APPROVED → PUBLISHED → UPDATED | CANCELLED | EXPIRED
 *   ↑         ↓
 *   └── REJECTED (with a comment; revised back to DRAFT)
 * </pre>
 */
public record Warning(WarningIdentifier id, String author, WarningState state, Alert alert, List<Review> reviews,
		@Nullable OffsetDateTime publishedAt, @Nullable WarningIdentifier endedBy) {

	private static final Set<Status> PUBLIC_STATUSES = Set.of(Status.ACTUAL, Status.EXERCISE, Status.TEST);

	public Warning {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(alert, "alert");
		reviews = List.copyOf(reviews);
		if (!alert.identifier().equals(id.toString())) {
			throw new WarningRefusal(WarningErrorCode.WARNING_ALERT_MISMATCH,
					"the alert's identifier " + alert.identifier() + " is not the warning's " + id);
		}
	}

	/** A new warning, drafted by {@code author}: a fresh alert (msgType Alert, no references). */
	public static Warning draft(WarningIdentifier id, Officer author, Alert alert) {
		if (alert.msgType() != MessageType.ALERT || !alert.references().isEmpty()) {
			throw new WarningRefusal(WarningErrorCode.WARNING_ALERT_MISMATCH,
					"a new warning is an Alert without references; update or cancel a published one instead");
		}
		return new Warning(id, author.id(), WarningState.DRAFT, alert, List.of(), null, null);
	}

	/**
	 * The author replaces the content of a draft or of a rejected warning, which becomes a draft again. What the
	 * warning is stays: an Update or Cancel draft keeps its message type and its reference to the published alert,
	 * whatever {@code content} says of them (content composed as a plain Alert without references, as the HTTP API
	 * gives it); content naming another message type or other references is refused.
	 */
	public Warning revise(Officer by, Alert content) {
		requireEditable();
		requireAuthor(by);
		boolean plainContent = content.msgType() == MessageType.ALERT && content.references().isEmpty();
		boolean sameKind = content.msgType() == alert.msgType() && content.references().equals(alert.references());
		if (!plainContent && !sameKind) {
			throw new WarningRefusal(WarningErrorCode.WARNING_ALERT_MISMATCH,
					"a revision keeps the message type and references of the draft");
		}
		Alert revised = content.asMessage(id.toString(), alert.msgType(), alert.references());
		return new Warning(id, author, WarningState.DRAFT, revised, reviews, null, null);
	}

	/**
	 * The author submits the draft for review at {@code at}; its alert must keep our publishing profile as if
	 * it were sent then (it is judged again, with its real sending time, when published).
	 */
	public Warning submit(Officer by, OffsetDateTime at, CapProfile publishing) {
		require(WarningState.DRAFT, "submit");
		requireAuthor(by);
		requirePublishable(alert.withSent(CapTimes.inChina(at)), publishing);
		return new Warning(id, author, WarningState.SUBMITTED, alert, reviews, null, null);
	}

	/** A second officer approves the submitted warning, under dual control. */
	public Warning approve(Officer reviewer, DualControl dualControl, OffsetDateTime at, @Nullable String comment) {
		return approve(reviewer, dualControl, null, at, comment);
	}

	/**
	 * A second officer approves the submitted warning, under dual control; {@code replaced} is the published alert an
	 * Update or Cancel references (its colour counts as much as the warning's own).
	 */
	public Warning approve(Officer reviewer, DualControl dualControl, @Nullable Alert replaced, OffsetDateTime at,
			@Nullable String comment) {
		require(WarningState.SUBMITTED, "approve");
		dualControl.check(this, replaced, reviewer);
		return new Warning(id, author, WarningState.APPROVED, alert, withReview(reviewer, true, comment, at), null, null);
	}

	/** A second officer sends the submitted warning back, saying why. */
	public Warning reject(Officer reviewer, DualControl dualControl, OffsetDateTime at, String comment) {
		return reject(reviewer, dualControl, null, at, comment);
	}

	/** A second officer sends the submitted warning back, saying why; {@code replaced} as for {@link #approve}. */
	public Warning reject(Officer reviewer, DualControl dualControl, @Nullable Alert replaced, OffsetDateTime at,
			String comment) {
		require(WarningState.SUBMITTED, "reject");
		if (comment.isBlank()) {
			throw new WarningRefusal(WarningErrorCode.WARNING_COMMENT_REQUIRED, "a rejection says why");
		}
		dualControl.check(this, replaced, reviewer);
		return new Warning(id, author, WarningState.REJECTED, alert, withReview(reviewer, false, comment, at), null, null);
	}

	/**
	 * Publishes the approved warning: its alert is sent now ({@code sent} set to {@code at} in +08:00, nothing
	 * else changed) and never changes again.
	 */
	public Warning publish(OffsetDateTime at, CapProfile publishing) {
		require(WarningState.APPROVED, "publish");
		Alert sent = alert.withSent(CapTimes.inChina(at));
		requirePublishable(sent, publishing);
		return new Warning(id, author, WarningState.PUBLISHED, sent, reviews, CapTimes.inChina(at), null);
	}

	/** A draft Update of this published warning: new identifier, msgType Update, referencing this alert. */
	public Warning draftUpdate(WarningIdentifier newId, Officer by, Alert content) {
		return draftFollowUp(newId, by, content, MessageType.UPDATE);
	}

	/** A draft Cancel of this published warning: new identifier, msgType Cancel, referencing this alert. */
	public Warning draftCancel(WarningIdentifier newId, Officer by, Alert content) {
		return draftFollowUp(newId, by, content, MessageType.CANCEL);
	}

	private Warning draftFollowUp(WarningIdentifier newId, Officer by, Alert content, MessageType type) {
		require(WarningState.PUBLISHED, type == MessageType.UPDATE ? "update" : "cancel");
		Alert followUp = content.asMessage(newId.toString(), type, List.of(alert.asReference()));
		return new Warning(newId, by.id(), WarningState.DRAFT, followUp, List.of(), null, null);
	}

	/** This warning, once {@code update} (an Update referencing it) is published. */
	public Warning updatedBy(Warning update) {
		return endedBy(update, MessageType.UPDATE, WarningState.UPDATED);
	}

	/** This warning, once {@code cancel} (a Cancel referencing it) is published. */
	public Warning cancelledBy(Warning cancel) {
		return endedBy(cancel, MessageType.CANCEL, WarningState.CANCELLED);
	}

	private Warning endedBy(Warning followUp, MessageType type, WarningState ended) {
		require(WarningState.PUBLISHED, "end");
		boolean refersHere = followUp.alert().msgType() == type && followUp.alert().references().contains(alert.asReference());
		if (!refersHere || followUp.state() != WarningState.PUBLISHED) {
			throw new WarningRefusal(WarningErrorCode.WARNING_ALERT_MISMATCH,
					followUp.id() + " is not a published " + type.cap() + " of " + id);
		}
		return new Warning(id, author, ended, alert, reviews, publishedAt, followUp.id());
	}

	/** This warning, expired: published and past the latest expiry of its info blocks. */
	public Warning expire(OffsetDateTime now) {
		require(WarningState.PUBLISHED, "expire");
		Optional<OffsetDateTime> expires = expires();
		if (expires.isEmpty() || now.isBefore(expires.get())) {
			throw new WarningRefusal(WarningErrorCode.WARNING_NOT_EXPIRED,
					id + " " + expires.map(time -> "expires at " + CapTimes.format(time)).orElse("has no expiry"));
		}
		return new Warning(id, author, WarningState.EXPIRED, alert, reviews, publishedAt, null);
	}

	/** When the warning ends by itself: the latest expiry among its info blocks, if every block has one. */
	public Optional<OffsetDateTime> expires() {
		List<OffsetDateTime> times = new ArrayList<>();
		for (Info info : alert.infos()) {
			if (info.expires() == null) {
				return Optional.empty();
			}
			times.add(info.expires());
		}
		return times.stream().max(OffsetDateTime::compareTo);
	}

	/** The earlier alert this one updates or cancels, if it is an Update or a Cancel. */
	public Optional<Reference> replaces() {
		return alert.references().stream().findFirst();
	}

	private List<Review> withReview(Officer reviewer, boolean approved, @Nullable String comment, OffsetDateTime at) {
		List<Review> all = new ArrayList<>(reviews);
		all.add(new Review(reviewer.id(), approved, comment, at));
		return all;
	}

	private void requirePublishable(Alert candidate, CapProfile publishing) {
		if (!PUBLIC_STATUSES.contains(candidate.status())) {
			throw new WarningRefusal(WarningErrorCode.WARNING_STATUS_NOT_PUBLIC,
					"a public warning is Actual, Exercise or Test, not " + candidate.status().cap());
		}
		List<CapProblem> problems = publishing.check(candidate);
		if (!problems.isEmpty()) {
			throw new WarningRefusal(WarningErrorCode.WARNING_CAP_INVALID,
					"the alert does not keep the publishing profile: " + problems, problems);
		}
	}

	private void requireEditable() {
		if (state.wasPublished()) {
			throw new WarningRefusal(WarningErrorCode.WARNING_PUBLISHED_IMMUTABLE,
					id + " is " + state + ": issue an Update or a Cancel instead");
		}
		if (!state.isEditable()) {
			throw new WarningRefusal(WarningErrorCode.WARNING_STATE_CONFLICT, id + " is " + state + ", not editable");
		}
	}

	private void requireAuthor(Officer by) {
		if (!by.id().equals(author)) {
			throw new WarningRefusal(WarningErrorCode.WARNING_NOT_AUTHOR, "only the author " + author + " may do this");
		}
	}

	private void require(WarningState expected, String step) {
		if (state != expected) {
			throw new WarningRefusal(WarningErrorCode.WARNING_STATE_CONFLICT,
					"cannot " + step + " " + id + ": it is " + state + ", not " + expected);
		}
	}

}
