package cn.fj.emergency.alerting.channel.atom;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import cn.fj.emergency.alerting.channel.ActiveWarning;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's shape: valid against RFC 4287's RELAX NG grammar (the corpus's {@code conformance/feeds/atom_rfc4287.rng},
 * unmodified, with Jing), the appendix's Schematron rules and the CAP feed conventions checked one by one; RFC 3339
 * times with seconds, CAP links, escaped text.
 */
class AtomFeedWriterTest {

	final AtomFeedWriter writer = new AtomFeedWriter("https://hub.example/", "Warnings", "Fujian");

	@Test
	void entryLinksToTheCapDocumentWithTimesInSeconds() {
		OffsetDateTime sent = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		String xml = this.writer.write(List.of(new ActiveWarning("FJ 1/2", "s@x", sent, "Rain & wind <red>", "Extreme",
				"red", null, Instant.parse("2026-12-01T02:00:05Z"))), Instant.parse("2026-12-01T03:00:00Z"));

		assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
			.contains("<updated>2026-12-01T02:00:05Z</updated>")
			.contains("<updated>2026-12-01T10:00:00+08:00</updated>")
			.contains("<title>Rain &amp; wind &lt;red&gt;</title>")
			.contains("<link rel=\"alternate\" type=\"application/cap+xml\" href=\"https://hub.example/api/public/warnings/FJ%201%2F2.cap\"")
			.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://hub.example/api/public/warnings.atom\"");
	}

	@Test
	void anEntryLeavingTheFeedIsAChange() {
		// given the latest entry published at 02:00:05, and another ended (cancelled) at 02:30:00
		OffsetDateTime sent = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		List<ActiveWarning> active = List.of(new ActiveWarning("FJ-1", "s@x", sent, "h", "Minor", null, null,
				Instant.parse("2026-12-01T02:00:05Z")));
		// then the feed was updated when the entry left it, not when the last one remaining was published
		assertThat(this.writer.write(active, Instant.parse("2026-12-01T02:30:00Z"), Instant.parse("2026-12-01T03:00:00Z")))
			.contains("<updated>2026-12-01T02:30:00Z</updated>");
		// and an empty feed whose last entry expired was updated then, not at every request
		assertThat(this.writer.write(List.of(), Instant.parse("2026-12-01T02:30:00Z"), Instant.parse("2026-12-01T03:00:00Z")))
			.contains("<updated>2026-12-01T02:30:00Z</updated>");
	}

	@Test
	void emptyFeedIsUpdatedNow() {
		assertThat(this.writer.write(List.of(), Instant.parse("2026-12-01T03:00:00Z")))
			.contains("<updated>2026-12-01T03:00:00Z</updated>")
			.doesNotContain("<entry>");
	}

	@Test
	void feedIsValidAtomWithOneEntryPerAlertAsTheCapFeedConventionsAsk() throws Exception {
		// given three active warnings, one without colour and expiry, one whose text needs escaping
		OffsetDateTime sent = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		List<ActiveWarning> active = List.of(
				new ActiveWarning("FJ-1", "fj@hub", sent, "台风红色预警 Typhoon red", "Extreme", "red", sent.plusHours(6),
						Instant.parse("2026-12-01T02:00:05Z")),
				new ActiveWarning("FJ 2/&", "fj@hub", sent.minusHours(1), "Rain & <wind>", "Moderate", null, null,
						Instant.parse("2026-12-01T01:00:00Z")),
				new ActiveWarning("FJ-3", "xm@hub", sent.withOffsetSameInstant(ZoneOffset.UTC), "Heat", "Minor", "blue",
						null, Instant.parse("2026-12-01T00:30:00Z")));
		// when written
		String xml = this.writer.write(active, Instant.parse("2026-12-01T03:00:00Z"));
		// then it is valid against RFC 4287's grammar
		assertValidAtom(xml);
		// and keeps the rules the grammar leaves to Schematron and the CAP feed conventions
		Element feed = parse(xml).getDocumentElement();
		assertThat(children(feed, "author")).hasSize(1);
		List<Element> entries = children(feed, "entry");
		assertThat(entries).hasSize(3);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Element entry = entries.get(i);
			ids.add(one(entry, "id"));
			assertThat(one(entry, "title")).isEqualTo(active.get(i).headline());
			assertThat(one(entry, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
			assertThat(one(children(entry, "author").get(0), "name")).isEqualTo(active.get(i).sender());
			List<Element> cap = children(entry, "link").stream()
				.filter(link -> link.getAttribute("rel").equals("alternate"))
				.toList();
			assertThat(cap).hasSize(1);
			assertThat(cap.get(0).getAttribute("type")).isEqualTo("application/cap+xml");
			assertThat(cap.get(0).getAttribute("href")).isEqualTo(this.writer.alertUrl(active.get(i).identifier()));
		}
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(one(feed, "updated")).isEqualTo("2026-12-01T02:00:05Z");
	}

	@Test
	void theGrammarRefusesAFeedThatBreaksIt() throws Exception {
		// the check can fail: an entry without its id is not Atom
		String xml = this.writer.write(List.of(new ActiveWarning("FJ-1", "fj@hub", OffsetDateTime.parse("2026-12-01T10:00:00+08:00"),
				"h", "Minor", null, null, Instant.parse("2026-12-01T02:00:05Z"))), Instant.parse("2026-12-01T03:00:00Z"));
		String broken = xml.replaceFirst("(<entry>)<id>[^<]*</id>", "$1");
		assertThat(broken).isNotEqualTo(xml);
		assertThat(driver().validate(new InputSource(new StringReader(broken)))).isFalse();
	}

	private static void assertValidAtom(String xml) throws Exception {
		assertThat(driver().validate(new InputSource(new StringReader(xml))))
			.as("the feed is valid Atom (RFC 4287 appendix B); Jing reported the errors above")
			.isTrue();
	}

	/** Jing with RFC 4287's grammar in compact syntax (the corpus file is .rng by name, compact syntax inside). */
	private static ValidationDriver driver() throws Exception {
		ValidationDriver driver = new ValidationDriver(new PropertyMapBuilder().toPropertyMap(),
				CompactSchemaReader.getInstance());
		URL grammar = AtomFeedWriterTest.class.getResource("/conformance/feeds/atom_rfc4287.rng");
		assertThat(grammar).as("the Atom grammar on the test class path").isNotNull();
		assertThat(driver.loadSchema(new InputSource(grammar.toString()))).as("the grammar loads").isTrue();
		return driver;
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && AtomFeedWriter.ATOM.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static String one(Element parent, String name) {
		List<Element> found = children(parent, name);
		assertThat(found).as("exactly one atom:" + name + " in " + parent.getLocalName()).hasSize(1);
		assertThat(found.get(0).getTextContent()).as("atom:" + name).isNotBlank();
		return found.get(0).getTextContent();
	}

}
