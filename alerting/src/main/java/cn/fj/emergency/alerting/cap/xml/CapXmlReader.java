package cn.fj.emergency.alerting.cap.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapVersion;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a CAP alert (1.0, 1.1 or 1.2), or the CAP alerts of an EDXL-DE 1.0 envelope, from bytes in any encoding
 * their XML declaration names. In order: the size limit, a first pass that refuses any DTD before anything is
 * resolved, a hardened parse, validation against the official schema of the alert's own version, the upgrade of a
 * 1.0 or 1.1 alert to 1.2 ({@link CapUpgrade}), then the 1.2 model. Syntax only: the
 * checks beyond the schema are {@link cn.fj.emergency.alerting.cap.CapProfile}'s ({@link ReceivingCap} does
 * both). Thread-safe.
 */
public final class CapXmlReader {

	/** The default size limit, 1 MiB: an alert with embedded resources fits, a flood does not. */
	public static final int DEFAULT_MAX_BYTES = 1 << 20;

	static final JAXBContext CONTEXT = context();

	private final int maxBytes;

	private final SecureXml secure;

	public CapXmlReader() {
		this(DEFAULT_MAX_BYTES);
	}

	public CapXmlReader(int maxBytes) {
		this(maxBytes, systemId -> {
		});
	}

	/** @param fetches told of every external resource the parser asked for (and was refused) */
	CapXmlReader(int maxBytes, Consumer<String> fetches) {
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive");
		}
		this.maxBytes = maxBytes;
		this.secure = new SecureXml(fetches);
	}

	private static JAXBContext context() {
		try {
			return JAXBContext.newInstance(AlertXml.class);
		}
		catch (JAXBException ex) {
			throw new IllegalStateException("the CAP binding does not load", ex);
		}
	}

	/** Reads at most the size limit (plus one byte, to know it was exceeded) from {@code in}. */
	public CapDocument read(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
		return read(bytes);
	}

	public CapDocument read(byte[] xml) {
		if (xml.length > maxBytes) {
			throw new CapRefusal(CapErrorCode.CAP_TOO_LARGE, "larger than " + maxBytes + " bytes");
		}
		QName root = rootRefusingDtd(xml);
		Document document = parse(xml);
		@Nullable CapVersion version = "alert".equals(root.getLocalPart()) ? CapNamespaces.version(root.getNamespaceURI())
				: null;
		if (version != null) {
			requireValid(xml, CapErrorCode.CAP_SCHEMA_INVALID, "not valid " + version + ": ");
			return new CapDocument(null, List.of(alert(document.getDocumentElement(), version)), List.of(version));
		}
		if (root.equals(new QName(CapNamespaces.EDXL_DE, "EDXLDistribution"))) {
			requireValid(xml, CapErrorCode.EDXL_INVALID, "");
			return envelope(document.getDocumentElement());
		}
		throw new CapRefusal(CapErrorCode.CAP_UNSUPPORTED_DOCUMENT, "the root element " + root
				+ " is neither a CAP alert (1.0, 1.1 or 1.2) nor an EDXL-DE 1.0 distribution");
	}

	/** The root element's name, found by a streaming pass that stops at it; a DTD before it is refused. */
	private QName rootRefusingDtd(byte[] xml) {
		@Nullable XMLStreamReader reader = null;
		try {
			reader = secure.streamFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw new CapRefusal(CapErrorCode.CAP_DTD_FORBIDDEN,
							"a document type declaration (DTD) is not accepted");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					return reader.getName();
				}
			}
			throw new CapRefusal(CapErrorCode.CAP_MALFORMED, "no root element");
		}
		catch (XMLStreamException ex) {
			throw new CapRefusal(CapErrorCode.CAP_MALFORMED, "not well-formed XML: " + ex.getMessage());
		}
		finally {
			close(reader);
		}
	}

	private static void close(@Nullable XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// the pass is over; nothing is held open on a byte array
			}
		}
	}

	private Document parse(byte[] xml) {
		try {
			return secure.parse(xml);
		}
		catch (SAXParseException ex) {
			throw new CapRefusal(CapErrorCode.CAP_MALFORMED, "not well-formed XML: " + CapSchemas.describe(ex));
		}
		catch (SAXException | IOException ex) {
			throw new CapRefusal(CapErrorCode.CAP_MALFORMED, "not well-formed XML: " + ex.getMessage());
		}
	}

	private void requireValid(byte[] xml, CapErrorCode code, String prefix) {
		List<String> errors = CapSchemas.errors(xml, secure);
		if (!errors.isEmpty()) {
			throw new CapRefusal(errors.stream().map(error -> new CapProblem(code, prefix + error)).toList());
		}
	}

	private CapDocument envelope(Element distribution) {
		List<Alert> alerts = new ArrayList<>();
		List<CapVersion> versions = new ArrayList<>();
		List<CapProblem> problems = new ArrayList<>();
		int index = 0;
		for (Element content : children(distribution, CapNamespaces.EDXL_DE, "contentObject")) {
			index++;
			for (Element xmlContent : children(content, CapNamespaces.EDXL_DE, "xmlContent")) {
				for (Element embedded : children(xmlContent, CapNamespaces.EDXL_DE, "embeddedXMLContent")) {
					for (Element alert : embeddedAlerts(embedded)) {
						CapVersion version = Objects.requireNonNull(CapNamespaces.version(alert.getNamespaceURI()));
						try {
							alerts.add(alert(alert, version));
							versions.add(version);
						}
						catch (CapRefusal refusal) {
							for (CapProblem problem : refusal.problems()) {
								problems.add(new CapProblem(problem.code(), "contentObject " + index + ": " + problem.message()));
							}
						}
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new CapRefusal(problems);
		}
		if (alerts.isEmpty()) {
			throw new CapRefusal(CapErrorCode.EDXL_NO_ALERT, "the envelope embeds no CAP alert (1.0, 1.1 or 1.2)");
		}
		String id = children(distribution, CapNamespaces.EDXL_DE, "distributionID").get(0).getTextContent();
		return new CapDocument(id, alerts, versions);
	}

	/** The CAP alerts, of any version read, that an {@code embeddedXMLContent} holds. */
	private static List<Element> embeddedAlerts(Element embedded) {
		List<Element> alerts = new ArrayList<>();
		for (Node node = embedded.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && "alert".equals(element.getLocalName())
					&& CapNamespaces.version(element.getNamespaceURI()) != null) {
				alerts.add(element);
			}
		}
		return alerts;
	}

	/** The alert in the 1.2 model; one of an older version is upgraded first ({@link CapUpgrade}). */
	private static Alert alert(Element element, CapVersion version) {
		// CAP 1.0 and 1.1 have no place for signatures, and any over the original would not hold for the upgrade
		List<String> signatures = version != CapVersion.V1_2 ? List.of()
				: children(element, CapNamespaces.XML_DSIG, null).stream().map(SecureXml::text).toList();
		Element cap12 = CapUpgrade.toCap12(element, version);
		try {
			AlertXml xml = CONTEXT.createUnmarshaller().unmarshal(cap12, AlertXml.class).getValue();
			return AlertBinding.toModel(xml, signatures);
		}
		catch (JAXBException ex) {
			throw new CapRefusal(CapErrorCode.CAP_SCHEMA_INVALID, "not a CAP alert: " + ex.getMessage());
		}
	}

	/** The child elements of {@code parent} in {@code namespace} named {@code localName} (any name if null). */
	static List<Element> children(Element parent, String namespace, @Nullable String localName) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
					&& (localName == null || localName.equals(element.getLocalName()))) {
				children.add(element);
			}
		}
		return children;
	}

}
