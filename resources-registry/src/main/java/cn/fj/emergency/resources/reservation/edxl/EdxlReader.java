package cn.fj.emergency.resources.reservation.edxl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;

/**
 * Reads EDXL-RM 1.0 RequestResource and CommitResource, hardened and tolerant. Hardened: a document type
 * declaration is refused outright, so no entity (internal or external) is ever expanded and nothing is fetched.
 * Tolerant: elements are found by local name, whatever namespace they are in (senders declare odd namespace URIs,
 * and TypeInfo's content is in none), and what the registry does not use is ignored.
 */
final class EdxlReader {

	/** Larger than any real RequestResource or CommitResource. */
	public static final int MAX_BYTES = 512 * 1024;

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,12})");

	private EdxlReader() {
	}

	public static EdxlMessage read(byte[] xml) {
		if (xml.length > MAX_BYTES) {
			throw invalid("The document is larger than " + MAX_BYTES + " bytes");
		}
		Element root = parse(xml).getDocumentElement();
		String type = root.getLocalName();
		if (!EdxlMessage.REQUEST.equals(type) && !EdxlMessage.COMMIT.equals(type)) {
			throw invalid("Not an EDXL-RM RequestResource or CommitResource but " + type);
		}
		String messageId = text(root, "MessageID");
		if (messageId == null) {
			throw invalid("The message has no MessageID");
		}
		List<EdxlMessage.Resource> resources = new ArrayList<>();
		for (Element info : children(root, "ResourceInformation")) {
			resources.add(resource(info, resources.size() + 1));
		}
		Element incident = child(root, "IncidentInformation");
		Element contact = child(root, "ContactInformation");
		return new EdxlMessage(type, messageId, time(text(root, "SentDateTime")), text(root, "OriginatingMessageID"),
				text(root, "PrecedingMessageID"), text(incident, "IncidentID"), text(incident, "IncidentDescription"),
				text(contact, "ContactRole"), text(child(contact, "ContactLocation"), "LocationDescription"), resources);
	}

	private static EdxlMessage.Resource resource(Element info, int position) {
		String elementId = text(info, "ResourceInfoElementID");
		Element response = child(info, "ResponseInformation");
		Element resource = child(info, "Resource");
		Element typeStructure = child(resource, "TypeStructure");
		String name = text(resource, "Name");
		if (name == null) {
			name = text(child(resource, "TypeInfo"), "Resource");
		}
		Map<String, String> keywords = new LinkedHashMap<>();
		if (resource != null) {
			for (Element keyword : children(resource, "Keyword")) {
				String urn = text(keyword, "ValueListURN");
				String value = text(keyword, "Value");
				if (urn != null && value != null) {
					keywords.putIfAbsent(urn, value);
				}
			}
		}
		Element schedule = child(info, "ScheduleInformation");
		return new EdxlMessage.Resource(elementId == null ? "ResourceInfoElementID." + position : elementId,
				text(response, "PrecedingResourceInfoElementID"), text(response, "ResponseType"),
				text(resource, "ResourceID"), name, text(typeStructure, "ValueListURN"), text(typeStructure, "Value"),
				quantity(child(child(info, "AssignmentInformation"), "Quantity")), keywords, text(schedule, "ScheduleType"),
				text(child(schedule, "Location"), "LocationDescription"));
	}

	private static @Nullable Long quantity(@Nullable Element quantity) {
		String text = text(quantity, "QuantityText");
		if (text == null) {
			text = text(child(quantity, "MeasuredQuantity"), "Amount");
		}
		if (text == null) {
			return null;
		}
		Matcher m = LEADING_NUMBER.matcher(text);
		if (!m.find()) {
			throw invalid("Quantity '" + text + "' does not start with a whole number");
		}
		return Long.parseLong(m.group(1));
	}

	private static @Nullable Instant time(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(text).toInstant(CHINA);
			}
			catch (DateTimeParseException ex) {
				throw invalid("SentDateTime '" + text + "' is not an xs:dateTime");
			}
		}
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilder builder = factory().newDocumentBuilder();
			builder.setErrorHandler(new Refusing());
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("External entities are not fetched: " + systemId);
			});
			return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXException ex) {
			throw invalid("The document is not well-formed or declares a DTD: " + ex.getMessage());
		}
		catch (IOException | ParserConfigurationException ex) {
			throw invalid("The document cannot be read: " + ex.getMessage());
		}
	}

	private static DocumentBuilderFactory factory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setValidating(false);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	private static @Nullable Element child(@Nullable Element parent, String localName) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(localName(e))) {
				return e;
			}
		}
		return null;
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(localName(e))) {
				found.add(e);
			}
		}
		return found;
	}

	private static String localName(Element e) {
		String local = e.getLocalName();
		return local == null ? e.getTagName() : local;
	}

	private static @Nullable String text(@Nullable Element parent, String localName) {
		Element e = child(parent, localName);
		if (e == null) {
			return null;
		}
		String text = e.getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	private static SupplyException invalid(String message) {
		return new SupplyException(SupplyError.INVALID_EDXL, message);
	}

	/** Parse warnings and errors end the parse instead of being printed. */
	private static final class Refusing implements ErrorHandler {

		@Override
		public void warning(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

}
