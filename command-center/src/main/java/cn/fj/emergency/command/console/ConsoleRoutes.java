package cn.fj.emergency.command.console;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The console's entry points: {@code /} and {@code /console} redirect to {@code /console/}, which answers the
 * console's {@code index.html}. Its other files ({@code /console/js/...}) and the WebJars ({@code /webjars/...})
 * are Spring's default static resources; all of them are open (AccessPolicy leaves paths outside {@code /api}
 * open), since signing in happens inside the page.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

	private static final Resource INDEX = new ClassPathResource("META-INF/resources/console/index.html");

	@Bean
	RouterFunction<ServerResponse> consoleEntry() {
		return route().GET("/", request -> ServerResponse.temporaryRedirect(URI.create("/console/")).build())
			.GET("/console", request -> ServerResponse.temporaryRedirect(URI.create("/console/")).build())
			.GET("/console/", request -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.cacheControl(CacheControl.noCache())
				.bodyValue(INDEX))
			.build();
	}

}
