package cn.fj.emergency.alerting.cap.xml;

import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/** JAXB binding of CAP's {@code resource}. */
@XmlType(name = "", propOrder = { "resourceDesc", "mimeType", "size", "uri", "derefUri", "digest" })
final class ResourceXml {

	@Nullable String resourceDesc;

	@Nullable String mimeType;

	@Nullable String size;

	@Nullable String uri;

	@Nullable String derefUri;

	@Nullable String digest;

}
