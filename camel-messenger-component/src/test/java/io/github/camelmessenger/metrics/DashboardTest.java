package io.github.camelmessenger.metrics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example Grafana dashboard queries every meter the components register, by its Prometheus name. */
class DashboardTest {

    @Test
    void everyMeterHasAPanel() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../docs/grafana/camel-messenger-dashboard.json")
                .toFile());
        StringBuilder queries = new StringBuilder();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.append(t.path("expr").asText())
                .append('\n')));
        int meters = 0;
        for (Field f : MessengerMeters.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String prometheus = ((String) f.get(null)).replace('.', '_') + "_total";
                assertThat(queries.toString()).as(prometheus).contains(prometheus);
                meters++;
            }
        }
        assertThat(meters).isEqualTo(7);
    }
}
