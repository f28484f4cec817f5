package cn.fj.emergency.alerting.cap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.CapDocument;
import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapProblem;
import cn.fj.emergency.alerting.cap.CapProfile;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.CapVersion;
import cn.fj.emergency.alerting.cap.xml.CapXmlReader;
import cn.fj.emergency.alerting.cap.xml.ReceivingCap;

/**
 * {@code cap validate FILE...}: for each file one line, {@code ACCEPT <file>} or
 * {@code REFUSE <file> <CODE>...}, the refusal's reasons indented below it (an accepted CAP 1.0 or 1.1 alert adds
 * {@code   <identifier>: read as CAP 1.1, upgraded to CAP 1.2}). Exit status 0 if every file is
 * accepted, 1 if any is refused, 2 for a usage error. The checks are those of an inbound alert (schema and
 * the inbound profile); {@code --own} applies our publishing profile instead.
 */
public final class CapCommand {

	/** Every file accepted. */
	public static final int ACCEPTED = 0;

	/** At least one file refused. */
	public static final int REFUSED = 1;

	/** The arguments were not a command. */
	public static final int USAGE = 2;

	private static final int MAX_REASONS = 5;

	private static final String USAGE_TEXT = """
			usage: cap validate [--own] FILE...
			  Validates CAP 1.2, 1.1 and 1.0 alerts and EDXL-DE 1.0 envelopes as the hub receives them
			  (an alert of 1.0 or 1.1 against its own schema, then upgraded to 1.2 and checked).
			  Prints ACCEPT <file> or REFUSE <file> <codes...> per file; exits 1 if any file is refused.
			  --own  check our publishing profile (colour, GB/T 2260 areas, +08:00) instead of the inbound one""";

	private CapCommand() {
	}

	/** Whether these program arguments are a {@code cap} command (and not the hub's own arguments). */
	public static boolean isCapCommand(String[] args) {
		return args.length > 0 && "cap".equals(args[0]);
	}

	/** Runs {@code cap ...}; {@code args[0]} is "cap". Returns the exit status, never exits. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> rest = Arrays.asList(args).subList(isCapCommand(args) ? 1 : 0, args.length);
		if (rest.isEmpty() || !"validate".equals(rest.get(0))) {
			err.println(USAGE_TEXT);
			return USAGE;
		}
		List<String> files = rest.subList(1, rest.size());
		boolean own = !files.isEmpty() && "--own".equals(files.get(0));
		if (own) {
			files = files.subList(1, files.size());
		}
		if (files.isEmpty()) {
			err.println(USAGE_TEXT);
			return USAGE;
		}
		CapProfile profile = own ? CapProfile.publishing(AreaCodes.fujian()) : CapProfile.inbound(AreaCodes.fujian());
		ReceivingCap receiving = new ReceivingCap(new CapXmlReader(), profile);
		int status = ACCEPTED;
		for (String file : files) {
			if (!validate(receiving, file, out)) {
				status = REFUSED;
			}
		}
		out.flush();
		return status;
	}

	private static boolean validate(ReceivingCap receiving, String file, PrintStream out) {
		try {
			CapDocument document = receiving.receive(read(Path.of(file)));
			out.println("ACCEPT " + file);
			if (document.isEnvelope()) {
				out.println("  EDXL-DE " + document.distributionId() + ": " + document.alerts().size() + " CAP alerts");
			}
			for (int i = 0; i < document.alerts().size(); i++) {
				if (document.versions().get(i) != CapVersion.V1_2) {
					out.println("  " + document.alerts().get(i).identifier() + ": read as " + document.versions().get(i)
							+ ", upgraded to CAP 1.2");
				}
			}
			return true;
		}
		catch (CapRefusal refusal) {
			refuse(file, refusal.problems(), out);
			return false;
		}
	}

	private static byte[] read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] bytes = in.readNBytes(CapXmlReader.DEFAULT_MAX_BYTES + 1);
			if (bytes.length > CapXmlReader.DEFAULT_MAX_BYTES) {
				throw new CapRefusal(CapErrorCode.CAP_TOO_LARGE, "larger than " + CapXmlReader.DEFAULT_MAX_BYTES + " bytes");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new CapRefusal(CapErrorCode.CAP_UNREADABLE, "cannot read the file: " + ex);
		}
	}

	private static void refuse(String file, List<CapProblem> problems, PrintStream out) {
		String codes = problems.stream().map(problem -> problem.code().name()).distinct().collect(Collectors.joining(" "));
		out.println("REFUSE " + file + " " + codes);
		problems.stream().limit(MAX_REASONS).forEach(problem -> out.println("  " + problem));
		if (problems.size() > MAX_REASONS) {
			out.println("  ... and " + (problems.size() - MAX_REASONS) + " more");
		}
	}

}
