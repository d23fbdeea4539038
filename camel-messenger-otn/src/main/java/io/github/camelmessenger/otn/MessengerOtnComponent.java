package io.github.camelmessenger.otn;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.jdbc.DataSources;
import io.github.camelmessenger.metrics.MessengerMeters;
import io.github.camelmessenger.otn.health.OtnStoreHealthCheck;
import io.github.camelmessenger.otn.store.InMemoryOtnStore;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code messenger-otn} component: One-Time Notification tokens and contacts (store, attributes), the token
 * broadcast and the fallback audience. One {@link OtnStore}, chosen at start, serves all its endpoints.
 */
@Component("messenger-otn")
public class MessengerOtnComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerOtnComponent.class);

    @Metadata(autowired = true,
              description = "The database of tokens and contacts (a JdbcOtnStore; tables created if missing; H2 and "
                            + "PostgreSQL tested). When not set: the single DataSource in the registry. Without one, "
                            + "and without a store, tokens are kept in memory and lost on restart.")
    private DataSource dataSource;
    @Metadata(label = "advanced",
              description = "A store of your own (an OtnStore bean); wins over dataSource. The component starts it, "
                            + "but does not close it.")
    private OtnStore store;
    @Metadata(label = "advanced", defaultValue = "",
              description = "Prefix of the store's table names with dataSource (letters, digits, underscores), e.g. "
                            + "shop_ for shop_otn_token.")
    private String tablePrefix = "";
    @Metadata(label = "advanced",
              description = "This node's name in claim owners (node id + a UUID per consumer), seen in the store's "
                            + "claim_owner column; default: the host name.")
    private String nodeId;
    @Metadata(label = "advanced", autowired = true,
              description = "The clock for token expiry, leases and event times; autowired when the registry holds "
                            + "exactly one java.time.Clock (e.g. a sandbox's clock). Default: the system clock.")
    private Clock clock;

    private OtnStore activeStore;
    private boolean ownsStore;

    public MessengerOtnComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OtnKind kind;
        try {
            kind = OtnKind.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown messenger-otn kind '" + remaining + "' in " + uri + "; known: "
                                               + Arrays.toString(OtnKind.values()));
        }
        MessengerOtnEndpoint endpoint = new MessengerOtnEndpoint(uri, this, kind);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    private OtnStoreHealthCheck storeHealth;
    private volatile MessengerMeters meters = MessengerMeters.NONE;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        resolveClock();
        store();
        meters = MessengerMeters.of(getCamelContext());
        storeHealth = new OtnStoreHealthCheck(store());
        storeHealth.register(getCamelContext());
    }

    /** Where tokens captured, consumed, retired and released are counted (nowhere without Micrometer). */
    public MessengerMeters meters() {
        return meters;
    }

    /**
     * The store every endpoint of this component uses; chosen and started once. Contacts' last inbound times are the
     * messenger component's conversation state: the stores of this component read and write them there, and when the
     * messenger component has no state repository configured, its default becomes a JDBC one on this component's
     * database (else in memory), so the webhook consumer's records, the 24-hour window and the contacts agree.
     */
    public synchronized OtnStore store() {
        if (activeStore == null) {
            OtnStore chosen;
            DataSource database = DataSources.find(getCamelContext(), dataSource);
            if (store != null) {
                chosen = store;
                ownsStore = false;
            } else if (database != null) {
                ConversationStateRepository state = messenger()
                        .sharedStateRepository(() -> new JdbcConversationStateRepository(database));
                if (state instanceof InMemoryConversationStateRepository) {
                    LOG.warn("messenger-otn keeps tokens in a database, but contacts' last inbound times are the "
                             + "messenger component's conversation state, which is IN MEMORY: set its stateRepository "
                             + "(e.g. #class:{}) to keep them across restarts and share them between nodes.",
                            JdbcConversationStateRepository.class.getName());
                }
                chosen = new JdbcOtnStore(database, tablePrefix, clock(), state);
                ownsStore = true;
            } else {
                LOG.warn("messenger-otn keeps One-Time Notification tokens and contacts IN MEMORY: they will not "
                         + "survive a restart, and nodes do not share them ({}). Bind one javax.sql.DataSource or set "
                         + "the component's dataSource option.", DataSources.whyNone(getCamelContext()));
                chosen = new InMemoryOtnStore(clock(), messenger().sharedStateRepository(null));
                ownsStore = true;
            }
            chosen.start();
            activeStore = chosen;
        }
        return activeStore;
    }

    private MessengerComponent messenger() {
        return getCamelContext().getComponent("messenger", MessengerComponent.class);
    }

    /** The node part of claim owners. */
    String nodeName() {
        if (nodeId != null && !nodeId.isBlank()) {
            return nodeId;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (storeHealth != null) {
            storeHealth.unregister(getCamelContext());
            storeHealth = null;
        }
        OtnStore s;
        boolean close;
        synchronized (this) {
            s = activeStore;
            close = ownsStore;
            if (!(s instanceof InMemoryOtnStore)) {
                activeStore = null; // an in-memory store is kept: a restart of the component keeps its tokens
            }
        }
        if (s != null && close) {
            s.close();
        }
        super.doStop();
    }

    /**
     * The clock every time-dependent decision of this component reads: the option, else the one Clock in the
     * registry when this component started (also one bound after it was created, e.g. by a test kit), else the
     * system clock.
     */
    public Clock clock() {
        Clock c = clock;
        return c != null ? c : Clock.systemUTC();
    }

    private void resolveClock() {
        if (clock == null) {
            clock = CamelContextHelper.findSingleByType(getCamelContext(), Clock.class);
        }
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public OtnStore getStore() {
        return store;
    }

    public void setStore(OtnStore store) {
        this.store = store;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }
}
