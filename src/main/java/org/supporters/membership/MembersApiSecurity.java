package org.supporters.membership;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * The server-to-server members API: a valid API key in {@code Authorization: Bearer}, or
 * 401. Wrong keys are counted per client address (in PostgreSQL, so across instances),
 * and only wrong keys: a right one costs no count. Past the limit, wrong keys from the
 * address get 429, and an instance that saw the address reach the limit refuses it for
 * the window without looking at its key.
 */
@Configuration(proxyBeanMethods = false)
class MembersApiSecurity {

	static final int WRONG_KEYS_ALLOWED = 10;

	static final Duration WRONG_KEY_WINDOW = Duration.ofMinutes(15);

	@Bean
	@Order(20)
	SecurityFilterChain membersApiChain(HttpSecurity http, ApiKeys keys, RateLimits limits) throws Exception {
		PageSecurity.strictHeaders(http)
			.securityMatcher("/api/v1/members", "/api/v1/members/**")
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			// after the header writer, so that a refusal carries the same headers as
			// every answer
			.addFilterAfter(new ApiKeyFilter(keys, limits), HeaderWriterFilter.class);
		return http.build();
	}

	private static final class ApiKeyFilter extends OncePerRequestFilter {

		private final ApiKeys keys;

		private final RateLimits limits;

		private final BlockedAddresses blocked = new BlockedAddresses();

		ApiKeyFilter(ApiKeys keys, RateLimits limits) {
			this.keys = keys;
			this.limits = limits;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String address = request.getRemoteAddr();
			if (this.blocked.isBlocked(address)) {
				tooMany(response);
				return;
			}
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String key = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).trim()
					: "";
			if (!key.isEmpty() && this.keys.isValid(key)) {
				chain.doFilter(request, response);
				return;
			}
			if (!key.isEmpty()) {
				String bucket = "api-key:" + address;
				if (!this.limits.tryAcquire(bucket, WRONG_KEYS_ALLOWED, WRONG_KEY_WINDOW)) {
					this.blocked.block(address);
					tooMany(response);
					return;
				}
				if (this.limits.isExhausted(bucket, WRONG_KEYS_ALLOWED, WRONG_KEY_WINDOW)) {
					this.blocked.block(address);
				}
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problem(response, 401, "Unauthorized",
					"A valid API key is needed: send it as 'Authorization: Bearer <key>'.");
		}

		private static void tooMany(HttpServletResponse response) throws IOException {
			problem(response, 429, "Too Many Requests",
					"Too many wrong API keys from this address. Try again in 15 minutes.");
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

	/**
	 * The addresses this instance saw reach the limit, until the window has passed: at
	 * most {@link #MAX}, the oldest forgotten first (another wrong key finds the count in
	 * PostgreSQL again).
	 */
	private static final class BlockedAddresses {

		private static final int MAX = 10_000;

		private final Map<String, Long> until = new ConcurrentHashMap<>();

		boolean isBlocked(String address) {
			Long end = this.until.get(address);
			if (end == null) {
				return false;
			}
			if (System.nanoTime() - end >= 0) {
				this.until.remove(address, end);
				return false;
			}
			return true;
		}

		void block(String address) {
			long now = System.nanoTime();
			if (this.until.size() >= MAX) {
				this.until.values().removeIf((end) -> now - end >= 0);
				if (this.until.size() >= MAX) {
					this.until.clear();
				}
			}
			this.until.put(address, now + WRONG_KEY_WINDOW.toNanos());
		}

	}

}
