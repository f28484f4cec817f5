package cn.fj.emergency.command.security.web;

import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;

/**
 * The path a request is dispatched on: each segment percent-decoded and without its matrix parameters, as
 * {@code PathPattern} matches it in the router. Access rules are matched on this path and on no other spelling of
 * it, so {@code /%61pi/admin/officers} is {@code /api/admin/officers} to the rules as to the router. The firewall
 * has already refused what would make decoding ambiguous (encoded separators, {@code %25}, {@code ;}, {@code //}).
 */
final class DecodedPath {

	private DecodedPath() {
	}

	private static final String ATTRIBUTE = DecodedPath.class.getName();

	/** Worked out once per request (every rule of the table is tried on it). */
	static String of(ServerWebExchange exchange) {
		Object known = exchange.getAttribute(ATTRIBUTE);
		if (known instanceof String path) {
			return path;
		}
		String path = decode(exchange);
		exchange.getAttributes().put(ATTRIBUTE, path);
		return path;
	}

	private static String decode(ServerWebExchange exchange) {
		StringBuilder path = new StringBuilder();
		for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
			path.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
		}
		return path.toString();
	}

}
