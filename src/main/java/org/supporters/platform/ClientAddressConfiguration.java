package org.supporters.platform;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where a request comes from, and what it may bring: the client address is the
 * connection's, unless the connection comes from a proxy listed in
 * {@code SUPPORTERS_TRUSTED_PROXIES}; then it is the right-most address of
 * {@code X-Forwarded-For} that is not a trusted proxy (Tomcat's RemoteIpValve). Every
 * limit keyed on an address relies on this, so by default no proxy is trusted.
 */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

	@Bean
	TrustedProxies trustedProxies(SupportersProperties properties) {
		return new TrustedProxies(String.join(",", properties.trustedProxies()));
	}

	/**
	 * Right after the request's encoding is set (Boot's CharacterEncodingFilter comes
	 * first), before sessions, security or any controller reads the request.
	 */
	@Bean
	FilterRegistrationBean<ClientInputFilter> clientInputFilter() {
		FilterRegistrationBean<ClientInputFilter> registration = new FilterRegistrationBean<>(new ClientInputFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Runs after Boot's customizer, which adds the valve with Tomcat's default proxies
	 * (every private and loopback address) when none are set, and replaces them.
	 */
	static final class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final String cidrs;

		TrustedProxies(String cidrs) {
			this.cidrs = cidrs;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.getEngineValves()
				.stream()
				.filter(RemoteIpValve.class::isInstance)
				.map(RemoteIpValve.class::cast)
				.forEach((valve) -> valve.setInternalProxies(this.cidrs));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
