package io.github.camelmessenger.springboot;

import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@code camel.component.messenger.*} to the messenger component, the way camel-spring-boot's starters do: one
 * {@link ComponentCustomizer} copies every property that is set onto the component.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, MessengerComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, MessengerComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.messenger"})
public class MessengerComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureMessengerComponent(ApplicationContext applicationContext,
                                                           CamelContext camelContext,
                                                           MessengerComponentConfiguration configuration) {
        return new PropertiesCustomizer(applicationContext, camelContext, configuration, "messenger",
                MessengerComponent.class);
    }
}
