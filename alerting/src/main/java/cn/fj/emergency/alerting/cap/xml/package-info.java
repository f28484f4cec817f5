/**
 * CAP 1.2 and EDXL-DE 1.0 as XML: a hardened reader (no DTD, no external entity, schema or XInclude, a size
 * limit, any declared encoding) that validates against the official schemas and also reads CAP 1.0 and 1.1,
 * upgrading them to 1.2 ({@code CapUpgrade}), and a writer that emits schema-valid CAP 1.2 with explicit offsets. The JAXB binding classes here are private to the adapter.
 */
@NullMarked
@XmlSchema(namespace = CapNamespaces.CAP, elementFormDefault = XmlNsForm.QUALIFIED,
		xmlns = @XmlNs(prefix = "", namespaceURI = CapNamespaces.CAP))
@XmlAccessorType(XmlAccessType.FIELD)
package cn.fj.emergency.alerting.cap.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import org.jspecify.annotations.NullMarked;
