package cn.fj.emergency.command.inbound;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which CAP senders each department pushes as (docs/inbound-warnings.md, "Senders"). A department's service token
 * names the department in its subject; by default the alerts it pushes carry that subject as their {@code sender}.
 * A department that sends under other addresses (e.g. {@code fjqx@fj.gov.cn}) has them listed here, keyed by the
 * token's subject: {@code hub.inbound.senders[meteorology]=fjqx@fj.gov.cn,warning@fjqx.gov.cn}. Then only the listed
 * senders are accepted from it.
 *
 * @param senders per token subject, the CAP senders it may push as
 */
@ConfigurationProperties("hub.inbound")
public record InboundProperties(@DefaultValue Map<String, List<String>> senders) {

	public InboundProperties {
		senders = Map.copyOf(senders);
		senders.forEach((subject, list) -> {
			if (list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException("hub.inbound.senders[" + subject + "] lists no sender or a blank one");
			}
		});
	}

	/** The senders a department's token may push as: those configured for its subject, else the subject itself. */
	public List<String> senders(String subject) {
		List<String> configured = this.senders.get(subject);
		return configured == null ? List.of(subject) : List.copyOf(configured);
	}

}
