package io.github.camelmessenger.otn;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: the OTN store's readiness follows its database (H2 here, then the pool closed under it). */
class OtnStoreHealthTest extends OtnRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:optin").to("messenger-otn:store?topic=offers");
            }
        };
    }

    private HealthCheck.Result storeCheck() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("messenger-otn-store")).findFirst().orElseThrow();
    }

    @Test
    void readyWhileTheDatabaseAnswers() {
        HealthCheck.Result up = storeCheck();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("store", "JdbcOtnStore");

        pool.dispose();
        try {
            HealthCheck.Result down = storeCheck();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("unreachable"));
        } finally {
            pool = io.github.camelmessenger.otn.store.TestDatabases.h2File(dir);
        }
    }
}
