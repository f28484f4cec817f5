package cn.fj.emergency.command.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * PIDF-LO (RFC 4119, RFC 5491) as EIDO carries it, a location document in a string: read with a parser that refuses
 * any DTD and resolves nothing external, so a hostile document can neither expand entities nor make the hub fetch
 * files or URLs; and written for our exports (a GML point and a civic address, in one tuple).
 */
final class PidfLo {

	static final String GML = "http://www.opengis.net/gml";

	static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

	/** Larger location documents are refused unread: EIDO's are a few kilobytes. */
	static final int MAX_LENGTH = 64 * 1024;

	private static final DocumentBuilderFactory FACTORY = factory();

	private PidfLo() {
	}

	private static DocumentBuilderFactory factory() {
		// the JDK's own parser, found without a service-loader scan
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		try {
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be hardened", ex);
		}
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setNamespaceAware(true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	/**
	 * What a location document says, as far as it can be read.
	 *
	 * @param problem why nothing could be read (not well-formed, a DTD, too long), or null
	 */
	record Reading(@Nullable Position position, @Nullable Civic civic, @Nullable Instant timestamp,
			@Nullable String problem) {

		static Reading unreadable(String problem) {
			return new Reading(null, null, null, problem);
		}

	}

	/** A geodetic position (WGS 84, latitude first as in EPSG 4326 and 4979). */
	record Position(double latitude, double longitude) {
	}

	/** The civic address elements the hub uses: country (ISO 3166), A1 (province), A2 (city), A3 (county). */
	record Civic(@Nullable String country, @Nullable String a1, @Nullable String a2, @Nullable String a3) {
	}

	static Reading read(String xml) {
		if (xml.length() > MAX_LENGTH) {
			return Reading.unreadable("the location document is longer than " + MAX_LENGTH + " characters");
		}
		Document document;
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
			// leading white space before the XML declaration, as in NENA's sample, is tolerated
			document = builder.parse(new InputSource(new StringReader(xml.strip())));
		}
		catch (SAXException | IOException ex) {
			return Reading.unreadable("the location document is not well-formed XML or has a DTD (" + firstLine(ex) + ")");
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be made", ex);
		}
		Element root = document.getDocumentElement();
		return new Reading(position(root), civic(root), timestamp(root), null);
	}

	private static @Nullable Position position(Element root) {
		NodeList positions = root.getElementsByTagNameNS(GML, "pos");
		for (int i = 0; i < positions.getLength(); i++) {
			String[] parts = positions.item(i).getTextContent().strip().split("\\s+");
			if (parts.length >= 2) {
				try {
					double latitude = Double.parseDouble(parts[0]);
					double longitude = Double.parseDouble(parts[1]);
					if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
						return new Position(latitude, longitude);
					}
				}
				catch (NumberFormatException ex) {
					// not a position; try the next
				}
			}
		}
		return null;
	}

	private static @Nullable Civic civic(Element root) {
		NodeList addresses = root.getElementsByTagNameNS(CIVIC, "civicAddress");
		if (addresses.getLength() == 0) {
			return null;
		}
		Element address = (Element) addresses.item(0);
		return new Civic(child(address, "country"), child(address, "A1"), child(address, "A2"), child(address, "A3"));
	}

	private static @Nullable String child(Element parent, String name) {
		NodeList children = parent.getElementsByTagNameNS(CIVIC, name);
		if (children.getLength() == 0) {
			return null;
		}
		String text = children.item(0).getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable Instant timestamp(Element root) {
		NodeList stamps = root.getElementsByTagNameNS("*", "timestamp");
		for (int i = 0; i < stamps.getLength(); i++) {
			Node stamp = stamps.item(i);
			try {
				return OffsetDateTime.parse(stamp.getTextContent().strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// an unreadable timestamp is no timestamp
			}
		}
		return null;
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

	/** Our location document: the incident's point, its county as a civic address, and when it occurred. */
	static String write(String entity, double latitude, double longitude, @Nullable String cityName,
			@Nullable String countyName, Instant occurredAt) {
		StringBuilder civic = new StringBuilder();
		civic.append("<ca:civicAddress xml:lang=\"zh\"><ca:country>CN</ca:country><ca:A1>福建省</ca:A1>");
		if (cityName != null) {
			civic.append("<ca:A2>").append(escape(cityName)).append("</ca:A2>");
		}
		if (countyName != null) {
			civic.append("<ca:A3>").append(escape(countyName)).append("</ca:A3>");
		}
		civic.append("</ca:civicAddress>");
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\""
				+ " xmlns:gml=\"" + GML + "\" xmlns:ca=\"" + CIVIC + "\" entity=\"" + escape(entity) + "\">"
				+ "<tuple id=\"incident\"><status><gp:geopriv><gp:location-info>"
				+ "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>" + latitude + " " + longitude
				+ "</gml:pos></gml:Point>" + civic + "</gp:location-info><gp:usage-rules/><gp:method>Manual</gp:method>"
				+ "</gp:geopriv></status><timestamp>" + occurredAt.atOffset(ZoneOffset.ofHours(8)) + "</timestamp>"
				+ "</tuple></presence>";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
