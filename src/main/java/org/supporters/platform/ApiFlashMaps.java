package org.supporters.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Spring MVC looks for flash attributes in the session before every handler: with a
 * session cookie, that reads the session from PostgreSQL (and writes its last access) on
 * every JSON call too. JSON answers under {@code /api/} never carry flash attributes, so
 * they skip the look-up, and a membership check answered from its token reads no session
 * at all.
 */
@Configuration(proxyBeanMethods = false)
class ApiFlashMaps {

	@Bean
	static BeanPostProcessor apiPathsWithoutFlashMaps() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(beanName)
						&& bean.getClass() == SessionFlashMapManager.class) ? new WithoutApiPaths() : bean;
			}

		};
	}

	private static final class WithoutApiPaths extends SessionFlashMapManager {

		@Override
		protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
			return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? null
					: super.retrieveFlashMaps(request);
		}

	}

}
