package cn.fj.emergency.alerting.cap.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/** JAXB binding of CAP's {@code alert}, in the schema's element order. Signatures are handled as DOM. */
@XmlRootElement(name = "alert")
@XmlType(name = "", propOrder = { "identifier", "sender", "sent", "status", "msgType", "source", "scope",
		"restriction", "addresses", "code", "note", "references", "incidents", "info" })
final class AlertXml {

	@Nullable String identifier;

	@Nullable String sender;

	@Nullable String sent;

	@Nullable String status;

	@Nullable String msgType;

	@Nullable String source;

	@Nullable String scope;

	@Nullable String restriction;

	@Nullable String addresses;

	List<String> code = new ArrayList<>();

	@Nullable String note;

	@Nullable String references;

	@Nullable String incidents;

	List<InfoXml> info = new ArrayList<>();

}
