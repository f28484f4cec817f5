package cn.fj.emergency.command.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param agencyId the hub's NENA agency identifier (a domain name): our incident URNs end with it, and an EIDO
 *        whose id ends with it is recognised as our own export
 * @param defaultCategory the GB/T 35561 sub-category of an imported incident whose type maps to none
 */
@ConfigurationProperties("hub.eido")
public record EidoProperties(@DefaultValue("emergency.fj.gov.cn") String agencyId,
		@DefaultValue("35") String defaultCategory) {

	/** The agent that writes our EIDOs. */
	public String agentId() {
		return "command-hub@" + this.agencyId;
	}

}
