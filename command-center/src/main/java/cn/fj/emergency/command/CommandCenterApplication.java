package cn.fj.emergency.command;

import cn.fj.emergency.alerting.cap.cli.CapCommand;
import cn.fj.emergency.command.drill.cli.DrillCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The provincial emergency command hub. {@code java -jar command-center.jar cap validate FILE...} runs the
 * CAP validator instead, without Spring, databases or servers (docs/cap-profile.md); {@code drill run ...} plays a
 * drill scenario against a running hub (docs/drills.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandCenterApplication {

	public static void main(String[] args) {
		if (CapCommand.isCapCommand(args)) {
			System.exit(CapCommand.run(args, System.out, System.err));
		}
		if (DrillCommand.isDrillCommand(args)) {
			System.exit(DrillCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(CommandCenterApplication.class, args);
	}

}
