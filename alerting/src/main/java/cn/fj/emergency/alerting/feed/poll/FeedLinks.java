package cn.fj.emergency.alerting.feed.poll;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * The CAP documents an Atom or RSS feed names: in Atom, each entry's {@code link} of type
 * {@code application/cap+xml}; in RSS, each item's {@code enclosure} of that type, else its {@code link}. Relative
 * addresses are resolved against the feed's; a DTD or external entity is refused.
 */
final class FeedLinks {

	static final String CAP = "application/cap+xml";

	private FeedLinks() {
	}

	static List<URI> of(URI feed, byte[] xml) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		List<URI> links = new ArrayList<>();
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			try {
				read(reader, feed, links);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException("not a well-formed feed: " + ex.getMessage(), ex);
		}
		return List.copyOf(links);
	}

	private static void read(XMLStreamReader reader, URI feed, List<URI> links) throws XMLStreamException {
		boolean inItem = false;
		boolean itemHasEnclosure = false;
		@Nullable String itemLink = null;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD) {
				throw new XMLStreamException("a DTD in a feed is refused");
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = reader.getLocalName();
				if (name.equals("item")) {
					inItem = true;
					itemHasEnclosure = false;
					itemLink = null;
				}
				else if (name.equals("link") && inItem) {
					itemLink = reader.getElementText().strip();
				}
				else if (name.equals("link") && CAP.equals(reader.getAttributeValue(null, "type"))) {
					add(links, feed, reader.getAttributeValue(null, "href"));
				}
				else if (name.equals("enclosure") && CAP.equals(reader.getAttributeValue(null, "type"))) {
					itemHasEnclosure = true;
					add(links, feed, reader.getAttributeValue(null, "url"));
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("item")) {
				if (!itemHasEnclosure) {
					add(links, feed, itemLink);
				}
				inItem = false;
			}
		}
	}

	private static void add(List<URI> links, URI feed, @Nullable String href) {
		if (href != null && !href.isBlank()) {
			links.add(feed.resolve(href.strip()));
		}
	}

}
