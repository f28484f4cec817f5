package cn.fj.emergency.alerting.cap.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official OASIS schemas shipped with this module ({@code cap12.xsd}, {@code cap11.xsd}, {@code cap10.xsd},
 * {@code edxlde-1_0.xsd}), compiled once into one grammar. Each CAP version has its own target namespace, so an
 * alert is validated against its own version's schema; an EDXL-DE envelope's embedded CAP alerts are validated
 * with it too (the envelope's content is "lax": checked against every schema known). Nothing is loaded from
 * elsewhere.
 */
final class CapSchemas {

	/** Schema errors reported per document, at most. */
	static final int MAX_ERRORS = 10;

	private static final Schema SCHEMA = compile("cap12.xsd", "cap11.xsd", "cap10.xsd", "edxlde-1_0.xsd");

	private CapSchemas() {
	}

	private static Schema compile(String... resources) {
		List<Source> sources = new ArrayList<>();
		List<InputStream> streams = new ArrayList<>();
		try {
			for (String resource : resources) {
				URL url = Objects.requireNonNull(CapSchemas.class.getResource(resource), resource);
				InputStream in = url.openStream();
				streams.add(in);
				sources.add(new StreamSource(in, url.toExternalForm()));
			}
			SchemaFactory factory = SchemaFactory.newDefaultInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(sources.toArray(Source[]::new));
		}
		catch (SAXException ex) {
			throw new IllegalStateException("the shipped CAP schemas do not compile", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			streams.forEach(CapSchemas::close);
		}
	}

	private static void close(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// a resource stream that fails to close has been read already
		}
	}

	/** The schema errors of a document, with line and column; empty if it is valid. */
	static List<String> errors(byte[] xml, SecureXml secure) {
		List<String> errors = new ArrayList<>();
		try {
			Validator validator = SCHEMA.newValidator();
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.setResourceResolver(secure.resourceResolver());
			validator.setErrorHandler(collecting(errors));
			validator.validate(new SAXSource(secure.xmlReader(), new InputSource(new ByteArrayInputStream(xml))));
		}
		catch (SAXException ex) {
			if (errors.isEmpty()) {
				errors.add(ex instanceof SAXParseException parse ? describe(parse) : String.valueOf(ex.getMessage()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return errors;
	}

	private static ErrorHandler collecting(List<String> errors) {
		return new ErrorHandler() {

			@Override
			public void warning(SAXParseException exception) {
				// a warning (a schema hint not followed) does not make a document invalid
			}

			@Override
			public void error(SAXParseException exception) throws SAXException {
				errors.add(describe(exception));
				if (errors.size() >= MAX_ERRORS) {
					throw new SAXException("more than " + MAX_ERRORS + " errors");
				}
			}

			@Override
			public void fatalError(SAXParseException exception) throws SAXException {
				errors.add(describe(exception));
				throw new SAXException("not well-formed");
			}
		};
	}

	static String describe(SAXParseException ex) {
		return "line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() + ": " + ex.getMessage();
	}

}
