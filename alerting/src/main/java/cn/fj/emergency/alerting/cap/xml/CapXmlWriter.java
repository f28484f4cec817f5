package cn.fj.emergency.alerting.cap.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapRefusal;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes an alert as CAP 1.2 in UTF-8: elements in the schema's order, CAP as the default namespace, times
 * with their explicit offset (never {@code Z}), kept XML-DSig elements after the info blocks exactly as read.
 * The output is validated against cap12.xsd before it is returned, so nothing invalid ever leaves. Our own
 * alerts are built in +08:00 ({@link cn.fj.emergency.alerting.cap.CapTimes#inChina}). Thread-safe.
 */
public final class CapXmlWriter {

	private static final String INDENT = "  ";

	private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		.getBytes(StandardCharsets.US_ASCII);

	private final SecureXml secure = new SecureXml(systemId -> {
	});

	/** The alert as a CAP 1.2 document; a refusal (CAP_SCHEMA_INVALID) if the model is not valid CAP. */
	public byte[] write(Alert alert) {
		Document document = secure.documentBuilder().newDocument();
		document.setXmlStandalone(true);
		marshal(AlertBinding.toXml(alert), document);
		Element root = document.getDocumentElement();
		for (String signature : alert.signatures()) {
			root.appendChild(document.importNode(secure.parse(signature).getDocumentElement(), true));
		}
		indent(root, 0);
		byte[] xml = serialise(document);
		List<String> errors = CapSchemas.errors(xml, secure);
		if (!errors.isEmpty()) {
			throw new CapRefusal(errors.stream()
				.map(error -> new CapProblem(CapErrorCode.CAP_SCHEMA_INVALID, "the alert would be written invalid: " + error))
				.toList());
		}
		return xml;
	}

	private static void marshal(AlertXml xml, Document document) {
		try {
			Marshaller marshaller = CapXmlReader.CONTEXT.createMarshaller();
			marshaller.marshal(xml, new DOMResult(document));
		}
		catch (JAXBException ex) {
			throw new IllegalStateException("the CAP binding cannot write an alert", ex);
		}
	}

	/** Indents CAP elements that hold only elements; kept signatures are left exactly as they were. */
	private static void indent(Element element, int depth) {
		if (!CapNamespaces.CAP.equals(element.getNamespaceURI()) || !holdsOnlyElements(element)) {
			return;
		}
		Document document = element.getOwnerDocument();
		List<Node> children = childNodes(element);
		if (children.isEmpty()) {
			return;
		}
		for (Node child : children) {
			element.insertBefore(document.createTextNode("\n" + INDENT.repeat(depth + 1)), child);
			if (child instanceof Element childElement) {
				indent(childElement, depth + 1);
			}
		}
		element.appendChild(document.createTextNode("\n" + INDENT.repeat(depth)));
	}

	private static boolean holdsOnlyElements(Element element) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() != Node.ELEMENT_NODE) {
				return false;
			}
		}
		return element.hasChildNodes();
	}

	private static List<Node> childNodes(Element element) {
		List<Node> nodes = new ArrayList<>();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			nodes.add(node);
		}
		return nodes;
	}

	private static byte[] serialise(Document document) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(DECLARATION);
			SecureXml.transformer(false).transform(new DOMSource(document), new StreamResult(out));
			out.write('\n');
			return out.toByteArray();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("cannot serialise a document just built", ex);
		}
	}

}
