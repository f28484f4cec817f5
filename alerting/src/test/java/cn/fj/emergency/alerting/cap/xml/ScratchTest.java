package cn.fj.emergency.alerting.cap.xml;

import java.nio.file.Path;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.Corpus;
import org.junit.jupiter.api.Test;

class ScratchTest {

	@Test
	void scratch() {
		CapXmlReader reader = new CapXmlReader(CapXmlReader.DEFAULT_MAX_BYTES, s -> System.out.println("FETCH " + s));
		CapXmlWriter writer = new CapXmlWriter();
		CapProfile profile = CapProfile.inbound(AreaCodes.fujian());
		for (String folder : new String[] { "valid", "invalid" }) {
			for (Path file : Corpus.list(folder)) {
				try {
					CapDocument doc = reader.read(Corpus.bytes(file));
					System.out.println("READ " + file.getFileName() + " " + doc.alerts().size());
					for (Alert alert : doc.alerts()) {
						System.out.println("  checks " + profile.check(alert));
						byte[] out = writer.write(alert);
						Alert again = reader.read(out).alerts().get(0);
						System.out.println("  equal " + again.equals(alert));
						if (!again.equals(alert)) {
							System.out.println(alert);
							System.out.println(again);
						}
						if (file.getFileName().toString().contains("signed")) {
							System.out.println(new String(out, java.nio.charset.StandardCharsets.UTF_8));
						}
					}
				}
				catch (CapRefusal r) {
					System.out.println("REFUSED " + file.getFileName() + " " + r.problems());
				}
			}
		}
	}

}
