package cn.fj.emergency.command.channel;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import cn.fj.emergency.alerting.channel.PublishedWarning;
import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public CAP Atom feed, read without a token, is valid Atom (RFC 4287's RELAX NG grammar, with Jing; the rules
 * the grammar leaves to Schematron, such as a feed author, checked one by one)
 * and lists exactly the active warnings: not an expired one, not a cancelled one, not one an Update replaced, not an
 * exercise; each entry links to its CAP document as application/cap+xml, which is served as published.
 */
class PublicFeedListsActiveWarningsTest {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static Hub hub;

	@BeforeAll
	static void start() {
		hub = Hub.cluster(1).get(0);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void feedIsAtomAndListsExactlyTheActiveWarnings() throws Exception {
		// given an active alert, an expired one, a cancelled one, one replaced by an Update, and an exercise
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		Warnings.distribute(hub, Warnings.alert("FJ-AT-ACTIVE", List.of("350200"), List.of("350203")));
		Warnings.distribute(hub, Warnings.warning("FJ-AT-EXPIRED", "Actual", "Alert", List.of("350100"),
				List.of("350102"), now.minusMinutes(1), List.of()));
		PublishedWarning cancelled = Warnings.alert("FJ-AT-CANCELLED", List.of("350500"), List.of("350503"));
		Warnings.distribute(hub, cancelled);
		Warnings.distribute(hub, Warnings.warning("FJ-AT-CANCEL", "Actual", "Cancel", List.of("350500"),
				List.of("350503"), now.plusHours(1), List.of(Warnings.reference(cancelled))));
		PublishedWarning replaced = Warnings.alert("FJ-AT-REPLACED", List.of("350600"), List.of("350602"));
		Warnings.distribute(hub, replaced);
		Warnings.distribute(hub, Warnings.warning("FJ-AT-UPDATE", "Actual", "Update", List.of("350600"),
				List.of("350602"), now.plusHours(3), List.of(Warnings.reference(replaced))));
		Warnings.distribute(hub, Warnings.warning("FJ-AT-EXERCISE", "Exercise", "Alert", List.of("350200"),
				List.of("350203"), now.plusHours(3), List.of()));

		// when the feed is read without a token
		var result = hub.http().get().uri("/api/public/warnings.atom").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("application/atom+xml")
			.expectBody(byte[].class).returnResult();
		Document feed = parse(result.getResponseBody());
		assertValidAtom(result.getResponseBody());

		// then it is an Atom feed with the elements RFC 4287 requires
		Element root = feed.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertExactlyOneText(root, "id");
		assertExactlyOneText(root, "title");
		assertTime(assertExactlyOneText(root, "updated"));
		assertThat(children(root, "author")).hasSize(1);
		assertExactlyOneText(children(root, "author").get(0), "name");
		assertThat(children(root, "link")).anySatisfy(link -> {
			assertThat(link.getAttribute("rel")).isEqualTo("self");
			assertThat(link.getAttribute("href")).endsWith("/api/public/warnings.atom");
		});

		// and its entries are exactly the active warnings, each complete and linking to its CAP document
		List<String> titles = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (Element entry : children(root, "entry")) {
			ids.add(assertExactlyOneText(entry, "id"));
			titles.add(assertExactlyOneText(entry, "title"));
			assertTime(assertExactlyOneText(entry, "updated"));
			assertExactlyOneText(children(entry, "author").get(0), "name");
			List<Element> alternates = children(entry, "link").stream()
				.filter(l -> l.getAttribute("rel").equals("alternate"))
				.toList();
			assertThat(alternates).hasSize(1);
			assertThat(alternates.get(0).getAttribute("type")).isEqualTo("application/cap+xml");
			String href = alternates.get(0).getAttribute("href");
			String path = href.substring(href.indexOf("/api/public/"));
			String cap = new String(hub.http().get().uri(path).exchange()
				.expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith("application/cap+xml")
				.expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
			assertThat(cap).contains("urn:oasis:names:tc:emergency:cap:1.2");
		}
		assertThat(titles).hasSize(2).anyMatch(t -> t.endsWith("FJ-AT-ACTIVE")).anyMatch(t -> t.endsWith("FJ-AT-UPDATE"));
		assertThat(ids).doesNotHaveDuplicates();

		// and an alert that is not (or no longer) public is not served either way it is asked for
		hub.http().get().uri("/api/public/warnings/FJ-AT-NONE.cap").exchange().expectStatus().isNotFound();
	}

	@Test
	void aCancellationIsAChangeOfTheFeed() throws Exception {
		// given the latest warning published, and the feed's updated time then
		PublishedWarning latest = Warnings.alert("FJ-AT-LATEST", List.of("350500"), List.of("350503"));
		Warnings.distribute(hub, latest);
		OffsetDateTime published = feedUpdated();
		Thread.sleep(1100);
		// when it is cancelled (the feed's remaining entries were all published before it)
		Warnings.distribute(hub, Warnings.warning("FJ-AT-LATEST-CANCEL", "Actual", "Cancel", List.of("350500"),
				List.of("350503"), OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1),
				List.of(Warnings.reference(latest))));
		// then the feed no longer lists it, and says it changed: a reader polling on atom:updated sees the cancellation
		byte[] feed = hub.http().get().uri("/api/public/warnings.atom").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertValidAtom(feed);
		assertThat(new String(feed, StandardCharsets.UTF_8)).doesNotContain("FJ-AT-LATEST");
		assertThat(feedUpdated()).isAfter(published);
	}

	private static OffsetDateTime feedUpdated() throws Exception {
		byte[] feed = hub.http().get().uri("/api/public/warnings.atom").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		return OffsetDateTime.parse(assertExactlyOneText(parse(feed).getDocumentElement(), "updated"),
				DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * Validated against RFC 4287's RELAX NG grammar (appendix B, compact syntax, unmodified: the corpus's
	 * conformance/feeds/atom_rfc4287.rng, copied from the alerting module by the build) with Jing.
	 */
	private static void assertValidAtom(byte[] xml) throws Exception {
		ValidationDriver driver = new ValidationDriver(
				new PropertyMapBuilder().toPropertyMap(), CompactSchemaReader.getInstance());
		URL grammar = PublicFeedListsActiveWarningsTest.class.getResource("/conformance/feeds/atom_rfc4287.rng");
		assertThat(grammar).as("the Atom grammar on the test class path").isNotNull();
		assertThat(driver.loadSchema(new InputSource(grammar.toString()))).as("grammar loads").isTrue();
		assertThat(driver.validate(new InputSource(new ByteArrayInputStream(xml))))
			.as("the feed is valid Atom (RFC 4287 appendix B); Jing reported the errors above")
			.isTrue();
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
				found.add(e);
			}
		}
		return found;
	}

	private static String assertExactlyOneText(Element parent, String name) {
		List<Element> found = children(parent, name);
		assertThat(found).as("exactly one atom:" + name + " in " + parent.getLocalName()).hasSize(1);
		String text = found.get(0).getTextContent();
		assertThat(text).as("atom:" + name).isNotBlank();
		return text;
	}

	/** RFC 3339 date-time, with seconds and an offset, as Atom requires. */
	private static void assertTime(String text) {
		assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
		OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
