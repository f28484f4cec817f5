package cn.fj.emergency.alerting.approval;

import java.time.OffsetDateTime;
import java.util.Set;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Alerts;
import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.MessageType;
import cn.fj.emergency.alerting.cap.Severity;
import cn.fj.emergency.alerting.cap.Status;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static cn.fj.emergency.alerting.cap.Alerts.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarningLifecycleTest {

	static final Officer AUTHOR = new Officer("duty-1", Set.of("DUTY_OFFICER"));

	static final Officer COLLEAGUE = new Officer("duty-2", Set.of("DUTY_OFFICER"));

	static final Officer COMMANDER = new Officer("commander-1", Set.of("COMMANDER"));

	static final DualControl DUAL_CONTROL = new DualControl("COMMANDER");

	static final CapProfile PUBLISHING = CapProfile.publishing(AreaCodes.fujian());

	static final OffsetDateTime LATER = SENT.plusMinutes(10);

	static final WarningIdentifier ID = WarningIdentifier.parse("35000041600000_20261201120000_0");

	/** Our red warning, effective when sent, expiring a day after it was drafted. */
	static Alert red() {
		return Alerts.withInfos(Alerts.ownRedWarning(), i -> Alerts.withTimes(i, null, null, SENT.plusDays(1)));
	}

	static Alert yellow() {
		return Alerts.withInfos(Alerts.withColour(red(), "yellow"), i -> Alerts.withSeverity(i, Severity.MODERATE));
	}

	static Warning submitted(Alert alert) {
		return Warning.draft(ID, AUTHOR, alert).submit(AUTHOR, LATER, PUBLISHING);
	}

	static Warning published(Alert alert) {
		return submitted(alert).approve(COMMANDER, DUAL_CONTROL, LATER, null).publish(LATER, PUBLISHING);
	}

	@Test
	void goesFromDraftThroughApprovalToPublication() {
		Warning draft = Warning.draft(ID, AUTHOR, red());
		assertThat(draft.state()).isEqualTo(WarningState.DRAFT);
		Warning submitted = draft.submit(AUTHOR, LATER, PUBLISHING);
		assertThat(submitted.state()).isEqualTo(WarningState.SUBMITTED);
		Warning approved = submitted.approve(COMMANDER, DUAL_CONTROL, LATER, "checked with the weather office");
		assertThat(approved.state()).isEqualTo(WarningState.APPROVED);
		assertThat(approved.reviews()).singleElement().satisfies(review -> {
			assertThat(review.reviewer()).isEqualTo("commander-1");
			assertThat(review.approved()).isTrue();
		});
		Warning published = approved.publish(LATER, PUBLISHING);
		assertThat(published.state()).isEqualTo(WarningState.PUBLISHED);
		assertThat(published.publishedAt()).isEqualTo(LATER);
		assertThat(published.alert().sent()).isEqualTo(LATER);
		assertThat(published.alert().withSent(SENT)).isEqualTo(red());
	}

	@Test
	void rejectionNeedsACommentAndSendsTheWarningBackToItsAuthor() {
		Warning submitted = submitted(yellow());
		refused(() -> submitted.reject(COLLEAGUE, DUAL_CONTROL, LATER, " "), WarningErrorCode.WARNING_COMMENT_REQUIRED);
		Warning rejected = submitted.reject(COLLEAGUE, DUAL_CONTROL, LATER, "wrong county");
		assertThat(rejected.state()).isEqualTo(WarningState.REJECTED);
		assertThat(rejected.reviews().get(0).comment()).isEqualTo("wrong county");
		// the author revises and resubmits
		refused(() -> rejected.revise(COLLEAGUE, yellow()), WarningErrorCode.WARNING_NOT_AUTHOR);
		Warning revised = rejected.revise(AUTHOR, yellow());
		assertThat(revised.state()).isEqualTo(WarningState.DRAFT);
		assertThat(revised.submit(AUTHOR, LATER, PUBLISHING).state()).isEqualTo(WarningState.SUBMITTED);
	}

	@Test
	void authorNeverApprovesOrRejectsTheirOwnWarning() {
		Officer commanderAuthor = new Officer("commander-2", Set.of("COMMANDER"));
		Warning submitted = Warning.draft(ID, commanderAuthor, yellow()).submit(commanderAuthor, LATER, PUBLISHING);
		refused(() -> submitted.approve(commanderAuthor, DUAL_CONTROL, LATER, null), WarningErrorCode.WARNING_SELF_APPROVAL);
		refused(() -> submitted.reject(commanderAuthor, DUAL_CONTROL, LATER, "no"), WarningErrorCode.WARNING_SELF_APPROVAL);
	}

	@Test
	void redAndOrangeNeedACommanderYellowAndBlueDoNot() {
		refused(() -> submitted(red()).approve(COLLEAGUE, DUAL_CONTROL, LATER, null),
				WarningErrorCode.WARNING_COMMANDER_REQUIRED);
		Alert orange = Alerts.withInfos(Alerts.withColour(red(), "orange"), i -> Alerts.withSeverity(i, Severity.SEVERE));
		refused(() -> submitted(orange).approve(COLLEAGUE, DUAL_CONTROL, LATER, null),
				WarningErrorCode.WARNING_COMMANDER_REQUIRED);
		assertThat(submitted(yellow()).approve(COLLEAGUE, DUAL_CONTROL, LATER, null).state())
			.isEqualTo(WarningState.APPROVED);
		Alert blue = Alerts.withInfos(Alerts.withColour(red(), "blue"), i -> Alerts.withSeverity(i, Severity.MINOR));
		assertThat(submitted(blue).approve(COLLEAGUE, DUAL_CONTROL, LATER, null).state()).isEqualTo(WarningState.APPROVED);
	}

	@Test
	void onlyTheAuthorSubmitsAndOnlyWhatKeepsThePublishingProfile() {
		Warning draft = Warning.draft(ID, AUTHOR, red());
		refused(() -> draft.submit(COLLEAGUE, LATER, PUBLISHING), WarningErrorCode.WARNING_NOT_AUTHOR);
		Warning colourless = Warning.draft(ID, AUTHOR, Alerts.withoutColour(red()));
		assertThatThrownBy(() -> colourless.submit(AUTHOR, LATER, PUBLISHING)).isInstanceOfSatisfying(WarningRefusal.class,
				refusal -> {
					assertThat(refusal.code()).isEqualTo(WarningErrorCode.WARNING_CAP_INVALID);
					assertThat(refusal.capProblems()).extracting(problem -> problem.code())
						.contains(CapErrorCode.CAP_COLOUR_MISSING);
				});
	}

	@Test
	void publishesOnlyActualExerciseAndTest() {
		for (Status status : new Status[] { Status.ACTUAL, Status.EXERCISE, Status.TEST }) {
			assertThat(published(withStatus(red(), status)).alert().status()).isEqualTo(status);
		}
		refused(() -> submitted(withStatus(red(), Status.DRAFT)), WarningErrorCode.WARNING_STATUS_NOT_PUBLIC);
		refused(() -> submitted(withStatus(red(), Status.SYSTEM)), WarningErrorCode.WARNING_STATUS_NOT_PUBLIC);
	}

	@Test
	void stepsOutOfOrderAreRefused() {
		Warning draft = Warning.draft(ID, AUTHOR, red());
		refused(() -> draft.approve(COMMANDER, DUAL_CONTROL, LATER, null), WarningErrorCode.WARNING_STATE_CONFLICT);
		refused(() -> draft.publish(LATER, PUBLISHING), WarningErrorCode.WARNING_STATE_CONFLICT);
		Warning submitted = draft.submit(AUTHOR, LATER, PUBLISHING);
		refused(() -> submitted.publish(LATER, PUBLISHING), WarningErrorCode.WARNING_STATE_CONFLICT);
		refused(() -> submitted.revise(AUTHOR, red()), WarningErrorCode.WARNING_STATE_CONFLICT);
		refused(() -> submitted.submit(AUTHOR, LATER, PUBLISHING), WarningErrorCode.WARNING_STATE_CONFLICT);
	}

	@Test
	void publishedWarningIsImmutable() {
		Warning published = published(red());
		refused(() -> published.revise(AUTHOR, red()), WarningErrorCode.WARNING_PUBLISHED_IMMUTABLE);
		refused(() -> published.submit(AUTHOR, LATER, PUBLISHING), WarningErrorCode.WARNING_STATE_CONFLICT);
		refused(() -> published.publish(LATER.plusHours(1), PUBLISHING), WarningErrorCode.WARNING_STATE_CONFLICT);
		Warning expired = published.expire(SENT.plusDays(1));
		refused(() -> expired.revise(AUTHOR, red()), WarningErrorCode.WARNING_PUBLISHED_IMMUTABLE);
	}

	@Test
	void updateIsANewWarningReferencingThePublishedOneAndEndsItOncePublished() {
		// given a published red warning
		Warning original = published(red());
		// when an update is drafted, approved and published
		WarningIdentifier updateId = ID.following();
		Warning update = original.draftUpdate(updateId, COLLEAGUE, yellow());
		assertThat(update.state()).isEqualTo(WarningState.DRAFT);
		assertThat(update.alert().msgType()).isEqualTo(MessageType.UPDATE);
		assertThat(update.alert().identifier()).isEqualTo("35000041600000_20261201120000_1");
		assertThat(update.alert().references()).containsExactly(original.alert().asReference());
		refused(() -> original.updatedBy(update), WarningErrorCode.WARNING_ALERT_MISMATCH);
		Warning publishedUpdate = update.submit(COLLEAGUE, LATER.plusMinutes(30), PUBLISHING)
			.approve(AUTHOR, DUAL_CONTROL, LATER.plusHours(1), null)
			.publish(LATER.plusHours(1), PUBLISHING);
		// then the original is updated by it
		Warning updated = original.updatedBy(publishedUpdate);
		assertThat(updated.state()).isEqualTo(WarningState.UPDATED);
		assertThat(updated.endedBy()).isEqualTo(updateId);
		assertThat(updated.alert()).isEqualTo(original.alert());
		refused(() -> updated.draftUpdate(updateId.following(), AUTHOR, yellow()), WarningErrorCode.WARNING_STATE_CONFLICT);
	}

	@Test
	void anUpdateDraftIsRevisedAndStaysAnUpdateOfTheSameAlert() {
		Warning original = published(red());
		Warning update = original.draftUpdate(ID.following(), COLLEAGUE, yellow());
		// revised with plain content, as composed over HTTP: still an Update referencing the original
		Warning revised = update.revise(COLLEAGUE, red());
		assertThat(revised.state()).isEqualTo(WarningState.DRAFT);
		assertThat(revised.alert().msgType()).isEqualTo(MessageType.UPDATE);
		assertThat(revised.alert().references()).containsExactly(original.alert().asReference());
		assertThat(revised.alert().infos()).isEqualTo(red().infos());
		// content that claims to be something else is refused
		refused(() -> update.revise(COLLEAGUE, red().asMessage(update.id().toString(), MessageType.CANCEL,
				update.alert().references())), WarningErrorCode.WARNING_ALERT_MISMATCH);
		refused(() -> update.revise(AUTHOR, red()), WarningErrorCode.WARNING_NOT_AUTHOR);
	}

	@Test
	void cancelIsANewWarningUnderTheSameDualControl() {
		Warning original = published(red());
		Warning cancel = original.draftCancel(ID.following(), COLLEAGUE, red());
		assertThat(cancel.alert().msgType()).isEqualTo(MessageType.CANCEL);
		Warning submittedCancel = cancel.submit(COLLEAGUE, LATER.plusMinutes(30), PUBLISHING);
		refused(() -> submittedCancel.approve(COLLEAGUE, DUAL_CONTROL, LATER, null), WarningErrorCode.WARNING_SELF_APPROVAL);
		refused(() -> submittedCancel.approve(AUTHOR, DUAL_CONTROL, LATER, null), WarningErrorCode.WARNING_COMMANDER_REQUIRED);
		Warning publishedCancel = submittedCancel.approve(COMMANDER, DUAL_CONTROL, LATER.plusHours(1), null)
			.publish(LATER.plusHours(1), PUBLISHING);
		assertThat(original.cancelledBy(publishedCancel).state()).isEqualTo(WarningState.CANCELLED);
		refused(() -> original.updatedBy(publishedCancel), WarningErrorCode.WARNING_ALERT_MISMATCH);
	}

	@Test
	void expiresAtItsExpiryAndNotBefore() {
		Warning published = published(red());
		assertThat(published.expires()).contains(SENT.plusDays(1));
		refused(() -> published.expire(SENT.plusDays(1).minusSeconds(1)), WarningErrorCode.WARNING_NOT_EXPIRED);
		assertThat(published.expire(SENT.plusDays(1)).state()).isEqualTo(WarningState.EXPIRED);
		refused(() -> submitted(red()).expire(SENT.plusDays(2)), WarningErrorCode.WARNING_STATE_CONFLICT);
	}

	@Test
	void aNewWarningIsAFreshAlertWithItsOwnIdentifier() {
		refused(() -> Warning.draft(ID, AUTHOR, red().asMessage(ID.toString(), MessageType.UPDATE, java.util.List.of())),
				WarningErrorCode.WARNING_ALERT_MISMATCH);
		refused(() -> Warning.draft(ID.following(), AUTHOR, red()), WarningErrorCode.WARNING_ALERT_MISMATCH);
	}

	private static Alert withStatus(Alert a, Status status) {
		return new Alert(a.identifier(), a.sender(), a.sent(), status, a.msgType(), a.source(), a.scope(), a.restriction(),
				a.addresses(), a.codes(), a.note(), a.references(), a.incidents(), a.infos(), a.signatures());
	}

	private static void refused(ThrowingCallable step, WarningErrorCode code) {
		assertThatThrownBy(step).isInstanceOfSatisfying(WarningRefusal.class,
				refusal -> assertThat(refusal.code()).isEqualTo(code));
	}

}
