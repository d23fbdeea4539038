package io.github.camelmessenger.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * Copies a starter's {@code camel.component.<scheme>.*} properties that are set onto its component, through the
 * component's generated configurer ({@link CamelPropertiesHelper#copyProperties}), unless
 * {@code camel.component.customizer.enabled} or {@code camel.component.<scheme>.customizer.enabled} is false.
 */
public final class PropertiesCustomizer implements ComponentCustomizer {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final ComponentConfigurationPropertiesCommon configuration;
    private final String scheme;
    private final Class<? extends Component> componentType;

    public PropertiesCustomizer(ApplicationContext applicationContext, CamelContext camelContext,
                                ComponentConfigurationPropertiesCommon configuration, String scheme,
                                Class<? extends Component> componentType) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.scheme = scheme;
        this.componentType = componentType;
    }

    @Override
    public void configure(String name, Component target) {
        CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                "camel.component." + scheme + ".customizer") && componentType.isInstance(target);
    }
}
