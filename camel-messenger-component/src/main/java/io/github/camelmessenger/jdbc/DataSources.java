package io.github.camelmessenger.jdbc;

import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;

/**
 * The one rule by which the components find their database: the {@code dataSource} option when set, else the
 * single {@link DataSource} in the Camel registry, else none. Two or more DataSources in the registry and no option
 * count as none: the component cannot know which one is meant, and says so ({@link #whyNone}).
 * <p>
 * The lookup runs when a component needs the database (at its start), so a DataSource bound after the component
 * was created is found too.
 */
public final class DataSources {

    private DataSources() {
    }

    /** The option, else the single DataSource in the context's registry, else null. */
    public static DataSource find(CamelContext context, DataSource option) {
        if (option != null) {
            return option;
        }
        return context == null ? null : CamelContextHelper.findSingleByType(context, DataSource.class);
    }

    /**
     * As {@link #find}, but a missing database is an error.
     *
     * @param  user                     who needs it, for the message (e.g. {@code "JdbcWebhookInbox[INBOX]"})
     * @throws IllegalArgumentException naming what the registry holds and how to choose
     */
    public static DataSource require(CamelContext context, DataSource option, String user) {
        DataSource found = find(context, option);
        if (found == null) {
            throw new IllegalArgumentException(user + " needs a javax.sql.DataSource: " + whyNone(context));
        }
        return found;
    }

    /** Why {@link #find} found nothing, and what to do: for log lines and error messages. */
    public static String whyNone(CamelContext context) {
        Map<String, DataSource> bound = context == null ? Map.of()
                : context.getRegistry().findByTypeWithName(DataSource.class);
        if (bound.isEmpty()) {
            return "no dataSource option is set and the registry holds no DataSource";
        }
        return "no dataSource option is set and the registry holds " + bound.size() + " DataSources "
               + new TreeSet<>(bound.keySet()) + ": set the dataSource option to the one to use";
    }
}
