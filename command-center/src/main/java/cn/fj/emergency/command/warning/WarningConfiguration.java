package cn.fj.emergency.command.warning;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.channel.WarningDistribution;
import cn.fj.emergency.alerting.targeting.Targeting;
import cn.fj.emergency.alerting.warning.ApprovingWarning;
import cn.fj.emergency.alerting.warning.CancellingWarning;
import cn.fj.emergency.alerting.warning.ComposingWarning;
import cn.fj.emergency.alerting.warning.ExpiringWarnings;
import cn.fj.emergency.alerting.warning.FindingWarnings;
import cn.fj.emergency.alerting.warning.PublishingWarning;
import cn.fj.emergency.alerting.warning.RejectingWarning;
import cn.fj.emergency.alerting.warning.SubmittingWarning;
import cn.fj.emergency.alerting.warning.UpdatingWarning;
import cn.fj.emergency.alerting.warning.WarningEvents;
import cn.fj.emergency.alerting.warning.WarningLifecycle;
import cn.fj.emergency.alerting.warning.WarningSettings;
import cn.fj.emergency.alerting.warning.persistence.R2dbcWarnings;
import cn.fj.emergency.command.security.Role;

/** Alerting's warning lifecycle as beans, on the hub's database, transactions, event log and clock. */
@Configuration(proxyBeanMethods = false)
class WarningConfiguration {

	@Bean
	WarningLifecycle warningLifecycle(DatabaseClient db, WarningEvents events, List<WarningDistribution> distributions,
			TransactionalOperator transactions, Clock clock, WarningProperties properties) {
		WarningSettings settings = new WarningSettings(properties.unit(), properties.sender(), properties.senderName(),
				Role.COMMANDER.name(), properties.expiryBatch());
		// the county table is read here, at start-up, not on an event loop
		return new WarningLifecycle(new R2dbcWarnings(db), events, distributions, transactions, clock, settings,
				CapProfile.publishing(AreaCodes.fujian()), Targeting.fujian());
	}

	@Bean
	ComposingWarning composingWarning(WarningLifecycle lifecycle) {
		return new ComposingWarning(lifecycle);
	}

	@Bean
	SubmittingWarning submittingWarning(WarningLifecycle lifecycle) {
		return new SubmittingWarning(lifecycle);
	}

	@Bean
	ApprovingWarning approvingWarning(WarningLifecycle lifecycle) {
		return new ApprovingWarning(lifecycle);
	}

	@Bean
	RejectingWarning rejectingWarning(WarningLifecycle lifecycle) {
		return new RejectingWarning(lifecycle);
	}

	@Bean
	PublishingWarning publishingWarning(WarningLifecycle lifecycle) {
		return new PublishingWarning(lifecycle);
	}

	@Bean
	UpdatingWarning updatingWarning(WarningLifecycle lifecycle) {
		return new UpdatingWarning(lifecycle);
	}

	@Bean
	CancellingWarning cancellingWarning(WarningLifecycle lifecycle) {
		return new CancellingWarning(lifecycle);
	}

	@Bean
	ExpiringWarnings expiringWarnings(WarningLifecycle lifecycle) {
		return new ExpiringWarnings(lifecycle);
	}

	@Bean
	FindingWarnings findingWarnings(WarningLifecycle lifecycle) {
		return new FindingWarnings(lifecycle);
	}

}
