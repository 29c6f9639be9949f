package org.supporters.staff;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import org.supporters.platform.RateLimits;

/**
 * The staff pages' own chain, before the platform's catch-all: form sign-in against
 * staff_user, roles ADMIN and STAFF, a lockout after wrong passwords, a limit on wrong
 * passwords per client address (whatever the accounts tried), an idle timeout, CSRF
 * tokens in the session, and the same strict headers as every page.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	static final int FAILED_SIGN_INS_PER_ADDRESS = 20;

	static final Duration FAILED_SIGN_IN_WINDOW = Duration.ofMinutes(15);

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	@Bean
	@Order(10)
	SecurityFilterChain staffSecurityFilterChain(HttpSecurity http, StaffUsers users, StaffProperties properties,
			RateLimits limits) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users::signingIn);
		passwords.setPasswordEncoder(users.passwordEncoder());
		http.securityMatcher("/staff", "/staff/**")
			.authenticationManager(new ProviderManager(passwords))
			.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers("/staff/login")
						.permitAll()
						.requestMatchers("/staff/admin", "/staff/admin/**")
						.hasRole("ADMIN")
						.anyRequest()
						.hasAnyRole("ADMIN", "STAFF"))
			.formLogin((form) -> form.loginPage("/staff/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(signedIn(users, properties))
				.failureHandler(failed(users, limits)))
			.addFilterBefore(new AddressLimit(limits), UsernamePasswordAuthenticationFilter.class)
			.logout((logout) -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?signedOut"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(forbidden()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frames) -> frames.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static AuthenticationSuccessHandler signedIn(StaffUsers users, StaffProperties properties) {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		redirect.setDefaultTargetUrl("/staff");
		redirect.setAlwaysUseDefaultTargetUrl(false);
		return (request, response, authentication) -> {
			request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
			users.recordSuccess(((StaffPrincipal) authentication.getPrincipal()).id());
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler failed(StaffUsers users, RateLimits limits) {
		return (request, response, exception) -> {
			limits.record(addressBucket(request));
			String email = request.getParameter("email");
			if (email != null && !email.isBlank() && !(exception instanceof LockedException)) {
				users.recordFailure(email);
			}
			response.sendRedirect(request.getContextPath() + "/staff/login?error");
		};
	}

	private static String addressBucket(HttpServletRequest request) {
		return "staff-sign-in-address:" + request.getRemoteAddr();
	}

	/**
	 * Refuses sign-ins from an address with too many wrong passwords lately, before the
	 * password is even checked: one address trying many accounts gets no further.
	 */
	private static final class AddressLimit extends OncePerRequestFilter {

		private final RateLimits limits;

		AddressLimit(RateLimits limits) {
			this.limits = limits;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod()) && request.getServletPath().equals("/staff/login"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (this.limits.isExhausted(addressBucket(request), FAILED_SIGN_INS_PER_ADDRESS, FAILED_SIGN_IN_WINDOW)) {
				response.sendRedirect(request.getContextPath() + "/staff/login?tooMany");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, denied) -> {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			String message = (denied instanceof CsrfException)
					? "This form has expired or did not come from this site. Go back, reload the page and try again."
					: "Only an admin may do that.";
			request.setAttribute("message", message);
			// stays within this chain: the platform's would check the form's token again
			request.getRequestDispatcher("/staff/forbidden").forward(request, response);
		};
	}

}
