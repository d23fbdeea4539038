package io.github.camelmessenger.otn.health;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.camelmessenger.health.MessengerHealthCheck;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.OtnStore;
import org.apache.camel.health.HealthCheckResultBuilder;

/** Readiness of the OTN store: its database answers (an in-memory store is always up). */
public final class OtnStoreHealthCheck extends MessengerHealthCheck {

    private final OtnStore store;

    public OtnStoreHealthCheck(OtnStore store) {
        super("messenger-otn-store", false);
        this.store = store;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        builder.detail("store", store.getClass().getSimpleName());
        if (!(store instanceof JdbcOtnStore jdbc)) {
            builder.up();
            return;
        }
        try (Connection c = jdbc.dataSource().getConnection()) {
            if (c.isValid(5)) {
                builder.up();
            } else {
                builder.down().message("the OTN store's database connection is not valid");
            }
        } catch (SQLException | RuntimeException e) {
            builder.down().message("the OTN store's database is unreachable: " + e.getMessage());
        }
    }
}
