package org.supporters.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * While PostgreSQL cannot be reached (a restart, a failover, a full pool), every request
 * that needs it is answered 503 with {@code Retry-After}, a ProblemDetail or a page:
 * callers such as Stripe retry, nothing is lost, and the pool reconnects by itself once
 * the database is back. Anything else is left to the usual error handling.
 */
@Component
class DatabaseUnavailable implements HandlerExceptionResolver, Ordered {

	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailable.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!isUnreachableDatabase(ex)) {
			return null;
		}
		logger.warn("The database cannot be reached: answered {} {} with 503", request.getMethod(),
				request.getRequestURI());
		try {
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
			request.setAttribute(ErrorPages.MESSAGE,
					new DefaultMessageSourceResolvable(new String[] { "error.database" }, null,
							"The service cannot reach its database for a moment. Please try again in a few seconds."));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
		catch (IOException io) {
			// the client went away: nothing left to answer
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * A connection that could not be had or was lost: the pool's timeout, a refused or
	 * broken connection (SQLState class 08), or a server shutting down or starting (57P).
	 */
	static boolean isUnreachableDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
