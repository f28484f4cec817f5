package cn.fj.emergency.alerting.cap.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The JDK's own XML processors (never one found on the class path), each configured to fetch nothing: no
 * DTD, no external entity or schema, no XInclude, secure processing on. Every resolver refuses and reports
 * what it was asked for, so a test can prove nothing was even attempted.
 */
final class SecureXml {

	private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

	private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";

	private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";

	private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

	private final Consumer<String> attempts;

	/** @param attempts told of every external resource a processor asked for (and was refused) */
	SecureXml(Consumer<String> attempts) {
		this.attempts = attempts;
	}

	XMLInputFactory streamFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			attempts.accept(String.valueOf(systemId));
			throw new XMLStreamException("external resources are refused: " + systemId);
		});
		return factory;
	}

	DocumentBuilder documentBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setValidating(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature(DISALLOW_DOCTYPE, true);
			factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
			factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
			factory.setFeature(LOAD_EXTERNAL_DTD, false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setEntityResolver(entityResolver());
			builder.setErrorHandler(THROWING);
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", ex);
		}
	}

	XMLReader xmlReader() {
		try {
			SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setXIncludeAware(false);
			factory.setValidating(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature(DISALLOW_DOCTYPE, true);
			factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
			factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
			factory.setFeature(LOAD_EXTERNAL_DTD, false);
			SAXParser parser = factory.newSAXParser();
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			XMLReader reader = parser.getXMLReader();
			reader.setEntityResolver(entityResolver());
			return reader;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", ex);
		}
	}

	EntityResolver entityResolver() {
		return (publicId, systemId) -> {
			attempts.accept(String.valueOf(systemId));
			throw new SAXException("external entities are refused: " + systemId);
		};
	}

	/** Refuses every schema or DTD a validator would load (our schemas import nothing). */
	LSResourceResolver resourceResolver() {
		return (type, namespaceUri, publicId, systemId, baseUri) -> {
			attempts.accept(String.valueOf(systemId));
			return REFUSED;
		};
	}

	/** Parses XML text we hold ourselves (a kept signature) into a document. */
	Document parse(String xml) {
		try {
			return documentBuilder().parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException | IOException ex) {
			throw new IllegalArgumentException("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	Document parse(byte[] xml) throws SAXException, IOException {
		return documentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
	}

	static Transformer transformer(boolean declaration) {
		try {
			TransformerFactory factory = TransformerFactory.newDefaultInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			transformer.setOutputProperty(OutputKeys.INDENT, "no");
			return transformer;
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("the JDK's XML transformer lacks a hardening feature", ex);
		}
	}

	/** An element as XML text, with the namespace declarations it needs. */
	static String text(Element element) {
		try {
			StringWriter out = new StringWriter();
			transformer(false).transform(new DOMSource(element), new StreamResult(out));
			return out.toString();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("cannot write an element read a moment ago", ex);
		}
	}

	private static final ErrorHandler THROWING = new ErrorHandler() {

		@Override
		public void warning(SAXParseException exception) {
			// warnings do not make a document unreadable
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}
	};

	/** An input the validator cannot read anything from: loading it fails, and nothing is fetched. */
	private static final LSInput REFUSED = new RefusedInput();

	private static final class RefusedInput implements LSInput {

		@Override
		public Reader getCharacterStream() {
			return new StringReader("");
		}

		@Override
		public void setCharacterStream(Reader characterStream) {
		}

		@Override
		public InputStream getByteStream() {
			return new ByteArrayInputStream(new byte[0]);
		}

		@Override
		public void setByteStream(InputStream byteStream) {
		}

		@Override
		public String getStringData() {
			return "";
		}

		@Override
		public void setStringData(String stringData) {
		}

		@Override
		public String getSystemId() {
			return "refused:";
		}

		@Override
		public void setSystemId(String systemId) {
		}

		@Override
		public String getPublicId() {
			return "";
		}

		@Override
		public void setPublicId(String publicId) {
		}

		@Override
		public String getBaseURI() {
			return "refused:";
		}

		@Override
		public void setBaseURI(String baseUri) {
		}

		@Override
		public String getEncoding() {
			return "UTF-8";
		}

		@Override
		public void setEncoding(String encoding) {
		}

		@Override
		public boolean getCertifiedText() {
			return false;
		}

		@Override
		public void setCertifiedText(boolean certifiedText) {
		}

	}

}
