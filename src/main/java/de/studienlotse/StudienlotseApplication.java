package de.studienlotse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Studienlotse: answers questions about the study "Best Practices – Einführung von KI-Anwendungen in KMU". */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StudienlotseApplication {

    public static void main(String[] args) {
        SpringApplication.run(StudienlotseApplication.class, args);
    }
}
