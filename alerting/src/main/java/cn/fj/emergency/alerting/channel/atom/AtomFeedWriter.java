package cn.fj.emergency.alerting.channel.atom;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cn.fj.emergency.alerting.channel.ActiveWarning;
import org.jspecify.annotations.Nullable;

/**
 * Writes the public CAP Atom feed (RFC 4287) of active warnings, following the aggregators' CAP feed rules: one entry
 * per alert whose {@code link rel="alternate" type="application/cap+xml"} points at the CAP document, with id, title
 * (the headline), updated (the alert's sent), author (the sender) and a summary; the feed has an id, a title, an
 * updated time (the last change, an entry leaving the feed included), an author and a self link. Times are RFC 3339
 * with seconds and an explicit offset.
 */
public final class AtomFeedWriter {

	public static final String ATOM = "http://www.w3.org/2005/Atom";

	public static final String FEED_PATH = "/api/public/warnings.atom";

	public static final String ALERT_PATH = "/api/public/warnings/";

	private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private final String baseUrl;

	private final String title;

	private final String author;

	public AtomFeedWriter(String baseUrl, String title, String author) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.title = title;
		this.author = author;
	}

	/** The URL of an alert's CAP document. */
	public String alertUrl(String identifier) {
		return this.baseUrl + ALERT_PATH + URLEncoder.encode(identifier, StandardCharsets.UTF_8).replace("+", "%20")
				+ ".cap";
	}

	/** The feed, {@code updated} the latest entry's publication, else {@code now}. */
	public String write(List<ActiveWarning> entries, Instant now) {
		return write(entries, null, now);
	}

	/**
	 * The feed; its {@code updated} is the latest of {@code lastChange} (when an entry was last published, ended or
	 * expired: removing an entry changes the feed too) and the entries' publication, else {@code now} for a feed
	 * that never held an entry.
	 */
	public String write(List<ActiveWarning> entries, @Nullable Instant lastChange, Instant now) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(ATOM);
			xml.writeStartElement(ATOM, "feed");
			xml.writeDefaultNamespace(ATOM);
			text(xml, "id", this.baseUrl + FEED_PATH);
			text(xml, "title", this.title);
			Instant updated = entries.stream()
				.map(ActiveWarning::publishedAt)
				.max(Instant::compareTo)
				.map(latest -> lastChange != null && lastChange.isAfter(latest) ? lastChange : latest)
				.orElse(lastChange != null ? lastChange : now);
			text(xml, "updated", RFC3339.format(updated.atOffset(ZoneOffset.UTC)));
			author(xml, this.author);
			link(xml, "self", "application/atom+xml", this.baseUrl + FEED_PATH);
			for (ActiveWarning e : entries) {
				entry(xml, e);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The Atom feed could not be written", ex);
		}
		return out.toString();
	}

	private void entry(XMLStreamWriter xml, ActiveWarning e) throws XMLStreamException {
		xml.writeStartElement(ATOM, "entry");
		String url = alertUrl(e.identifier());
		text(xml, "id", url);
		text(xml, "title", e.headline());
		text(xml, "updated", time(e.sent()));
		text(xml, "published", time(e.sent()));
		author(xml, e.sender());
		StringBuilder summary = new StringBuilder("Severity: ").append(e.severity());
		if (e.colour() != null) {
			summary.append("; colour: ").append(e.colour());
		}
		OffsetDateTime expires = e.expires();
		if (expires != null) {
			summary.append("; expires: ").append(time(expires));
		}
		text(xml, "summary", summary.toString());
		xml.writeEmptyElement(ATOM, "category");
		xml.writeAttribute("term", e.severity());
		link(xml, "alternate", "application/cap+xml", url);
		xml.writeEndElement();
	}

	private static String time(OffsetDateTime t) {
		return RFC3339.format(t);
	}

	private static void author(XMLStreamWriter xml, String name) throws XMLStreamException {
		xml.writeStartElement(ATOM, "author");
		text(xml, "name", name);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
		xml.writeEmptyElement(ATOM, "link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

	private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(ATOM, name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

}
