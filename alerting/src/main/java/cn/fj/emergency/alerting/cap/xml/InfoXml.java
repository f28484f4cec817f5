package cn.fj.emergency.alerting.cap.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/** JAXB binding of CAP's {@code info}, in the schema's element order. */
@XmlType(name = "", propOrder = { "language", "category", "event", "responseType", "urgency", "severity",
		"certainty", "audience", "eventCode", "effective", "onset", "expires", "senderName", "headline",
		"description", "instruction", "web", "contact", "parameter", "resource", "area" })
final class InfoXml {

	@Nullable String language;

	List<String> category = new ArrayList<>();

	@Nullable String event;

	List<String> responseType = new ArrayList<>();

	@Nullable String urgency;

	@Nullable String severity;

	@Nullable String certainty;

	@Nullable String audience;

	List<NamedValueXml> eventCode = new ArrayList<>();

	@Nullable String effective;

	@Nullable String onset;

	@Nullable String expires;

	@Nullable String senderName;

	@Nullable String headline;

	@Nullable String description;

	@Nullable String instruction;

	@Nullable String web;

	@Nullable String contact;

	List<NamedValueXml> parameter = new ArrayList<>();

	List<ResourceXml> resource = new ArrayList<>();

	List<AreaXml> area = new ArrayList<>();

}
