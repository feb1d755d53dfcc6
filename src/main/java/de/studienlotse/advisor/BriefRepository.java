package de.studienlotse.advisor;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import de.studienlotse.database.Database;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Briefs in table {@code advisor_brief}, each stored whole as JSON beside its owner. Every statement names the owner:
 * an advisor's query never reaches another advisor's row, so a foreign id reads as absent.
 */
@Repository
class BriefRepository {

    private final Database database;
    private final JsonMapper json;

    BriefRepository(Database database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** One line of an advisor's list of briefs. */
    record Listed(String id, String title, Instant createdAt, Instant updatedAt) {
    }

    Mono<Brief> insert(String owner, Brief brief) {
        return database.mono(db -> db.sql("""
                        INSERT INTO advisor_brief (id, owner, title, body, created_at, updated_at)
                        VALUES (:id, :owner, :title, :body, :createdAt, :updatedAt)""")
                .bind("id", brief.id())
                .bind("owner", owner)
                .bind("title", title(brief))
                .bind("body", json.writeValueAsString(brief))
                .bind("createdAt", utc(brief.createdAt()))
                .bind("updatedAt", utc(brief.updatedAt()))
                .then().thenReturn(brief));
    }

    /**
     * Replaces the brief if it is still the version {@code previous} (its {@code updatedAt}); empty when another
     * change came first or the brief is not the owner's.
     */
    Mono<Brief> update(String owner, Brief brief, Instant previous) {
        return database.mono(db -> db.sql("""
                        UPDATE advisor_brief SET title = :title, body = :body, updated_at = :updatedAt
                        WHERE id = :id AND owner = :owner AND updated_at = :previous""")
                .bind("id", brief.id())
                .bind("owner", owner)
                .bind("title", title(brief))
                .bind("body", json.writeValueAsString(brief))
                .bind("updatedAt", utc(brief.updatedAt()))
                .bind("previous", utc(previous))
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(brief) : Mono.empty()));
    }

    Mono<Brief> find(String owner, String id) {
        return database.mono(db -> db.sql("SELECT body FROM advisor_brief WHERE id = :id AND owner = :owner")
                .bind("id", id)
                .bind("owner", owner)
                .map(row -> json.readValue(row.get("body", String.class), Brief.class))
                .one());
    }

    /** The owner's briefs, the latest change first. */
    Flux<Listed> list(String owner) {
        return database.flux(db -> db.sql("""
                        SELECT id, title, created_at, updated_at FROM advisor_brief WHERE owner = :owner
                        ORDER BY updated_at DESC, id""")
                .bind("owner", owner)
                .map(BriefRepository::listed)
                .all());
    }

    Mono<Boolean> delete(String owner, String id) {
        return database.mono(db -> db.sql("DELETE FROM advisor_brief WHERE id = :id AND owner = :owner")
                .bind("id", id)
                .bind("owner", owner)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0));
    }

    static String title(Brief brief) {
        String title = BriefMarkdown.title(brief.profile());
        List<String> cases = brief.items().stream().filter(i -> i.kind() == Brief.Kind.FALL).map(Brief.Item::caseId).toList();
        String full = (title.isEmpty() ? "Beratungsbrief" : title) + (cases.isEmpty() ? "" : " · " + String.join(", ", cases));
        return full.length() > 500 ? full.substring(0, 499) + "…" : full;
    }

    private static Listed listed(Readable row) {
        return new Listed(row.get("id", String.class), row.get("title", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
