package org.supporters.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-setup default: without {@code SPRING_DATASOURCE_URL} the service runs its own
 * PostgreSQL in {@code SUPPORTERS_DATA_DIR}. With it, this configuration steps aside and
 * Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(SupportersProperties properties) {
		return EmbeddedDatabase.start(properties.dataDir());
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setPoolName("embedded");
		return dataSource;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
