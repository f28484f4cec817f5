package cn.fj.emergency.alerting.cap.xml;

import cn.fj.emergency.alerting.cap.CapVersion;
import org.jspecify.annotations.Nullable;

/** The namespaces the adapter reads (CAP 1.0, 1.1, 1.2, EDXL-DE 1.0, XML-DSig) and writes (CAP 1.2). */
public final class CapNamespaces {

	/** CAP 1.2, the version the hub's model is and the only one it writes. */
	public static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";

	/** CAP 1.1 (OASIS Standard 2005, errata 2007): read and upgraded to 1.2. */
	public static final String CAP_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";

	/** CAP 1.0 (OASIS Standard 2004), whose namespace was not yet an OASIS URN: read and upgraded to 1.2. */
	public static final String CAP_1_0 = "http://www.incident.com/cap/1.0";

	public static final String EDXL_DE = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

	public static final String XML_DSIG = "http://www.w3.org/2000/09/xmldsig#";

	/** The media type of a CAP document. */
	public static final String MEDIA_TYPE = "application/cap+xml";

	/** The CAP version whose namespace {@code namespace} is, or null if it is none. */
	public static @Nullable CapVersion version(@Nullable String namespace) {
		if (CAP.equals(namespace)) {
			return CapVersion.V1_2;
		}
		if (CAP_1_1.equals(namespace)) {
			return CapVersion.V1_1;
		}
		if (CAP_1_0.equals(namespace)) {
			return CapVersion.V1_0;
		}
		return null;
	}

	private CapNamespaces() {
	}

}
