package org.supporters.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import org.supporters.platform.PageSecurity;
import org.supporters.platform.RateLimits;

/**
 * {@code /actuator/prometheus} answers only with {@code Authorization: Bearer} and the
 * token of {@code SUPPORTERS_METRICS_TOKEN}; without a configured token, to nobody. Wrong
 * tokens are counted per client address, like wrong API keys.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

	static final int WRONG_TOKENS_ALLOWED = 10;

	static final Duration WRONG_TOKEN_WINDOW = Duration.ofMinutes(15);

	@Bean
	@Order(15)
	SecurityFilterChain metricsChain(HttpSecurity http, MetricsProperties properties, RateLimits limits)
			throws Exception {
		PageSecurity.strictHeaders(http)
			.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(new TokenFilter(properties, limits), HeaderWriterFilter.class);
		return http.build();
	}

	private static final class TokenFilter extends OncePerRequestFilter {

		private final byte[] token;

		private final RateLimits limits;

		TokenFilter(MetricsProperties properties, RateLimits limits) {
			this.token = properties.open() ? properties.token().getBytes(StandardCharsets.UTF_8) : null;
			this.limits = limits;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String bucket = "metrics-token:" + request.getRemoteAddr();
			if (this.limits.isExhausted(bucket, WRONG_TOKENS_ALLOWED, WRONG_TOKEN_WINDOW)) {
				problem(response, 429, "Too Many Requests",
						"Too many wrong metrics tokens from this address. Try again in 15 minutes.");
				return;
			}
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String given = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7))
					? header.substring(7).trim() : "";
			if (this.token == null || given.isEmpty()
					|| !MessageDigest.isEqual(this.token, given.getBytes(StandardCharsets.UTF_8))) {
				if (this.token != null && !given.isEmpty()) {
					this.limits.record(bucket);
				}
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				problem(response, 401, "Unauthorized",
						(this.token == null)
								? "Metrics are closed: the operator sets SUPPORTERS_METRICS_TOKEN to open them."
								: "The metrics token is needed: send it as 'Authorization: Bearer <token>'.");
				return;
			}
			chain.doFilter(request, response);
		}

		private static void problem(HttpServletResponse response, int status, String title, String detail)
				throws IOException {
			response.setStatus(status);
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
						+ detail + "\"}");
		}

	}

}
