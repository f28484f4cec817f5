package cn.fj.emergency.alerting.cap.xml;

/** The namespaces the adapter reads and writes. */
public final class CapNamespaces {

	public static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";

	public static final String EDXL_DE = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

	public static final String XML_DSIG = "http://www.w3.org/2000/09/xmldsig#";

	/** The media type of a CAP document. */
	public static final String MEDIA_TYPE = "application/cap+xml";

	private CapNamespaces() {
	}

}
