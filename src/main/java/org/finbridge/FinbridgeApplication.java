package org.finbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FinbridgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(FinbridgeApplication.class, args);
    }
}
