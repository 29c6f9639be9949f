package org.supporters.membership;

import java.io.IOException;
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
 * The server-to-server members API: a valid API key in {@code Authorization: Bearer}, or
 * 401. Wrong keys are counted per client address; past the limit, the address is refused
 * for a while without its key even being looked at.
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
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			// after the header writer, so that a refusal carries the same headers as
			// every answer
			.addFilterAfter(new ApiKeyFilter(keys, limits), HeaderWriterFilter.class);
		return http.build();
	}

	private static final class ApiKeyFilter extends OncePerRequestFilter {

		private final ApiKeys keys;

		private final RateLimits limits;

		ApiKeyFilter(ApiKeys keys, RateLimits limits) {
			this.keys = keys;
			this.limits = limits;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String bucket = "api-key:" + request.getRemoteAddr();
			if (this.limits.isExhausted(bucket, WRONG_KEYS_ALLOWED, WRONG_KEY_WINDOW)) {
				problem(response, 429, "Too Many Requests",
						"Too many wrong API keys from this address. Try again in 15 minutes.");
				return;
			}
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String key = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).trim()
					: "";
			if (key.isEmpty() || !this.keys.isValid(key)) {
				if (!key.isEmpty()) {
					this.limits.record(bucket);
				}
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				problem(response, 401, "Unauthorized",
						"A valid API key is needed: send it as 'Authorization: Bearer <key>'.");
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
