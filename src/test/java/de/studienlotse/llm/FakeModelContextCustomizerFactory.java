package de.studienlotse.llm;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import de.studienlotse.llm.FakeLlmServer.Protocol;

/** Reads {@link FakeModel}; registered in the test sources' {@code META-INF/spring.factories}. */
public class FakeModelContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        FakeModel fake = TestContextAnnotationUtils.findMergedAnnotation(testClass, FakeModel.class);
        return fake == null ? null : new Customizer(fake.value(), fake.model());
    }

    /** A record: equal settings share one cached context, and so one server. */
    record Customizer(Protocol protocol, String model) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            FakeLlmServer server = FakeLlmServer.start(protocol, model);
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton("fakeLlmServer", server);
            beans.registerDisposableBean("fakeLlmServer", server::close);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fakeModel", Map.of(
                    "studienlotse.llm.provider", protocol.provider(),
                    "studienlotse.llm.base-url", server.baseUrl(),
                    "studienlotse.llm.model", model)));
        }
    }
}
