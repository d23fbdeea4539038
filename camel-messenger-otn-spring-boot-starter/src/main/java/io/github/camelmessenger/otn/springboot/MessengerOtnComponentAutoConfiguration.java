package io.github.camelmessenger.otn.springboot;

import io.github.camelmessenger.otn.MessengerOtnComponent;
import io.github.camelmessenger.springboot.PropertiesCustomizer;
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
 * Binds {@code camel.component.messenger-otn.*} to the messenger-otn component. Its {@code dataSource} option is
 * autowired by Camel, so the application's one DataSource bean becomes the OTN store without any property.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, MessengerOtnComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, MessengerOtnComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.messenger-otn"})
public class MessengerOtnComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureMessengerOtnComponent(ApplicationContext applicationContext,
                                                              CamelContext camelContext,
                                                              MessengerOtnComponentConfiguration configuration) {
        return new PropertiesCustomizer(applicationContext, camelContext, configuration, "messenger-otn",
                MessengerOtnComponent.class);
    }
}
