package cn.fj.emergency.command.inbound;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.xml.CapXmlReader;
import cn.fj.emergency.alerting.cap.xml.ReceivingCap;
import cn.fj.emergency.alerting.feed.DraftingFromInbound;
import cn.fj.emergency.alerting.feed.FindingInboundWarnings;
import cn.fj.emergency.alerting.feed.InboundEvents;
import cn.fj.emergency.alerting.feed.InboundWarnings;
import cn.fj.emergency.alerting.feed.ReceivingInboundWarnings;
import cn.fj.emergency.alerting.feed.persistence.R2dbcFeedTurns;
import cn.fj.emergency.alerting.feed.persistence.R2dbcInboundWarnings;
import cn.fj.emergency.alerting.feed.poll.FeedTurns;
import cn.fj.emergency.alerting.warning.ComposingWarning;

/** Alerting's inbound store as beans, on the hub's database, transactions, event log and clock. */
@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

	@Bean
	InboundWarnings inboundWarnings(DatabaseClient db) {
		return new R2dbcInboundWarnings(db);
	}

	@Bean
	ReceivingInboundWarnings receivingInboundWarnings(InboundWarnings store, InboundEvents events,
			TransactionalOperator transactions, Clock clock) {
		// the county table is read here, at start-up, not on an event loop
		return new ReceivingInboundWarnings(new ReceivingCap(new CapXmlReader(), CapProfile.inbound(AreaCodes.fujian())),
				store, events, transactions, clock);
	}

	@Bean
	FeedTurns feedTurns(DatabaseClient db) {
		return new R2dbcFeedTurns(db);
	}

	@Bean
	DraftingFromInbound draftingFromInbound(FindingInboundWarnings finding, ComposingWarning composing) {
		return new DraftingFromInbound(finding, composing);
	}

	@Bean
	FindingInboundWarnings findingInboundWarnings(InboundWarnings store) {
		return new FindingInboundWarnings(store);
	}

}
