package cn.fj.emergency.alerting.cap.xml;

import java.util.ArrayList;
import java.util.List;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.CapRefusal;

/**
 * Accepting an inbound CAP document: read (size, DTD, well-formedness, schema) and then every alert checked
 * against the inbound profile. A document is accepted whole or refused whole, with every problem found.
 */
public final class ReceivingCap {

	private final CapXmlReader reader;

	private final CapProfile profile;

	public ReceivingCap(CapXmlReader reader, CapProfile profile) {
		this.reader = reader;
		this.profile = profile;
	}

	/** The document's alerts, each keeping the profile; else a refusal naming every problem. */
	public CapDocument receive(byte[] xml) {
		CapDocument document = reader.read(xml);
		List<CapProblem> problems = new ArrayList<>();
		for (int i = 0; i < document.alerts().size(); i++) {
			Alert alert = document.alerts().get(i);
			String where = document.isEnvelope() ? "alert " + (i + 1) + " (" + alert.identifier() + "): " : "";
			profile.check(alert).forEach(problem -> problems.add(new CapProblem(problem.code(), where + problem.message())));
		}
		if (!problems.isEmpty()) {
			throw new CapRefusal(problems);
		}
		return document;
	}

}
