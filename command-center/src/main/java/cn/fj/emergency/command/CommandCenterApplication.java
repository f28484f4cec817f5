package cn.fj.emergency.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The provincial emergency command hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandCenterApplication {

	public static void main(String[] args) {
		SpringApplication.run(CommandCenterApplication.class, args);
	}

}
