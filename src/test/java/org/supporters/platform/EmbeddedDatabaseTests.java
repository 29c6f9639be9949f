package org.supporters.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void rowsSurviveAStopAndStart() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDir)) {
			execute(database, "create table note (text text); insert into note values ('kept')");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDir);
				Connection connection = DriverManager.getConnection(database.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select text from note")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("kept");
		}
	}

	@Test
	void secondInstanceOnTheSameDataDirectoryStopsWithAClearMessage() throws Exception {
		try (EmbeddedDatabase first = EmbeddedDatabase.start(this.dataDir)) {
			assertThatThrownBy(() -> EmbeddedDatabase.start(this.dataDir)).isInstanceOf(DataDirectoryException.class)
				.hasMessageContaining("SUPPORTERS_DATA_DIR")
				.hasMessageContaining("another Supporters instance is using it");
			execute(first, "select 1");
		}
	}

	@Test
	void unusableDataDirectoryIsNamedInTheMessage() throws Exception {
		Path file = Files.writeString(this.dataDir.resolve("a-file"), "not a directory");

		assertThatThrownBy(() -> EmbeddedDatabase.start(file.resolve("var"))).isInstanceOf(DataDirectoryException.class)
			.hasMessageContaining("a-file/var")
			.hasMessageContaining("cannot be created or written to");
	}

	private static void execute(EmbeddedDatabase database, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
